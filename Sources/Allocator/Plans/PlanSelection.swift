/// Which bodies' plans to show: some funders by id, the bodies of one level,
/// the bodies in one part of the area tree, or a mix; each given part narrows
/// the selection, and an empty selection means every body.
public struct PlanSelection: Sendable, Equatable {
    /// Funder ids; empty = any funder.
    public var funders: [String]
    /// A level name as in scenario files (`lao`); nil = any level.
    public var level: String?
    /// An area id: bodies whose area is this one or inside it; nil = anywhere
    /// (including ministries without an area).
    public var area: String?

    public init(funders: [String] = [], level: String? = nil, area: String? = nil) {
        self.funders = funders
        self.level = level
        self.area = area
    }

    /// Whether nothing narrows the selection: every body's plan, and the projects reaching no body.
    public var isEverything: Bool { funders.isEmpty && level == nil && area == nil }

    /// The selected funders' scenario indices, in calendar order (level, then scenario order).
    ///
    /// - Throws: `PlanSelectionError` for an unknown funder, level or area, or when nothing matches.
    public func bodies(in s: Scenario) throws(PlanSelectionError) -> [Int] {
        let index = ScenarioIndex(s)
        var chosen = Set(s.funders.indices)
        if !funders.isEmpty {
            var named = Set<Int>()
            for id in funders {
                guard let f = index.funderIndex[id] else {
                    throw .unknownFunder(id, suggestion: KeySuggestion.closest(to: id, among: s.funders.map(\.id)))
                }
                named.insert(f)
            }
            chosen = named
        }
        var wanted: Level?
        if let level {
            guard let parsed = Level(name: level) else { throw .unknownLevel(level) }
            wanted = parsed
            chosen = chosen.filter { s.funders[$0].level == parsed }
        }
        if let area {
            guard let a = index.areaIndex[area] else {
                throw .unknownArea(area, suggestion: KeySuggestion.closest(to: area, among: s.areas.map(\.id)))
            }
            chosen = chosen.filter { f in
                guard let home = s.funders[f].area.flatMap({ index.areaIndex[$0] }) else { return false }
                return index.lineage(ofArea: home).contains(a)
            }
        }
        guard !chosen.isEmpty else {
            let atLevel = wanted.map { l in s.funders.filter { $0.level == l } } ?? []
            throw .noBody(level: wanted?.name, area: area, funders: funders,
                          areasAtLevel: atLevel.map { $0.area ?? "(nationwide)" })
        }
        return chosen.sorted { a, b in
            s.funders[a].level != s.funders[b].level ? s.funders[a].level < s.funders[b].level : a < b
        }
    }
}
