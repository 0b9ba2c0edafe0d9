/// A snapshot of a running solve, for a progress line: the best decision's
/// value so far and the best proven bound.
public struct SolveProgress: Sendable, Equatable {
    /// Seconds since the solve started.
    public var elapsed: Double
    /// Objective of the best decision found so far, if any.
    public var objective: Double?
    /// Best proven upper bound so far, if any.
    public var bound: Double?

    public init(elapsed: Double, objective: Double?, bound: Double?) {
        self.elapsed = elapsed
        self.objective = objective
        self.bound = bound
    }

    /// The relative gap of the result format, when both ends are known.
    public var gap: Double? {
        guard let objective, let bound else { return nil }
        return AllocationResult.gap(objective: objective, bound: bound)
    }
}
