/// The base scenario's solve beside each variation's: status, objective and
/// gap, projects and money funded per level, unspent budget, and the projects
/// whose decision changed against the base. Printed for the terminal
/// (`text`), written as CSV (`csv`, `changedProjectsCSV`), as JSON (`json`)
/// and as an HTML page (`WhatIfReport`); docs/whatif.md describes each.
///
/// The comparison of a whole batch, of one shard's part of it (`shard`), or of
/// the shards merged back (`WhatIfMerge`): the same type, so a merge writes
/// what the whole batch would have written.
public struct WhatIfComparison: Sendable {
    /// How long the batch took, and on how many threads.
    public struct Timings: Sendable, Equatable {
        /// Seconds solving the base (merged shards: the longest of the shards' base solves).
        public var base: Double
        /// Seconds from the end of the base solve until every variation was solved
        /// (merged shards: the longest of the shards').
        public var variations: Double
        /// Variations solved at once (merged shards: over all shards).
        public var workers: Int
        /// The number of shards merged; nil for a batch solved as one.
        public var shards: Int?

        public init(base: Double, variations: Double, workers: Int, shards: Int? = nil) {
            self.base = base
            self.variations = variations
            self.workers = workers
            self.shards = shards
        }
    }

    /// What makes a comparison one shard's part of a batch: which shard, and
    /// the request every shard of the batch must share.
    public struct ShardPart: Sendable, Equatable {
        public var shard: WhatIfShard
        public var request: WhatIfRequest
        /// The number of variations of the whole batch.
        public var variationCount: Int { request.variations }

        public init(shard: WhatIfShard, request: WhatIfRequest) {
            self.shard = shard
            self.request = request
        }
    }

    /// The base (index 0), then every variation in order of index.
    public let runs: [WhatIfRun]
    /// The base's whole result and figures: the scenario, the decision the
    /// variations are compared with, and the report's sections of the base.
    public let baseResult: AllocationResult
    public let baseFigures: ResultFigures
    public let timings: Timings
    /// Set when this comparison is one shard's part of a batch (`--shard`).
    public var shard: ShardPart?

    public init(runs: [WhatIfRun], baseResult: AllocationResult, baseFigures: ResultFigures, timings: Timings, shard: ShardPart? = nil) {
        precondition(runs.first?.index == 0, "a comparison starts with the base run")
        self.runs = runs
        self.baseResult = baseResult
        self.baseFigures = baseFigures
        self.timings = timings
        self.shard = shard
    }

    public var base: WhatIfRun { runs[0] }
    /// The base scenario (every variation has its areas, funders and projects, in the same order).
    public var scenario: Scenario { baseResult.scenario }

    /// The objective minus the base's; nil when either has no decision.
    public func objectiveChange(_ run: WhatIfRun) -> Double? {
        guard let objective = run.objective, let base = base.objective else { return nil }
        return objective - base
    }

    /// The base's funder and start year for project `p`; nil when the base leaves it unfunded.
    public func baseAssignment(_ p: Int) -> Decision.Assignment? {
        baseResult.decision?.assignments[p]
    }

    /// The base's cost for project `p` at its funder; nil when unfunded.
    public func baseCost(_ p: Int) -> Double? {
        baseFigures.projectCost[p]
    }
}
