/// A proposed project from a community, village, LAO, district or provincial plan.
public struct Project: Sendable, Equatable {
    /// A `costAt` or `valueAt` key: a funder id or a level name (a funder id wins).
    public struct Override<Value: Sendable & Equatable>: Sendable, Equatable {
        public var key: String
        public var value: Value
        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }
    }

    public var id: String
    public var name: String?
    public var area: String
    public var cost: CostProfile
    /// The community forum's score; higher is more urgent.
    public var priority: Double
    public var sector: String?
    public var strategies: [String]
    /// true: the community solves it itself, so only community funders may fund it.
    public var selfReliant: Bool
    /// Explicit levels allowed to fund it; overrides the `selfReliant` rule.
    public var levels: [Level]?
    /// Overlap group ids: within one group at most one project is funded.
    public var overlaps: [String]
    /// Projects that must also be funded (and, with horizon > 1, end before this starts).
    public var requires: [String]
    public var mandatory: Bool
    /// Pinned funder id.
    public var funder: String?
    public var exclude: Bool
    public var duration: Int
    public var earliestStart: Int
    /// nil means the horizon.
    public var latestStart: Int?
    /// Cost overrides in file order.
    public var costAt: [Override<CostProfile>]
    /// Value overrides in file order.
    public var valueAt: [Override<Double>]

    public init(
        id: String, name: String? = nil, area: String, cost: CostProfile, priority: Double,
        sector: String? = nil, strategies: [String] = [], selfReliant: Bool = false,
        levels: [Level]? = nil, overlaps: [String] = [], requires: [String] = [],
        mandatory: Bool = false, funder: String? = nil, exclude: Bool = false,
        duration: Int = 1, earliestStart: Int = 1, latestStart: Int? = nil,
        costAt: [Override<CostProfile>] = [], valueAt: [Override<Double>] = []
    ) {
        self.id = id
        self.name = name
        self.area = area
        self.cost = cost
        self.priority = priority
        self.sector = sector
        self.strategies = strategies
        self.selfReliant = selfReliant
        self.levels = levels
        self.overlaps = overlaps
        self.requires = requires
        self.mandatory = mandatory
        self.funder = funder
        self.exclude = exclude
        self.duration = duration
        self.earliestStart = earliestStart
        self.latestStart = latestStart
        self.costAt = costAt
        self.valueAt = valueAt
    }

    /// The levels rule 2 of eligibility allows: `levels`, else by `selfReliant`.
    public var allowedLevels: [Level] {
        if let levels { return levels }
        return selfReliant ? [.community] : [.lao, .district, .province, .ministry]
    }
}
