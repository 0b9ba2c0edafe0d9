/// The comparison as JSON (`allocate-whatif-comparison/1`, docs/whatif.md):
/// one entry per run, the base first, with its figures and the projects whose
/// decision changed against the base.
extension WhatIfComparison {
    public static let format = "allocate-whatif-comparison/1"
    public static let jsonFile = "comparison.json"

    /// - Parameter includeTimings: false leaves out every `timings`, so the same batch gives the same bytes.
    public func json(includeTimings: Bool = true) -> JSONOutput {
        let s = scenario
        /// A decision's funder, level, start year and cost under the given keys; nothing when unfunded.
        func assignment(_ a: Decision.Assignment?, cost: Double?, keys: [String]) -> [(String, JSONOutput)] {
            guard let a else { return [] }
            let funder = s.funders[a.funder]
            return zip(keys, [
                .string(funder.id), .string(funder.level.name), .int(a.start), .number(cost.map(ResultDocument.rounded)),
            ]).map { ($0, $1) }
        }
        let baseKeys = ["baseFunder", "baseLevel", "baseStart", "baseCost"]
        let keys = ["funder", "level", "start", "cost"]
        let entries: [JSONOutput] = runs.enumerated().map { k, run in
            let r = run.result
            let hasDecision = r.decision != nil
            func rounded(_ x: Double) -> JSONOutput { hasDecision ? .number(ResultDocument.rounded(x)) : .null }
            func projects(_ list: [Int]) -> JSONOutput {
                .array(list.map { p in
                    .object([("id", .string(s.projects[p].id))]
                        + assignment(base.result.decision?.assignments[p], cost: base.figures.projectCost[p], keys: baseKeys)
                        + assignment(r.decision?.assignments[p], cost: run.figures.projectCost[p], keys: keys))
                })
            }
            var members: [(String, JSONOutput)] = [
                ("index", .int(run.index)),
                ("name", .string(run.name)),
                ("description", .string(run.description)),
                ("changes", .array(run.changes.map { .string($0) })),
                ("status", .string(r.status.rawValue)),
                ("termination", .string(r.termination.rawValue)),
                ("objective", .number(r.objective)),
                ("objectiveChange", .number(objectiveChange(run))),
                ("bound", .number(r.bound)),
                ("gap", .number(r.gap)),
                ("mipGap", .number(r.mipGap)),
                ("timeLimit", .number(r.timeLimit)),
                ("funded", hasDecision ? .int(run.figures.fundedCount) : .null),
                ("fundedCost", rounded(run.figures.fundedCost)),
                ("budget", .number(ResultDocument.rounded(run.budget))),
                ("unspentBudget", rounded(run.unspentBudget)),
                ("levels", .array(run.figures.levels.map {
                    .object([
                        ("level", .string($0.level.name)),
                        ("projects", hasDecision ? .int($0.projects) : .null),
                        ("cost", rounded($0.cost)),
                        ("budget", .number(ResultDocument.rounded($0.budget))),
                    ])
                })),
                ("newlyFunded", projects(changes[k].newlyFunded)),
                ("dropped", projects(changes[k].dropped)),
                ("moved", projects(changes[k].moved)),
            ]
            if includeTimings {
                let t = r.timings
                members.append(("timings", .object([
                    ("read", .number(t.read)), ("build", .number(t.build)), ("solve", .number(t.solve)),
                    ("total", .number(t.total)),
                ])))
            }
            return .object(members)
        }
        var members: [(String, JSONOutput)] = [
            ("format", .string(Self.format)),
            ("scenario", .string(s.name)),
            ("variations", .int(runs.count - 1)),
            ("runs", .array(entries)),
        ]
        if includeTimings {
            members.append(("timings", .object([
                ("base", .number(timings.base)), ("variations", .number(timings.variations)),
                ("workers", .int(timings.workers)),
            ])))
        }
        return .object(members)
    }
}
