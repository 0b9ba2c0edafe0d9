/// Integer lookups over a validated scenario: ids to positions, the area tree
/// as parent indices, funders by the area they serve.
///
/// - Complexity: O(areas + funders + projects) to build.
public struct ScenarioIndex: Sendable {
    public let areaIndex: [String: Int]
    public let funderIndex: [String: Int]
    public let projectIndex: [String: Int]
    public let strategyIndex: [String: Int]
    /// Parent of each area, -1 for a root.
    public let areaParent: [Int]
    /// Funders serving exactly each area, in scenario order.
    public let fundersAtArea: [[Int]]
    /// Funders without an area (nationwide ministries), in scenario order.
    public let nationwideFunders: [Int]

    public init(_ scenario: Scenario) {
        func positions(_ ids: [String]) -> [String: Int] {
            var map = [String: Int](minimumCapacity: ids.count)
            for (i, id) in ids.enumerated() where map[id] == nil { map[id] = i }
            return map
        }
        let areaIndex = positions(scenario.areas.map(\.id))
        self.areaIndex = areaIndex
        funderIndex = positions(scenario.funders.map(\.id))
        projectIndex = positions(scenario.projects.map(\.id))
        strategyIndex = positions(scenario.strategies.map(\.id))
        areaParent = scenario.areas.map { area in area.parent.flatMap { areaIndex[$0] } ?? -1 }
        var atArea = Array(repeating: [Int](), count: scenario.areas.count)
        var nationwide: [Int] = []
        for (f, funder) in scenario.funders.enumerated() {
            if let area = funder.area, let a = areaIndex[area] {
                atArea[a].append(f)
            } else if funder.area == nil {
                nationwide.append(f)
            }
        }
        fundersAtArea = atArea
        nationwideFunders = nationwide
    }

    /// The area and its ancestors, nearest first.
    public func lineage(ofArea area: Int) -> [Int] {
        var chain: [Int] = []
        var a = area
        while a >= 0 {
            chain.append(a)
            a = areaParent[a]
        }
        return chain
    }

    /// Funders whose area is the given area or an ancestor, plus nationwide
    /// ones, in scenario order: the funders rule 1 of eligibility allows.
    public func fundersServing(area: Int) -> [Int] {
        var funders = nationwideFunders
        for a in lineage(ofArea: area) { funders += fundersAtArea[a] }
        return funders.sorted()
    }
}
