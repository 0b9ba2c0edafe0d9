/// Projects and money per level, per run: for each level that has funders (in
/// escalation order), a chart with one bar per run (the base first) of the
/// money the level's funders fund against their budget, with the number of
/// projects; a run without a decision draws no money.
///
/// Figures are comparison.json's `runs[].levels[]` (`projects`, `cost`,
/// `budget`), as `data-index`, `data-level`, `data-projects`, `data-cost`,
/// `data-budget` (no `data-projects` and `data-cost` where they are null).
/// At most `VariationsSection.chartedRuns` runs per chart.
public struct VariationLevelsSection: ReportSection {
    public let anchor = "levels"
    public let title = "Projects and money per level"
    let comparison: WhatIfComparison

    public init(comparison: WhatIfComparison) {
        self.comparison = comparison
    }

    public func write(into html: inout HTMLDocument) {
        let levels = comparison.base.levels.map(\.level)
        guard !levels.isEmpty else {
            html.element("p", [], "The scenario has no funders.")
            return
        }
        html.element("p", [("class", "legend")]) { html in
            html.add("Per level, money of the projects its funders fund (after costAt) against their budget, over all plan years, in baht:")
            html.element("span", [("class", "used")], "")
            html.add("funded")
            html.element("span", [("class", "whole")], "")
            html.add("budget")
        }
        let runs = comparison.runs.prefix(VariationsSection.chartedRuns)
        for level in levels {
            html.element("h3", [], level.name)
            let bars = runs.map { run -> SVGBarChart.Bar in
                let totals = run.levels.first { $0.level == level }
                let budget = totals?.budget ?? 0
                var data: [(String, String)] = [("data-index", String(run.index)), ("data-level", level.name)]
                let caption: String
                if run.hasDecision, let totals {
                    data += [("data-projects", ReportNumber.data(totals.projects)), ("data-cost", ReportNumber.data(totals.cost))]
                    caption = BudgetUseSection.caption(used: totals.cost, budget: budget, projects: totals.projects)
                } else {
                    caption = "no decision (\(run.status.rawValue)); budget \(NumberFormat.baht(budget))"
                }
                data.append(("data-budget", ReportNumber.data(budget)))
                let label = VariationsSection.label(run)
                return SVGBarChart.Bar(
                    label: label, title: "\(label): \(level.name)", value: run.hasDecision ? totals?.cost ?? 0 : 0,
                    reference: budget, caption: caption, data: data)
            }
            SVGBarChart(name: "level-" + level.name, description: "Money funded by the \(level.name) level per run, against its budget",
                        reference: .capacity, bars: bars)
                .write(into: &html)
        }
    }
}
