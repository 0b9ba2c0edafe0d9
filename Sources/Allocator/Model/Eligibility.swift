/// The six eligibility rules of the spec: whether funder `f` may fund project `p`,
/// and if not, which rules exclude it (so an unfunded project can be explained).
public enum Eligibility: Sendable, Equatable {
    case eligible
    /// Rule 1: the funder serves another part of the area tree.
    case outsideArea
    /// Rule 2: the project's `levels` (or `selfReliant` rule) exclude the funder's level.
    case levelNotAllowed
    /// Rule 3: the funder's `sectors` mandate does not cover the project's sector.
    case sectorNotInMandate
    /// Rule 4: the project costs more at this funder than its `maxProjectCost`.
    case overMaxProjectCost
    /// Rule 5: the funder's level funds only strategy-linked projects (section 53/1).
    case noStrategyLink
    /// Rule 6: the project is excluded.
    case excluded
    /// Rule 6: the project is pinned to another funder.
    case pinnedElsewhere

    /// The rules that can exclude a funder, in the spec's order.
    public static let rules: [Eligibility] = [
        .outsideArea, .levelNotAllowed, .sectorNotInMandate, .overMaxProjectCost, .noStrategyLink, .excluded,
        .pinnedElsewhere,
    ]

    /// Short code used in results.
    public var code: String {
        switch self {
        case .eligible: "eligible"
        case .outsideArea: "area"
        case .levelNotAllowed: "level"
        case .sectorNotInMandate: "sector"
        case .overMaxProjectCost: "maxProjectCost"
        case .noStrategyLink: "strategy"
        case .excluded: "excluded"
        case .pinnedElsewhere: "pinned"
        }
    }

    /// The first rule, in the spec's order, that excludes the funder; `.eligible` when none does.
    /// - Parameters:
    ///   - servesArea: whether rule 1 holds (computed by the caller from the area tree).
    ///   - totalCost: the project's cost at this funder after `costAt`.
    public static func check(
        project p: Project, funder f: Funder, servesArea: Bool, totalCost: Double, policy: Policy
    ) -> Eligibility {
        rules.first { $0.excludes(project: p, funder: f, servesArea: servesArea, totalCost: totalCost, policy: policy) }
            ?? .eligible
    }

    /// Every rule that excludes the funder, in the spec's order; empty when it may fund the project.
    /// An explanation names them all, so that fixing the first does not reveal a second.
    public static func failures(
        project p: Project, funder f: Funder, servesArea: Bool, totalCost: Double, policy: Policy
    ) -> [Eligibility] {
        rules.filter { $0.excludes(project: p, funder: f, servesArea: servesArea, totalCost: totalCost, policy: policy) }
    }

    /// Whether this rule keeps funder `f` from funding project `p` (false for `.eligible`).
    public func excludes(project p: Project, funder f: Funder, servesArea: Bool, totalCost: Double, policy: Policy) -> Bool {
        switch self {
        case .eligible: false
        case .outsideArea: !servesArea
        case .levelNotAllowed: !p.allowedLevels.contains(f.level)
        case .sectorNotInMandate: f.sectors.map { sectors in !(p.sector.map(sectors.contains) ?? false) } ?? false
        case .overMaxProjectCost: f.maxProjectCost.map { totalCost > $0 } ?? false
        case .noStrategyLink: policy.strategyRequired.contains(f.level) && p.strategies.isEmpty
        case .excluded: p.exclude
        case .pinnedElsewhere: p.funder.map { $0 != f.id } ?? false
        }
    }
}
