/// A body that can fund projects: a community, an LAO, a district, a province
/// or a ministry, with a budget per plan year and optional capacity limits.
public struct Funder: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var level: Level
    /// The area whose subtree it serves; nil only for a nationwide ministry.
    public var area: String?
    /// Budget per plan year, always `horizon` entries (a scalar in the file is repeated).
    public var budget: [Double]
    /// Most projects it can run over the whole horizon.
    public var maxProjects: Int?
    /// Largest single project cost (at this funder, after `costAt`) it can take on.
    public var maxProjectCost: Double?
    /// The only sectors it may fund (a ministry's mandate); nil means any.
    public var sectors: [String]?

    public init(
        id: String, name: String? = nil, level: Level, area: String? = nil, budget: [Double],
        maxProjects: Int? = nil, maxProjectCost: Double? = nil, sectors: [String]? = nil
    ) {
        self.id = id
        self.name = name
        self.level = level
        self.area = area
        self.budget = budget
        self.maxProjects = maxProjects
        self.maxProjectCost = maxProjectCost
        self.sectors = sectors
    }
}
