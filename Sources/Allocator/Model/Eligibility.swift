/// The six eligibility rules of the spec: whether funder `f` may fund project `p`,
/// and if not, the first rule that excludes it (so an unfunded project can be explained).
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

    /// Applies the rules in the spec's order.
    /// - Parameters:
    ///   - servesArea: whether rule 1 holds (computed by the caller from the area tree).
    ///   - totalCost: the project's cost at this funder after `costAt`.
    public static func check(
        project p: Project, funder f: Funder, servesArea: Bool, totalCost: Double, policy: Policy
    ) -> Eligibility {
        if !servesArea { return .outsideArea }
        if !p.allowedLevels.contains(f.level) { return .levelNotAllowed }
        if let sectors = f.sectors {
            guard let sector = p.sector, sectors.contains(sector) else { return .sectorNotInMandate }
        }
        if let limit = f.maxProjectCost, totalCost > limit { return .overMaxProjectCost }
        if policy.strategyRequired.contains(f.level), p.strategies.isEmpty { return .noStrategyLink }
        if p.exclude { return .excluded }
        if let pinned = p.funder, pinned != f.id { return .pinnedElsewhere }
        return .eligible
    }
}
