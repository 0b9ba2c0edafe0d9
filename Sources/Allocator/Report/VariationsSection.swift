/// The variations side by side: one table row per run (the base first) with
/// its changes, status, objective and its difference from the base's, proven
/// gap, projects funded, money funded, unspent budget and how many projects it
/// funds newly, drops or moves; then two charts, the objective of each run
/// against the base's (a dashed line), and the money each funds against all
/// budgets (the pale rest is its unspent budget).
///
/// Every figure is comparison.json's, written as it writes it: `data-objective`,
/// `data-objective-change`, `data-gap` exactly, money rounded as there
/// (`ReportNumber`); a figure that is null there has no attribute. The table
/// lists at most `listedRuns` runs and the charts `chartedRuns`, in index
/// order: a batch of thousands of variations stays a page one can open.
public struct VariationsSection: ReportSection {
    /// The most runs the table lists (the base included).
    public static let listedRuns = 1000
    /// The most runs each chart draws (the base included).
    public static let chartedRuns = 100

    public let anchor = "variations"
    public let title = "The variations side by side"
    let comparison: WhatIfComparison

    public init(comparison: WhatIfComparison) {
        self.comparison = comparison
    }

    /// A run's figures as `data-` attributes, in comparison.json's terms.
    static func data(_ run: WhatIfRun, in comparison: WhatIfComparison) -> [(String, String)] {
        var data: [(String, String)] = [("data-index", String(run.index)), ("data-name", run.name), ("data-status", run.status.rawValue)]
        if let objective = run.objective { data.append(("data-objective", JSONOutput.format(objective))) }
        if let change = comparison.objectiveChange(run) { data.append(("data-objective-change", JSONOutput.format(change))) }
        if let gap = run.gap { data.append(("data-gap", JSONOutput.format(gap))) }
        if run.hasDecision {
            data += [
                ("data-funded", ReportNumber.data(run.fundedCount)), ("data-funded-cost", ReportNumber.data(run.fundedCost)),
                ("data-unspent-budget", ReportNumber.data(run.unspentBudget)),
            ]
        }
        data.append(("data-budget", ReportNumber.data(run.budget)))
        for kind in [DecisionChanges.Kind.newlyFunded, .dropped, .moved] {
            data.append(("data-\(kebab(kind.rawValue))", ReportNumber.data(run.changed(kind).count)))
        }
        return data
    }

    /// `newlyFunded` → `newly-funded`.
    static func kebab(_ name: String) -> String {
        name.reduce(into: "") { out, c in
            if c.isUppercase { out += "-" + c.lowercased() } else { out.append(c) }
        }
    }

    /// A run's name as a chart label: "3 rid-builds-roads".
    static func label(_ run: WhatIfRun) -> String {
        "\(run.index) \(run.name)"
    }

