/// One run of a what-if batch as the comparison shows it: the base scenario
/// or one variation, its solve's status and bounds, its money per level, and
/// the projects whose decision differs from the base's.
///
/// A run keeps no model and no whole decision: a batch of thousands of
/// variations of a large province holds one of these per variation, and the
/// full result only while its files are written (`WhatIfBatch.run`'s
/// `finished`), so the comparison of a batch, or of shards merged
/// (`WhatIfMerge`), stays small.
public struct WhatIfRun: Sendable {
    /// 0 for the base; k for the k-th variation of the list (the file's
    /// variations in file order, then the one made of `--set` flags). Stable
    /// for a given request, so a part of a batch can be named by its indices.
    public var index: Int
    public var name: String
    public var description: String?
    /// The change expressions, as written (none for the base).
    public var changes: [String]
    public var status: SolveStatus
    public var termination: Termination
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    /// The mipGap and timeLimit in force.
    public var mipGap: Double
    public var timeLimit: Double
    public var timings: Timings
    /// Projects funded and their cost at their funders, over all years (0 without a decision).
    public var fundedCount: Int
    public var fundedCost: Double
    /// Every funder's budget over all plan years.
    public var budget: Double
    /// Projects, money and budget per level that has funders, in escalation order.
    public var levels: [ResultFigures.LevelTotals]
    /// The projects whose decision differs from the base's, in scenario order (none for the base).
    public var changed: [ChangedProject]

    /// A project whose decision differs from the base's, and the variation's decision for it.
    public struct ChangedProject: Sendable, Equatable {
        /// The project's index in the scenario.
        public var project: Int
        public var kind: DecisionChanges.Kind
        /// The variation's funder and start year; nil when it leaves the project unfunded.
        public var assignment: Decision.Assignment?
        /// The project's cost at that funder, over all years, after `costAt`.
        public var cost: Double?
    }

    /// - Parameters:
    ///   - money: the run's decision's money (`DecisionMoney`), on the run's own scenario.
    ///   - baseDecision: the base's decision, which `decision` is compared with (nil: the base has none).
    public init(
        index: Int, name: String, description: String?, changes: [String],
        status: SolveStatus, termination: Termination, objective: Double?, bound: Double?, gap: Double?,
        mipGap: Double, timeLimit: Double, timings: Timings,
        money: DecisionMoney, decision: Decision?, baseDecision: Decision?
    ) {
        self.index = index
        self.name = name
        self.description = description
        self.changes = changes
        self.status = status
        self.termination = termination
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.mipGap = mipGap
        self.timeLimit = timeLimit
        self.timings = timings
        fundedCount = money.fundedCount
        fundedCost = money.fundedCost
        budget = money.budget
        levels = money.levels
        changed = index == 0 ? [] : DecisionChanges(base: baseDecision, variation: decision).all.map { p, kind in
            ChangedProject(project: p, kind: kind, assignment: decision?.assignments[p], cost: money.projectCost[p])
        }
    }

    /// The run of a solve: its result's status, bounds, timings and money.
    public init(
        index: Int, name: String, description: String? = nil, changes: [String], result: AllocationResult,
        baseDecision: Decision?
    ) {
        self.init(
            index: index, name: name, description: description, changes: changes, status: result.status,
            termination: result.termination, objective: result.objective, bound: result.bound, gap: result.gap,
            mipGap: result.mipGap, timeLimit: result.timeLimit, timings: result.timings,
            money: DecisionMoney(scenario: result.scenario, decision: result.decision), decision: result.decision,
            baseDecision: baseDecision)
    }

    /// Whether the solve returned a decision (`optimal` or `feasible`).
    public var hasDecision: Bool { status.hasDecision }

    /// Budget left over: `budget` minus the money funded.
    public var unspentBudget: Double { budget - fundedCost }

    /// The changed projects of one kind, in scenario order.
    public func changed(_ kind: DecisionChanges.Kind) -> [ChangedProject] {
        changed.filter { $0.kind == kind }
    }
}
