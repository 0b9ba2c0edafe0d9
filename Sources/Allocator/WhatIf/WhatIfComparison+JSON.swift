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
        let entries: [JSONOutput] = runs.map { run in
            let hasDecision = run.hasDecision
            func rounded(_ x: Double) -> JSONOutput { hasDecision ? .number(ResultDocument.rounded(x)) : .null }
            func projects(_ kind: DecisionChanges.Kind) -> JSONOutput {
                .array(run.changed(kind).map { change in
                    let p = change.project
                    return .object([("id", .string(s.projects[p].id))]
                        + assignment(baseAssignment(p), cost: baseCost(p), keys: baseKeys)
                        + assignment(change.assignment, cost: change.cost, keys: keys))
                })
            }
            var members: [(String, JSONOutput)] = [
                ("index", .int(run.index)),
                ("name", .string(run.name)),
                ("description", .string(run.description)),
                ("changes", .array(run.changes.map { .string($0) })),
                ("status", .string(run.status.rawValue)),
                ("termination", .string(run.termination.rawValue)),
                ("objective", .number(run.objective)),
                ("objectiveChange", .number(objectiveChange(run))),
                ("bound", .number(run.bound)),
                ("gap", .number(run.gap)),
                ("mipGap", .number(run.mipGap)),
                ("timeLimit", .number(run.timeLimit)),
                ("funded", hasDecision ? .int(run.fundedCount) : .null),
                ("fundedCost", rounded(run.fundedCost)),
                ("budget", .number(ResultDocument.rounded(run.budget))),
                ("unspentBudget", rounded(run.unspentBudget)),
                ("levels", .array(run.levels.map {
                    .object([
                        ("level", .string($0.level.name)),
                        ("projects", hasDecision ? .int($0.projects) : .null),
                        ("cost", rounded($0.cost)),
                        ("budget", .number(ResultDocument.rounded($0.budget))),
                    ])
                })),
                ("newlyFunded", projects(.newlyFunded)),
                ("dropped", projects(.dropped)),
                ("moved", projects(.moved)),
            ]
            if includeTimings {
                let t = run.timings
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
        ]
        if let part = shard {
            members.append(("shard", .object([
                ("number", .int(part.shard.number)), ("of", .int(part.shard.count)),
                ("runs", .array(runs.dropFirst().map { .int($0.index) })), ("request", part.request.json),
            ])))
        }
        members.append(("runs", .array(entries)))
        if includeTimings {
            var figures: [(String, JSONOutput)] = [
                ("base", .number(timings.base)), ("variations", .number(timings.variations)),
                ("workers", .int(timings.workers)),
            ]
            if let shards = timings.shards { figures.append(("shards", .int(shards))) }
            members.append(("timings", .object(figures)))
        }
        return .object(members)
    }
}
