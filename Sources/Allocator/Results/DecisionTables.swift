/// The decision as two spreadsheets (written by `allocate SCENARIO --csv DIR`):
/// one row per project, in scenario order, and one row per funder, in scenario
/// order. The same figures as result.json (`ResultFigures`), laid out for
/// Excel; docs/result-format.md lists the columns.
public enum DecisionTables {
    /// The file names inside the `--csv` directory. Not `projects.csv`: that
    /// is the name `allocate import` reads, which a decision must not overwrite.
    public static let projectsFile = "result-projects.csv"
    public static let fundersFile = "result-funders.csv"

    /// One row per project: what it asked for and what the decision gives it.
    ///
    /// Columns: `id, name, area, sector, strategies, priority, requestedCost,
    /// funded, funder, funderName, level, start, cost, reason, explanation`;
    /// `funded` is yes or no; `cost` is the cost at its funder after `costAt`, over
    /// all years; an unfunded project has `reason` and `explanation` instead.
    public static func projects(_ result: AllocationResult, figures: ResultFigures) -> String {
        let s = result.scenario
        let header = [
            "id", "name", "area", "sector", "strategies", "priority", "requestedCost", "funded", "funder", "funderName",
            "level", "start", "cost", "reason", "explanation",
        ]
        let rows: [[CSV.Cell]] = s.projects.enumerated().map { p, project in
            var row: [CSV.Cell] = [
                .text(project.id), .text(project.name ?? ""), .text(project.area), .text(project.sector ?? ""),
                .text(project.strategies.joined(separator: "; ")), .number(project.priority),
                .number(project.cost.total),
            ]
            if let a = result.decision?.assignments[p] {
                let funder = s.funders[a.funder]
                row += ["yes", .text(funder.id), .text(funder.name ?? ""), .text(funder.level.name), .integer(a.start),
                        figures.projectCost[p].map(CSV.Cell.number) ?? "", "", ""]
            } else {
                let reason = figures.reasons[p]
                row += ["no", "", "", "", "", "", .text(reason?.code ?? ""), .text(reason?.explanation ?? "")]
            }
            return row
        }
        return CSV.document(header: header, rows: rows)
    }

    /// One row per funder: its budget, the money the decision uses, what is left, and the project count.
    ///
    /// Columns: `id, name, level, area, budget, used, left, projects, maxProjects`,
    /// amounts over all plan years; with a horizon above 1 also `budgetYear1`,
    /// `usedYear1`, `budgetYear2`, ... for each plan year.
    public static func funders(_ result: AllocationResult, figures: ResultFigures) -> String {
        let s = result.scenario
        var header = ["id", "name", "level", "area", "budget", "used", "left", "projects", "maxProjects"]
        if s.horizon > 1 {
            for year in 1 ... s.horizon { header += ["budgetYear\(year)", "usedYear\(year)"] }
        }
        let rows: [[CSV.Cell]] = s.funders.enumerated().map { f, funder in
            let use = figures.funders[f]
            let budget = funder.budget.reduce(0, +)
            var row: [CSV.Cell] = [
                .text(funder.id), .text(funder.name ?? ""), .text(funder.level.name), .text(funder.area ?? ""),
                .number(budget), .number(use.usedTotal), .number(budget - use.usedTotal), .integer(use.projects),
                funder.maxProjects.map(CSV.Cell.integer) ?? "",
            ]
            if s.horizon > 1 {
                for year in 0 ..< s.horizon {
                    row += [.number(funder.budget[year]), .number(use.used[year])]
                }
            }
            return row
        }
        return CSV.document(header: header, rows: rows)
    }
}
