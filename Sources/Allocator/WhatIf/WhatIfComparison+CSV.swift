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
        let levels = base.figures.levels.map(\.level)
        var header = [
            "index", "variation", "description", "changes", "status", "termination", "objective", "objectiveChange",
            "bound", "gap", "projectsFunded", "moneyFunded", "budget", "unspentBudget",
        ]
        for level in levels { header += ["\(level.name)Projects", "\(level.name)Money", "\(level.name)Budget"] }
        header += ["newlyFunded", "dropped", "moved", "newlyFundedProjects", "droppedProjects", "movedProjects"]
        if includeTimings { header.append("seconds") }
        let ids = scenario.projects.map(\.id)
        let rows: [[String]] = runs.enumerated().map { k, run in
            let r = run.result
            let hasDecision = r.decision != nil
            func number(_ x: Double?) -> String { x.map(CSV.number) ?? "" }
            var row = [
                "\(run.index)", run.name, run.description ?? "", run.changes.joined(separator: "\n"),
                r.status.rawValue, r.termination.rawValue, number(r.objective), number(objectiveChange(run)),
                number(r.bound), number(r.gap),
                hasDecision ? "\(run.figures.fundedCount)" : "", hasDecision ? CSV.number(run.figures.fundedCost) : "",
                CSV.number(run.budget), hasDecision ? CSV.number(run.unspentBudget) : "",
            ]
            for level in levels {
                let totals = run.figures.levels.first { $0.level == level }
                row += [
                    hasDecision ? totals.map { "\($0.projects)" } ?? "" : "",
                    hasDecision ? totals.map { CSV.number($0.cost) } ?? "" : "",
                    totals.map { CSV.number($0.budget) } ?? "",
                ]
            }
            let c = changes[k]
            row += [
                "\(c.newlyFunded.count)", "\(c.dropped.count)", "\(c.moved.count)",
                c.newlyFunded.map { ids[$0] }.joined(separator: "; "), c.dropped.map { ids[$0] }.joined(separator: "; "),
                c.moved.map { ids[$0] }.joined(separator: "; "),
            ]
            if includeTimings { row.append(CSV.number(r.timings.total)) }
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
        for (k, run) in runs.enumerated().dropFirst() {
            for (p, kind) in changes[k].all {
                let project = s.projects[p]
                rows.append(
                    ["\(run.index)", run.name, kind.rawValue, project.id, project.name ?? "", project.area]
                        + cells(base.result.decision?.assignments[p], cost: base.figures.projectCost[p])
                        + cells(run.result.decision?.assignments[p], cost: run.figures.projectCost[p]))
            }
        }
        return CSV.document(header: header, rows: rows)
    }
}
