/// Everything `allocate explain` says about one project: the decision it was
/// given, and either why its funder funds it (and why no lower level does) or
/// why it is not funded, with the smallest changes found, by re-solving, that
/// would fund it. `text()` and `json()` write it out.
public struct ProjectExplanation: Sendable {
    /// The project that won the overlap group of an unfunded project.
    public struct Overlap: Sendable, Equatable {
        public var group: String
        public var winner: Int
        /// Who funds the winner, and what it is worth there.
        public var winnerFunder: Int?
        public var winnerValue: Double?
        /// The most the explained project would be worth at any funder.
        public var ownValue: Double?
    }

    /// The required project an unfunded project waits for.
    public struct Requirement: Sendable, Equatable {
        public var project: Int
        /// Why that project is not funded.
        public var reason: UnfundedReason?
    }

    public let scenario: Scenario
    /// Index into `scenario.projects`.
    public let project: Int
    /// The decision explained: its status, proven gap and the limits it was solved under.
    public let status: SolveStatus
    public let gap: Double?
    public let mipGap: Double
    public let timeLimit: Double
    /// Who funds the project and from when; nil when unfunded.
    public let assignment: Decision.Assignment?
    /// `value(p, f, t)` of the funded project at its funder.
    public let value: Double?
    /// Why it is not funded; nil when funded.
    public let reason: UnfundedReason?
    /// The funders of its area (and its pinned funder), in escalation order:
    /// all of them for an unfunded project whose reason is about funders
    /// (`noEligibleFunder`, `budget`, `notChosen`) and for a funded one; empty otherwise.
    public let funders: [ExplainedFunder]
    /// How many other funders there are, all serving other areas.
    public let outsideArea: Int
    public let overlap: Overlap?
    public let requirement: Requirement?
    /// For `budget` and `notChosen`: the minimum strategy shares the project does not serve, and how close they are.
    public let shares: [ShareLimit]
    /// The smallest changes searched: extra budget at some funders, then the priority.
    public let changes: [SmallestChange]
    /// Eligible funders for which more money was not tried, and why (at their project limit).
    public let untried: [(funder: Int, why: String)]
    /// The limits of the re-solves, and the time limit each re-solve actually had.
    public let limits: ExplainLimits
    public let resolveTimeLimit: Double

    /// The funders at a lower level than the project's funder (funded projects only).
    public var lowerFunders: [ExplainedFunder] {
        guard let a = assignment else { return [] }
        let level = scenario.funders[a.funder].level
        return funders.filter { scenario.funders[$0.funder].level < level }
    }

    /// Why a funded project's funder is not a lower level; nil when unfunded.
    public var whyThisFunder: FunderChoiceReason? { FunderChoiceReason.make(self) }

    /// All re-solves made, in order.
    public var resolves: [Resolve] { changes.flatMap(\.resolves) }
}
