/// Budget use: money used against budget per level, and per funder for the
/// funders with the largest budgets (at most `listedFunders`).
///
/// Figures (over all plan years): a level's `used` and `budget` are result.json's
/// `summary.levels[].cost` and `.budget`; a funder's `used` is the sum of its
/// `funders[].used`, `budget` the sum of its `budget`.
public struct BudgetUseSection: ReportSection {
    /// How many funders the funder chart shows.
    public static let listedFunders = 20

    public let anchor = "budget-use"
    public let title = "Budget use per level and per funder"
    let scenario: Scenario
    let figures: ResultFigures

    public init(scenario: Scenario, figures: ResultFigures) {
        self.scenario = scenario
        self.figures = figures
    }

    /// The funders with the largest budgets over all plan years, ties in scenario order.
    public var listedFunders: [Int] {
        let total = scenario.funders.map { $0.budget.reduce(0, +) }
        return Array(scenario.funders.indices.sorted { total[$0] != total[$1] ? total[$0] > total[$1] : $0 < $1 }
            .prefix(Self.listedFunders))
    }

    public func write(into html: inout HTMLDocument) {
        html.element("p", [("class", "legend")]) { html in
            html.add("Money of the funded projects (after costAt) against the budget, over all plan years, in baht:")
            html.element("span", [("class", "used")], "")
            html.add("used")
            html.element("span", [("class", "whole")], "")
            html.add("budget")
        }
        html.element("h3", [], "Per level")
        let levels = figures.levels.map { l in
            SVGBarChart.Bar(
                label: l.level.name, title: l.level.name, value: l.cost, reference: l.budget,
                caption: Self.caption(used: l.cost, budget: l.budget, projects: l.projects),
                data: [
                    ("data-level", l.level.name), ("data-projects", ReportNumber.data(l.projects)),
                    ("data-used", ReportNumber.data(l.cost)), ("data-budget", ReportNumber.data(l.budget)),
                ])
        }
        SVGBarChart(name: "levels", description: "Budget used per level", reference: .capacity, bars: levels)
            .write(into: &html)
        let listed = listedFunders
        html.element("h3", [], "Per funder: the \(NumberFormat.counted(listed.count, "largest budget")) of \(NumberFormat.counted(scenario.funders.count, "funder"))")
        let funders = listed.map { f in
            let funder = scenario.funders[f]
            let budget = funder.budget.reduce(0, +)
            let use = figures.funders[f]
            let label = funder.id + (funder.name.map { " " + $0 } ?? "")
            return SVGBarChart.Bar(
                label: label, title: label + " (\(funder.level.name))", value: use.usedTotal, reference: budget,
                caption: Self.caption(used: use.usedTotal, budget: budget, projects: use.projects),
                data: [
                    ("data-funder", funder.id), ("data-level", funder.level.name), ("data-projects", ReportNumber.data(use.projects)),
                    ("data-used", ReportNumber.data(use.usedTotal)), ("data-budget", ReportNumber.data(budget)),
                ])
        }
        SVGBarChart(name: "funders", description: "Budget used per funder, largest budgets", reference: .capacity, bars: funders)
            .write(into: &html)
        if scenario.funders.count > listed.count {
            html.element("p", [("class", "note")],
                         "The other \(NumberFormat.grouped(scenario.funders.count - listed.count)) funders are in result.json (funders) and in result-funders.csv (--csv).")
        }
    }

    /// "1,000,000 of 2,000,000 (50.0%), 3 projects".
    static func caption(used: Double, budget: Double, projects: Int) -> String {
        let share = budget > 0 ? " (\(NumberFormat.percent(used / budget, decimals: 1)))" : ""
        return "\(NumberFormat.baht(used)) of \(NumberFormat.baht(budget))\(share), \(NumberFormat.counted(projects, "project"))"
    }
}
