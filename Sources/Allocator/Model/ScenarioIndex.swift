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
    /// The nearest area at or above each area that has funders of its own, -1 if none:
    /// `fundersServing` walks only those, not every level of a deep tree.
    private let fundedAncestor: [Int]

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
        fundedAncestor = Self.nearestFundedAncestors(parent: areaParent, funded: atArea.map { !$0.isEmpty })
    }

    /// For each area, the nearest area at or above it with `funded` true, or -1.
    /// Each area is settled once, by walking up to an area already settled
    /// (iteratively: a 100,000-deep tree needs no deep call stack). A parent
    /// loop, which the validator rejects, cannot make this walk endless.
    ///
    /// - Complexity: O(areas).
    private static func nearestFundedAncestors(parent: [Int], funded: [Bool]) -> [Int] {
        let unsettled = -2
        var nearest = [Int](repeating: unsettled, count: parent.count)
        var walk: [Int] = []
        var onWalk = [Bool](repeating: false, count: parent.count)
        for start in parent.indices where nearest[start] == unsettled {
            var a = start
            while a >= 0, nearest[a] == unsettled, !onWalk[a] {
                onWalk[a] = true
                walk.append(a)
                a = parent[a]
            }
            var above = a >= 0 && nearest[a] != unsettled ? nearest[a] : -1
            while let b = walk.popLast() {
                onWalk[b] = false
                if funded[b] { above = b }
                nearest[b] = above
            }
        }
        return nearest
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
    ///
    /// - Complexity: O(k log k) for k funders returned, whatever the depth of the tree.
    public func fundersServing(area: Int) -> [Int] {
        var funders = nationwideFunders
        var a = fundedAncestor[area]
        while a >= 0 {
            funders += fundersAtArea[a]
            a = areaParent[a] >= 0 ? fundedAncestor[areaParent[a]] : -1
        }
        return funders.sorted()
    }
}
