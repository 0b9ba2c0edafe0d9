/// Why the solver stopped, kept apart from whether it holds a usable decision
/// (as MathOptInterface separates termination status from primal status).
public enum Termination: String, Sendable, Equatable {
    /// The search finished: the decision is optimal (or none exists).
    case searchComplete
    /// The relative gap reached `mipGap`.
    case gapReached
    /// `timeLimit` ran out.
    case timeLimit
    /// The solve's work limit ran out: a count of work, not of seconds, so it
    /// stops at the same point on every run and machine (docs/decisions.md,
    /// "Determinism").
    case workLimit
    /// The search could improve neither the decision nor the bound any more
    /// (the decision a local optimum of every neighbourhood, the bound
    /// converged) before the gap was proven.
    case searchStalled
    /// The LP relaxation (or GLPK's presolver) proved no decision exists.
    case infeasible
    /// The scenario has a mandatory project that no funder may fund: no solver needed.
    case trivialInfeasible
    /// Stopped on request (`SolveInterruption`, the command line's Ctrl-C).
    case interrupted

    /// Stopped by one of its limits (time or work) before the gap was proven.
    public var isLimit: Bool { self == .timeLimit || self == .workLimit }
}

/// What a solver run produced: why it stopped, the best 0/1 point found (the
/// columns at 1) and the best proven upper bound.
public struct SolverOutcome: Sendable {
    public var termination: Termination
    /// Columns set to 1 in the best decision found; nil when none was found.
    public var columns: [Int]?
    /// Best proven upper bound on the objective; nil when none was proven.
    public var bound: Double?
    /// The decision the search's steps ended with, when its final polish
    /// (`DecisionPolish`) changed it: what a similar scenario's solve starts
    /// from (`WarmStart`), so that the polish changes no later solve's steps.
    public var searchColumns: [Int]?
    /// The search finished and proved `columns` optimal (up to GLPK's objective tolerance).
    public var proven: Bool
    /// Branch-and-bound nodes processed, when known.
    public var nodes: Int?
    /// Simplex iterations GLPK made (LP relaxation and branch and cut): the
    /// solve's work, counted the same on every machine.
    public var iterations = 0
    /// Work units the search spent (`SearchWork`), the same on every machine.
    public var work = 0.0
    /// Seconds spent in the LP relaxation and in branch and cut.
    public var lpSeconds: Double
    public var mipSeconds: Double
    /// The Lagrangian prices at the best bound, by row name (non-zero ones),
    /// for `WarmStart`; empty when no relaxation ran.
    public var prices: [String: Double] = [:]

    public init(
        termination: Termination, columns: [Int]?, bound: Double?, proven: Bool = false, nodes: Int? = nil,
        lpSeconds: Double = 0, mipSeconds: Double = 0
    ) {
        self.termination = termination
        self.columns = columns
        self.bound = bound
        self.proven = proven
        self.nodes = nodes
        self.lpSeconds = lpSeconds
        self.mipSeconds = mipSeconds
    }
}
