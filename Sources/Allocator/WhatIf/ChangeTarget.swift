/// What a change expression changes: one funder, every funder of a level or of
/// an area subtree, one project, one strategy, or the policy.
public enum ChangeTarget: Sendable, Equatable {
    /// `funder:ID`
    case funder(String)
    /// `level:NAME`: every funder of that level.
    case level(Level)
    /// `area:ID`: every funder whose area is that area or inside it (not the
    /// nationwide ministries, which have no area).
    case area(String)
    /// `project:ID`
    case project(String)
    /// `strategy:ID`
    case strategy(String)
    /// `policy`
    case policy

    /// The words written before `:` (and `policy`), in the order the documentation lists them.
    public enum Kind: String, CaseIterable, Sendable {
        case funder, level, area, project, strategy, policy

        /// The fields a target of this kind has, in the documentation's order.
        public var fields: [ChangeField] {
            switch self {
            case .funder, .level, .area: [.budget, .maxProjects, .maxProjectCost, .sectors]
            case .project: [.priority, .cost, .exclude, .mandatory, .funder, .earliestStart, .latestStart]
            case .strategy: [.weight, .minShare]
            case .policy: [.escalationPenalty, .delayDiscount, .strategyRequired, .mipGap, .timeLimit]
            }
        }

        /// How the target reads in a message: "a funder", "the policy".
        var noun: String {
            switch self {
            case .funder: "a funder"
            case .level: "a level"
            case .area: "an area"
            case .project: "a project"
            case .strategy: "a strategy"
            case .policy: "the policy"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .funder: .funder
        case .level: .level
        case .area: .area
        case .project: .project
        case .strategy: .strategy
        case .policy: .policy
        }
    }
}
