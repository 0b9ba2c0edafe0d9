/// Money by strategy: what the funded projects linked to each strategy cost,
/// as a share of all money allocated, against the strategy's minimum share.
///
/// Figures are result.json's `strategies[]` (`fundedCost`, `share`) and the
/// scenario's `minShare`. A project linked to several strategies counts in each,
/// so the shares may add up to more than 100%.
public struct StrategySharesSection: ReportSection {
    public let anchor = "strategies"
    public let title = "Money by strategy against minimum shares"
    let scenario: Scenario
    let figures: ResultFigures

    public init(scenario: Scenario, figures: ResultFigures) {
        self.scenario = scenario
        self.figures = figures
    }

    public func write(into html: inout HTMLDocument) {
        guard !scenario.strategies.isEmpty else {
            html.element("p", [], "The scenario has no strategies.")
            return
        }
        html.element("p", [("class", "legend")]) { html in
            html.add("Share of all money allocated that goes to projects linked to the strategy (a project linked to several counts in each):")
            html.element("span", [("class", "used")], "")
            html.add("share")
            html.element("span", [("class", "minimum")], "")
            html.add("minimum share (minShare)")
        }
        let bars = figures.strategies.enumerated().map { k, share in
            let strategy = scenario.strategies[k]
            let label = strategy.id + (strategy.name.map { " " + $0 } ?? "")
            var caption = "\(NumberFormat.percent(share.share, decimals: 1)), \(NumberFormat.baht(share.fundedCost)) baht"
            if strategy.minShare > 0 {
                caption += "; minimum \(NumberFormat.percent(strategy.minShare, decimals: 1))"
            }
            return SVGBarChart.Bar(
                label: label, title: label, value: share.share, reference: strategy.minShare > 0 ? strategy.minShare : nil,
                caption: caption,
                data: [
                    ("data-strategy", strategy.id), ("data-funded-cost", ReportNumber.data(share.fundedCost)),
                    ("data-share", ReportNumber.data(share.share)), ("data-min-share", ReportNumber.data(strategy.minShare)),
                ])
        }
        SVGBarChart(name: "strategies", description: "Share of money per strategy against its minimum", reference: .minimum, bars: bars)
            .write(into: &html)
    }
}
