/// What limits a funder in one plan year at the decision, as its program
/// (`FunderLP`) sees it: its money, or, when more money is worth nothing, the
/// limit that binds instead.
public enum BudgetLimit: Sendable, Equatable {
    /// The year's money binds: more of it funds (part of) the marginal project.
    case budget
    /// The funder funds as many projects as its `maxProjects` allows (money left or not).
    case maxProjects
    /// Another plan year's money binds: what this year's money could fund also needs money in `year`.
    case otherYear(Int)
    /// Strategy `strategy`'s minimum share binds (an index into `Scenario.strategies`).
    case minShare(strategy: Int)
    /// An overlap group binds (a project of it that the funder funds keeps out the others).
    case overlap(group: String)
    /// A `requires` edge binds: `project` needs `required`, whose funding it cannot have more of.
    case requires(project: Int, required: Int)
    /// Nothing more to fund: every project it may fund is funded (by it or
    /// another funder) or worth nothing, so money is left over.
    case nothingToFund

    /// The code written in result.json.
    public var code: String {
        switch self {
        case .budget: "budget"
        case .maxProjects: "maxProjects"
        case .otherYear: "otherYear"
        case .minShare: "minShare"
        case .overlap: "overlap"
        case .requires: "requires"
        case .nothingToFund: "nothingToFund"
        }
    }
}