    public func write(into html: inout HTMLDocument) {
        let runs = comparison.runs
        let variations = runs.count - 1
        html.element("p", [], "The base (0) is the scenario as given; each variation is the base with its changes, solved from the base's decision. "
            + "\"vs base\" is the objective minus the base's; newly funded, dropped and moved count the projects whose decision differs from the base's.")
        let listed = Array(runs.prefix(Self.listedRuns))
        if variations > 0 {
            html.element("h3", [], "The variations and their changes")
            html.element("table", [("class", "variations")]) { html in
                html.element("thead") { html in
                    html.element("tr") { html in
                        html.element("th", [("class", "number")], "#")
                        html.element("th", [], "variation")
                        html.element("th", [], "changes")
                        html.element("th", [], "the question it asks")
                    }
                }
                html.element("tbody") { html in
                    for run in listed.dropFirst() {
                        html.element("tr", [("data-index", String(run.index)), ("data-name", run.name)]) { html in
                            html.element("td", [("class", "number")], String(run.index))
                            html.element("td", [], run.name)
                            html.element("td", [("class", "changes")]) { html in
                                for change in run.changes {
                                    html.element("div") { html in html.element("code", [("data-change", change)], change) }
                                }
                            }
                            html.element("td", [], run.description ?? "")
                        }
                        html.newline()
                    }
                }
            }
            html.newline()
        }
        html.element("h3", [], "Results")
        if listed.count < runs.count {
            html.element("p", [("class", "note"), ("data-listed", ReportNumber.data(listed.count)), ("data-runs", ReportNumber.data(runs.count))],
                         "The first \(NumberFormat.grouped(listed.count)) of \(NumberFormat.grouped(runs.count)) runs are listed; comparison.csv and comparison.json have every one.")
        }
        html.open("div", [("class", "scroll")])
        html.element("table", [("class", "sortable runs")]) { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    for (heading, numeric) in [
                        ("#", true), ("variation", false), ("status", false), ("objective", true), ("vs base", true),
                        ("gap", true), ("projects", true), ("funded (baht)", true), ("unspent (baht)", true), ("newly funded", true),
                        ("dropped", true), ("moved", true),
                    ] {
                        html.element("th", numeric ? [("class", "number"), ("data-type", "number")] : []) { html in
                            html.element("button", [("type", "button")], heading)
                        }
                    }
                }
            }
            html.newline()
            html.element("tbody") { html in
                for (order, run) in listed.enumerated() {
                    row(&html, run, order: order)
                    html.newline()
                }
            }
        }
        html.close("div")
        html.newline()

        let charted = Array(runs.prefix(Self.chartedRuns))
        if charted.count < runs.count {
            html.element("p", [("class", "note")], "The charts draw the first \(NumberFormat.grouped(charted.count)) of \(NumberFormat.grouped(runs.count)) runs.")
        }
        html.element("h3", [], "Objective against the base's")
        html.element("p", [("class", "legend")]) { html in
            html.add("The objective of each run's decision:")
            html.element("span", [("class", "used")], "")
            html.add("objective")
            html.element("span", [("class", "marker")], "")
            html.add("the base's objective")
        }
        let baseObjective = comparison.base.objective
        let objectives = charted.map { run in
            var caption = run.objective.map { NumberFormat.fixed($0, decimals: 3) } ?? "no decision (\(run.status.rawValue))"
            if run.index > 0, let change = comparison.objectiveChange(run) {
                caption += " (\(WhatIfComparison.signed(change, decimals: 3)))"
            }
            var data: [(String, String)] = [("data-index", String(run.index))]
            if let objective = run.objective { data.append(("data-objective", JSONOutput.format(objective))) }
            if let change = comparison.objectiveChange(run) { data.append(("data-objective-change", JSONOutput.format(change))) }
            return SVGBarChart.Bar(
                label: Self.label(run), title: Self.label(run), value: run.objective ?? 0, reference: baseObjective,
                caption: caption, data: data)
        }
        SVGBarChart(name: "objective", description: "Objective of each run against the base's", reference: .marker, bars: objectives)
            .write(into: &html)
        html.element("h3", [], "Money funded and unspent budget")
        html.element("p", [("class", "legend")]) { html in
            html.add("Money of the funded projects (after costAt) against every funder's budget, over all plan years, in baht:")
            html.element("span", [("class", "used")], "")
            html.add("funded")
            html.element("span", [("class", "whole")], "")
            html.add("budget (the rest is unspent)")
        }
        let money = charted.map { run in
            var data: [(String, String)] = [("data-index", String(run.index))]
            let caption: String
            if run.hasDecision {
                data += [
                    ("data-funded", ReportNumber.data(run.fundedCount)), ("data-funded-cost", ReportNumber.data(run.fundedCost)),
                    ("data-unspent-budget", ReportNumber.data(run.unspentBudget)),
                ]
                caption = "\(NumberFormat.baht(run.fundedCost)) of \(NumberFormat.baht(run.budget)); \(NumberFormat.baht(run.unspentBudget)) unspent"
            } else {
                caption = "no decision (\(run.status.rawValue)); budget \(NumberFormat.baht(run.budget))"
            }
            data.append(("data-budget", ReportNumber.data(run.budget)))
            return SVGBarChart.Bar(
                label: Self.label(run), title: Self.label(run), value: run.hasDecision ? run.fundedCost : 0, reference: run.budget,
                caption: caption, data: data)
        }
        SVGBarChart(name: "money", description: "Money funded of all budgets, per run", reference: .capacity, bars: money)
            .write(into: &html)
        if variations == 0 {
            html.element("p", [], "This comparison has no variation.")
        }
    }

    private func row(_ html: inout HTMLDocument, _ run: WhatIfRun, order: Int) {
        let dash = "-"
        var attributes = [("data-order", String(order))] + Self.data(run, in: comparison)
        if run.index == 0 { attributes.insert(("class", "base"), at: 0) }
        html.element("tr", attributes) { html in
            func number(_ text: String, sort: String?) {
                html.element("td", [("class", "number")] + (sort.map { [("data-sort", $0)] } ?? []), text)
            }
            number(String(run.index), sort: String(run.index))
            html.element("td", [], run.name)
            html.element("td", [], run.status.rawValue)
            number(run.objective.map { NumberFormat.fixed($0, decimals: 3) } ?? dash, sort: run.objective.map(JSONOutput.format))
            let change = run.index == 0 ? nil : comparison.objectiveChange(run)
            number(change.map { WhatIfComparison.signed($0, decimals: 3) } ?? (run.index == 0 ? "" : dash), sort: change.map(JSONOutput.format))
            number(run.gap.map { NumberFormat.percent($0, decimals: 3) } ?? dash, sort: run.gap.map(JSONOutput.format))
            number(run.hasDecision ? NumberFormat.grouped(run.fundedCount) : dash, sort: run.hasDecision ? String(run.fundedCount) : nil)
            number(run.hasDecision ? NumberFormat.baht(run.fundedCost) : dash, sort: run.hasDecision ? ReportNumber.data(run.fundedCost) : nil)
            number(run.hasDecision ? NumberFormat.baht(run.unspentBudget) : dash, sort: run.hasDecision ? ReportNumber.data(run.unspentBudget) : nil)
            for kind in [DecisionChanges.Kind.newlyFunded, .dropped, .moved] {
                let count = run.changed(kind).count
                number(run.index == 0 ? "" : NumberFormat.grouped(count), sort: String(count))
            }
        }
    }
}
