/// The outcome of solving a scenario: the status, the decision (if any), its
/// objective recomputed from the decision, the proven bound and the gap.
public struct AllocationResult: Sendable {
    /// The model that was solved (its scenario, choices and rows).
    public var model: AllocationModel
    public var scenario: Scenario { model.scenario }
    public var status: SolveStatus
    /// Why the solver stopped (kept apart from whether a decision exists).
    public var termination: Termination
    public var decision: Decision?
    /// The spec's objective of `decision`, summed from the model's columns.
    public var objective: Double?
    /// Best proven upper bound on the objective.
    public var bound: Double?
    /// `(bound - objective) / max(1e-9, |objective|)`.
    public var gap: Double?
    /// The mipGap and timeLimit in force.
    public var mipGap: Double
    public var timeLimit: Double
    /// The work limit in force and the work the search spent (`SearchWork`:
    /// counted, not timed, so the same on every machine).
    public var workLimit: Double = 0
    public var work: Double = 0
    public var nodes: Int?
    /// Mandatory projects that no funder may fund (the infeasibility needs no solver).
    public var mandatoryWithoutChoice: [Int]
    public var timings: Timings
    /// Model size, for the summary and result.json.
    public var columns: Int
    public var rows: Int
    public var nonzeros: Int
    /// For an infeasible scenario (not one whose mandatory project has no
    /// choice at all: `mandatoryWithoutChoice` says that), the rules that
    /// cannot all hold together; nil if none was found in time.
    public var infeasibility: InfeasibilityDiagnosis?
    /// Lagrangian prices at the best bound, by row name (see `WarmStart`).
    public var prices: [String: Double] = [:]
    /// What one more baht of each funder's budget is worth at the decision
    /// (`Allocation.priceBudgets`); nil until worked out, and without a decision.
    public var budgetPrices: BudgetPrices?

    /// The decision the search's steps ended with, before its final polish
    /// (`SolverOutcome.searchColumns`); nil when the polish changed nothing.
    var searchDecision: Decision?

    /// This solve's decision (as its search's steps ended with it, before the
    /// polish) and prices, to start a variation of the scenario from.
    public var warmStart: WarmStart { WarmStart(decision: searchDecision ?? decision, prices: prices) }

    /// The relative gap of the spec.
    public static func gap(objective: Double, bound: Double) -> Double {
        max(0, bound - objective) / max(1e-9, abs(objective))
    }

    /// Whether a decision of value `objective` is proven within `mipGap` of the
    /// optimum by `bound`. Up to GLPK's objective tolerance, as GLPK itself
    /// prunes (1e-9 × max(1, |objective|)): so `mipGap` 0 accepts a bound that
    /// differs from the objective only by rounding, also when the objective is 0.
    public static func provesGap(objective: Double, bound: Double, mipGap: Double) -> Bool {
        bound - objective <= allowedGap(objective: objective, mipGap: mipGap) + 1e-9 * max(1, abs(objective))
    }

    /// How far above `objective` a bound may lie for the decision to be within
    /// `mipGap`, the relative gap of the spec (rounding aside, `provesGap`).
    static func allowedGap(objective: Double, mipGap: Double) -> Double {
        mipGap * max(1e-9, abs(objective))
    }
}
