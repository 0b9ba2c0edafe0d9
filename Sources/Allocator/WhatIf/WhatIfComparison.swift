/// The base scenario's solve beside each variation's: status, objective and
/// gap, projects and money funded per level, unspent budget, and the projects
/// whose decision changed against the base. Printed for the terminal
/// (`text`), written as CSV (`csv`, `changedProjectsCSV`) and as JSON (`json`);
/// docs/whatif.md describes each.
public struct WhatIfComparison: Sendable {
    /// How long the batch took, and on how many threads.
    public struct Timings: Sendable, Equatable {
        /// Seconds solving the base.
        public var base: Double
        /// Seconds from the end of the base solve until every variation was solved.
        public var variations: Double
        /// Variations solved at once.
        public var workers: Int

        public init(base: Double, variations: Double, workers: Int) {
            self.base = base
            self.variations = variations
            self.workers = workers
        }
    }

    /// The base (index 0), then every variation in order.
    public let runs: [WhatIfRun]
    /// For each run, how its decision differs from the base's (nothing for the base).
    public let changes: [DecisionChanges]
    public let timings: Timings

    public init(runs: [WhatIfRun], timings: Timings) {
        precondition(!runs.isEmpty, "a comparison needs the base run")
        self.runs = runs
        self.timings = timings
        let base = runs[0].result.decision
        changes = runs.map { DecisionChanges(base: base, variation: $0.result.decision) }
    }

    public var base: WhatIfRun { runs[0] }
    /// The base scenario (every variation has its areas, funders and projects, in the same order).
    public var scenario: Scenario { runs[0].result.scenario }

    /// The objective minus the base's; nil when either has no decision.
    public func objectiveChange(_ run: WhatIfRun) -> Double? {
        guard let objective = run.result.objective, let base = base.result.objective else { return nil }
        return objective - base
    }
}
