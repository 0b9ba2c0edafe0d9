/// The result's `status`, as defined by the result format.
public enum SolveStatus: String, Sendable, Equatable {
    /// A decision whose proven gap is within `mipGap`.
    case optimal
    /// A decision, stopped by `timeLimit` before its gap reached `mipGap`.
    case feasible
    /// No decision can satisfy every rule.
    case infeasible
    /// Stopped before any decision was found.
    case noSolution

    /// Whether a decision was returned (exit status 0).
    public var hasDecision: Bool { self == .optimal || self == .feasible }
}
