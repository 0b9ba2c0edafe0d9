/// One rule that must give way for an infeasible scenario to have a decision,
/// found by `InfeasibilityDiagnosis`, with how far it must give way.
public struct RuleConflict: Sendable, Equatable {
    public enum Rule: Sendable, Equatable {
        /// A funder's budget in a plan year (1-based) is too small by `amount` baht.
        case budget(funder: Int, year: Int)
        /// A strategy's minimum share: the projects linked to it fall `amount` baht short.
        case minShare(strategy: Int)
        /// A mandatory project cannot be funded with the other rules.
        case mandatory(project: Int)
        /// A funder would have to fund `amount` projects more than `maxProjects`.
        case maxProjects(funder: Int)
        /// Mandatory projects of one overlap group: `amount` too many.
        case overlap(group: String)
        /// A project requires another that cannot be funded (in time).
        case requires(project: Int, required: Int)
    }

    public var rule: Rule
    /// Baht for `budget` and `minShare`, projects for the others.
    public var amount: Double
    /// The rule and the shortfall in plain words.
    public var explanation: String
}
