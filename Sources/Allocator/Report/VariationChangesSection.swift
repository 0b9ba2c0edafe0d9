/// The projects whose decision changed, per variation: a sortable table each
/// (newly funded, dropped or moved; the project, its area, the base's funder
/// and the variation's, the cost at the variation's funder or, for a dropped
/// project, at the base's), in scenario order.
///
/// A large province can move thousands of projects in one variation, so each
/// table lists at most `listedPerVariation` and the page at most `listedInAll`
/// rows (200 and 5,000, about 0.4 KB a row), the first in scenario order, and says how many it lists;
/// changed-projects.csv and comparison.json have every one. Rows carry
/// comparison.json's figures: `data-index`, `data-change`, `data-id`, and
/// where funded `data-base-funder` and `data-base-cost` (the base's),
/// `data-funder` and `data-cost` (the variation's).
public struct VariationChangesSection: ReportSection {
    /// The most rows one variation's table lists.
    public static let listedPerVariation = 200
    /// The most rows all the tables list together.
    public static let listedInAll = 5000

    public let anchor = "changes"
    public let title = "Changed projects per variation"
    let comparison: WhatIfComparison
    let perVariation: Int
    let inAll: Int

    public init(
        comparison: WhatIfComparison, perVariation: Int = VariationChangesSection.listedPerVariation,
        inAll: Int = VariationChangesSection.listedInAll
    ) {
        self.comparison = comparison
        self.perVariation = perVariation
        self.inAll = inAll
    }

    public func write(into html: inout HTMLDocument) {
        let s = comparison.scenario
        let variations = comparison.runs.dropFirst()
        guard !variations.isEmpty else {
            html.element("p", [], "This comparison has no variation.")
            return
        }
        html.element("p", [], "+ newly funded (unfunded in the base), − dropped (funded in the base), → moved (another funder or start year). "
            + "Click a heading to sort a table.")
        var left = inAll
        for run in variations {
            let changed = run.changed
            let counts = [DecisionChanges.Kind.newlyFunded, .dropped, .moved].map { NumberFormat.grouped(run.changed($0).count) }
            let heading = "\(run.index) \(run.name): \(counts[0]) newly funded, \(counts[1]) dropped, \(counts[2]) moved"
            html.element("h3", [("data-index", String(run.index)), ("data-changed", ReportNumber.data(changed.count))], heading)
            if !run.hasDecision {
                html.element("p", [], "No decision (\(run.status.rawValue)): every project the base funds is dropped.")
            }
            guard !changed.isEmpty else {
                if run.hasDecision { html.element("p", [], "No project's decision changed.") }
                continue
            }
            let listed = Array(changed.prefix(min(perVariation, left)))
            left -= listed.count
            if listed.count < changed.count {
                html.element("p", [("class", "note"), ("data-index", String(run.index)), ("data-listed", ReportNumber.data(listed.count))],
                             "The first \(NumberFormat.grouped(listed.count)) of \(NumberFormat.grouped(changed.count)) in scenario order are listed; changed-projects.csv and comparison.json have every one.")
            }
            guard !listed.isEmpty else { continue }
            html.element("table", [("class", "sortable changes"), ("data-index", String(run.index))]) { html in
                html.element("thead") { html in
                    html.element("tr") { html in
                        for (heading, numeric) in [
                            ("change", false), ("project", false), ("name", false), ("area", false), ("base", false),
                            ("variation", false), ("cost (baht)", true),
                        ] {
                            html.element("th", numeric ? [("class", "number"), ("data-type", "number")] : []) { html in
                                html.element("button", [("type", "button")], heading)
                            }
                        }
                    }
                }
                html.newline()
                html.element("tbody") { html in
                    for (order, change) in listed.enumerated() {
                        row(&html, change, run: run, order: order, scenario: s)
                        html.newline()
                    }
                }
            }
            html.newline()
        }
    }

    private func row(_ html: inout HTMLDocument, _ change: WhatIfRun.ChangedProject, run: WhatIfRun, order: Int, scenario s: Scenario) {
        let p = change.project
        let project = s.projects[p]
        let before = comparison.baseAssignment(p)
        let after = change.assignment
        let cost = after == nil ? comparison.baseCost(p) : change.cost
        var data: [(String, String)] = [
            ("data-order", String(order)), ("data-index", String(run.index)), ("data-change", change.kind.rawValue), ("data-id", project.id),
        ]
        if let before, let baseCost = comparison.baseCost(p) {
            data += [("data-base-funder", s.funders[before.funder].id), ("data-base-cost", ReportNumber.data(baseCost))]
        }
        if let after, let cost = change.cost { data += [("data-funder", s.funders[after.funder].id), ("data-cost", ReportNumber.data(cost))] }
        func funder(_ a: Decision.Assignment?) -> String {
            guard let a else { return "unfunded" }
            let f = s.funders[a.funder]
            return "\(f.id) (\(f.level.name)\(s.horizon > 1 ? ", year \(a.start)" : ""))"
        }
        let mark = switch change.kind {
        case .newlyFunded: "+ newly funded"
        case .dropped: "− dropped"
        case .moved: "→ moved"
        }
        html.element("tr", data) { html in
            html.element("td", [], mark)
            html.element("td", [], project.id)
            html.element("td", [], project.name ?? "")
            html.element("td", [], project.area)
            html.element("td", [], funder(before))
            html.element("td", [], funder(after))
            html.element("td", [("class", "number")] + (cost.map { [("data-sort", ReportNumber.data($0))] } ?? []),
                         cost.map(NumberFormat.baht) ?? "")
        }
    }
}
