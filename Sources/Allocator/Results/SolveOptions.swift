/// Limits for one solve; nil takes the scenario's `policy` value.
public struct SolveOptions: Sendable {
    public var mipGap: Double?
    /// The limit the user gave (`--time-limit`, else `policy.timeLimit`): what
    /// the result records, and what the search counts from the solve's start
    /// unless `deadline` comes sooner.
    public var timeLimit: Double?
    /// Work units the search may spend (`SearchWork`); nil: `timeLimit` ×
    /// `SearchWork.unitsPerSecond`. Unlike the time limit it stops the search at
    /// the same point on every machine.
    public var workLimit: Double?
    /// The default work limit for a search given `seconds` of the clock:
    /// `SearchWork.unitsPerSecond` per second, at least 1 unit.
    public static func workLimit(forSeconds seconds: Double) -> Double {
        max(1, seconds * SearchWork.unitsPerSecond)
    }
    /// Most threads the solve runs on at once; nil: the machine's processors.
    /// The decision does not depend on it.
    public var threads: Int?
    /// The instant by which the search must end by the clock, when the caller
    /// counts the limit from earlier than the solve's start: `allocate
    /// SCENARIO` counts it from the command's start and keeps time for what
    /// follows the solve (`TimeBudget`). nil: `timeLimit` from the solve's start.
    /// It shortens the search only; `timeLimit` stays the limit in force.
    public var deadline: ContinuousClock.Instant?
    /// Send GLPK's own progress output to stderr.
    public var verbose: Bool
    /// Called about once a second while solving (on the solving thread).
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Receives one line per step of the solve strategy (greedy start,
    /// Lagrangian bound, neighbourhood sweeps, branch and cut), for `--verbose`.
    public var log: (@Sendable (String) -> Void)?
    /// A similar scenario's decision and prices to start from (what-if runs).
    public var warmStart: WarmStart?
    /// Set from another thread to stop early with the best decision so far.
    public var interruption: SolveInterruption?

    public init(
        mipGap: Double? = nil, timeLimit: Double? = nil, verbose: Bool = false,
        progress: (@Sendable (SolveProgress) -> Void)? = nil, log: (@Sendable (String) -> Void)? = nil,
        warmStart: WarmStart? = nil, interruption: SolveInterruption? = nil,
        deadline: ContinuousClock.Instant? = nil
    ) {
        self.deadline = deadline
        self.interruption = interruption
        self.warmStart = warmStart
        self.log = log
        self.mipGap = mipGap
        self.timeLimit = timeLimit
        self.verbose = verbose
        self.progress = progress
    }
}
