/// The comparison as spreadsheets (docs/whatif.md): `comparison.csv`, one row
/// per run, and `changed-projects.csv`, one row per project whose decision
/// changed in a variation. Same conventions as the decision's CSV files
/// (`CSV`): UTF-8 with a byte order mark, numbers without thousands separators.
extension WhatIfComparison {
    public static let comparisonFile = "comparison.csv"
    public static let changedProjectsFile = "changed-projects.csv"

    /// One row per run, the base first.
    ///
    /// Columns: `index, variation, description, changes, status, termination,
    /// objective, objectiveChange, bound, gap, projectsFunded, moneyFunded,
    /// budget, unspentBudget`, then for each level that has funders
    /// `<level>Projects, <level>Money, <level>Budget`, then `newlyFunded,
    /// dropped, moved` (counts) and `newlyFundedProjects, droppedProjects,
    /// movedProjects` (ids separated by `; `), then `seconds` unless timings are left out.
    /// `changes` holds one expression per line of the cell.
    public func csv(includeTimings: Bool = true) -> String {
        let levels = base.levels.map(\.level)
        var header = [
            "index", "variation", "description", "changes", "status", "termination", "objective", "objectiveChange",
            "bound", "gap", "projectsFunded", "moneyFunded", "budget", "unspentBudget",
        ]
        for level in levels { header += ["\(level.name)Projects", "\(level.name)Money", "\(level.name)Budget"] }
        header += ["newlyFunded", "dropped", "moved", "newlyFundedProjects", "droppedProjects", "movedProjects"]
        if includeTimings { header.append("seconds") }
        let ids = scenario.projects.map(\.id)
        let rows: [[CSV.Cell]] = runs.map { run in
            let hasDecision = run.hasDecision
            func number(_ x: Double?) -> CSV.Cell { x.map(CSV.Cell.number) ?? "" }
            var row: [CSV.Cell] = [
                .integer(run.index), .text(run.name), .text(run.description ?? ""), .text(run.changes.joined(separator: "\n")),
                .text(run.status.rawValue), .text(run.termination.rawValue), number(run.objective), number(objectiveChange(run)),
                number(run.bound), number(run.gap),
                hasDecision ? .integer(run.fundedCount) : "", hasDecision ? .number(run.fundedCost) : "",
                .number(run.budget), hasDecision ? .number(run.unspentBudget) : "",
            ]
            for level in levels {
                let totals = run.levels.first { $0.level == level }
                row += [
                    hasDecision ? totals.map { .integer($0.projects) } ?? "" : "",
                    hasDecision ? totals.map { .number($0.cost) } ?? "" : "",
                    totals.map { .number($0.budget) } ?? "",
                ]
            }
            let kinds: [DecisionChanges.Kind] = [.newlyFunded, .dropped, .moved]
            row += kinds.map { .integer(run.changed($0).count) }
            row += kinds.map { .text(run.changed($0).map { ids[$0.project] }.joined(separator: "; ")) }
            if includeTimings { row.append(.number(run.timings.total)) }
            return row
        }
        return CSV.document(header: header, rows: rows)
    }

    /// One row per variation and changed project, variations in order, projects in scenario order.
    ///
    /// Columns: `index, variation, change` (`newlyFunded`, `dropped` or
    /// `moved`), `project, name, area, baseFunder, baseLevel, baseStart,
    /// baseCost, funder, level, start, cost` (the base's decision, then the
    /// variation's; empty where the project is unfunded).
    public func changedProjectsCSV() -> String {
        let s = scenario
        let header = [
            "index", "variation", "change", "project", "name", "area", "baseFunder", "baseLevel", "baseStart", "baseCost",
            "funder", "level", "start", "cost",
        ]
        func cells(_ assignment: Decision.Assignment?, cost: Double?) -> [CSV.Cell] {
            guard let a = assignment else { return ["", "", "", ""] }
            let funder = s.funders[a.funder]
            return [.text(funder.id), .text(funder.level.name), .integer(a.start), cost.map(CSV.Cell.number) ?? ""]
        }
        var rows: [[CSV.Cell]] = []
        for run in runs.dropFirst() {
            for change in run.changed {
                let p = change.project
                let project = s.projects[p]
                rows.append(
                    [.integer(run.index), .text(run.name), .text(change.kind.rawValue), .text(project.id),
                     .text(project.name ?? ""), .text(project.area)]
                        + cells(baseAssignment(p), cost: baseCost(p)) + cells(change.assignment, cost: change.cost))
            }
        }
        return CSV.document(header: header, rows: rows)
    }
}
