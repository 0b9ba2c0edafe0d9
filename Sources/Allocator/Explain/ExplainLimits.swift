/// How much re-solving `allocate explain` may do to find and verify the
/// smallest change that would fund a project. Each re-solve is a whole solve
/// of the changed scenario, so on a large province these limits decide how
/// long an explanation takes.
public struct ExplainLimits: Sendable, Equatable {
    /// How many of the project's eligible funders are tried for extra budget:
    /// those needing the least by the estimate (docs/explain.md).
    public var funders: Int
    /// Most re-solves in all (0: estimates only, nothing verified).
    public var resolves: Int
    /// Seconds per re-solve, at most: each re-solve runs under the result's own
    /// `timeLimit` or this, whichever is smaller.
    public var resolveTimeLimit: Double
    /// Seconds for all re-solves together: no re-solve is started that could
    /// end after it. Small scenarios never reach it, so their explanations do
    /// not depend on the machine's speed.
    public var totalTimeLimit: Double
    /// A search stops when the smallest figure that funds the project is within
    /// this fraction of the largest that does not.
    public var precision: Double

    public init(
        funders: Int = 2, resolves: Int = 24, resolveTimeLimit: Double = 5, totalTimeLimit: Double = 60,
        precision: Double = 0.01
    ) {
        self.funders = funders
        self.resolves = resolves
        self.resolveTimeLimit = resolveTimeLimit
        self.totalTimeLimit = totalTimeLimit
        self.precision = precision
    }
}
