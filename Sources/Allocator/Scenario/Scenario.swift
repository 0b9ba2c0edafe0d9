/// One `allocate/1` scenario: the areas, strategies, funders and projects of a
/// province (or the country) and the policy that governs the decision.
///
/// A `Scenario` returned by `ScenarioReader` has passed validation: ids are
/// unique, references resolve, trees and `requires` are acyclic, and every
/// per-year array has the right length.
public struct Scenario: Sendable, Equatable {
    /// The only format this version reads.
    public static let format = "allocate/1"

    public var name: String
    /// Thai fiscal year in the Buddhist Era (2570 = 1 Oct 2026 to 30 Sep 2027).
    public var fiscalYear: Int?
    /// Number of plan years, 1...10.
    public var horizon: Int
    public var areas: [Area]
    public var strategies: [Strategy]
    public var funders: [Funder]
    public var projects: [Project]
    public var policy: Policy

    public init(
        name: String, fiscalYear: Int? = nil, horizon: Int = 1, areas: [Area],
        strategies: [Strategy] = [], funders: [Funder], projects: [Project], policy: Policy = Policy()
    ) {
        self.name = name
        self.fiscalYear = fiscalYear
        self.horizon = horizon
        self.areas = areas
        self.strategies = strategies
        self.funders = funders
        self.projects = projects
        self.policy = policy
    }
}
