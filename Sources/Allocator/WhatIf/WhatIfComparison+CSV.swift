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
        let rows: [[String]] = runs.map { run in
            let hasDecision = run.hasDecision
            func number(_ x: Double?) -> String { x.map(CSV.number) ?? "" }
            var row = [
                "\(run.index)", run.name, run.description ?? "", run.changes.joined(separator: "\n"),
                run.status.rawValue, run.termination.rawValue, number(run.objective), number(objectiveChange(run)),
                number(run.bound), number(run.gap),
                hasDecision ? "\(run.fundedCount)" : "", hasDecision ? CSV.number(run.fundedCost) : "",
                CSV.number(run.budget), hasDecision ? CSV.number(run.unspentBudget) : "",
            ]
            for level in levels {
                let totals = run.levels.first { $0.level == level }
                row += [
                    hasDecision ? totals.map { "\($0.projects)" } ?? "" : "",
                    hasDecision ? totals.map { CSV.number($0.cost) } ?? "" : "",
                    totals.map { CSV.number($0.budget) } ?? "",
                ]
            }
            let kinds: [DecisionChanges.Kind] = [.newlyFunded, .dropped, .moved]
            row += kinds.map { "\(run.changed($0).count)" }
            row += kinds.map { run.changed($0).map { ids[$0.project] }.joined(separator: "; ") }
            if includeTimings { row.append(CSV.number(run.timings.total)) }
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
        func cells(_ assignment: Decision.Assignment?, cost: Double?) -> [String] {
            guard let a = assignment else { return ["", "", "", ""] }
            let funder = s.funders[a.funder]
            return [funder.id, funder.level.name, "\(a.start)", cost.map(CSV.number) ?? ""]
        }
        var rows: [[String]] = []
        for run in runs.dropFirst() {
            for change in run.changed {
                let p = change.project
                let project = s.projects[p]
                rows.append(
                    ["\(run.index)", run.name, change.kind.rawValue, project.id, project.name ?? "", project.area]
                        + cells(baseAssignment(p), cost: baseCost(p)) + cells(change.assignment, cost: change.cost))
            }
        }
        return CSV.document(header: header, rows: rows)
    }
}
