/// Checks what spans several entries of a decoded scenario: unique ids,
/// references that resolve (areas, parents, strategies, required projects,
/// pinned funders, `costAt`/`valueAt` keys), and that parent links and
/// `requires` have no cycle.
///
/// Ids compare as Swift `String`s, that is by canonical equivalence: two ids
/// that differ only in Unicode normalisation (a precomposed Thai or Latin
/// character against its decomposed form) are the same id, as a reader sees them.
///
/// Entries the decoder could not read carry "" as id or reference; those were
/// reported already and are skipped here. References into a list that is
/// missing or malformed are not checked either (one problem, not thousands).
struct ScenarioValidator {
    let decoded: DecodedScenario
    /// The parsed file, to give each problem its line; empty for a scenario built in code.
    var lines: SourceLines
    var problems: [ScenarioProblem] = []

    /// Every cross-reference problem, in a deterministic order.
    ///
    /// - Complexity: O(size of the scenario): dictionaries for id lookups,
    ///   iterative linear-time graph walks (no recursion, so a 100,000-deep
    ///   area chain is fine).
    static func validate(_ decoded: DecodedScenario, source: JSONValue?) -> [ScenarioProblem] {
        var validator = ScenarioValidator(decoded: decoded, lines: SourceLines(source))
        validator.run()
        return validator.problems
    }

    private var scenario: Scenario { decoded.scenario }

    private mutating func run() {
        let areaIndex = firstIndex(ofIds: scenario.areas.map(\.id), list: "areas", noun: "area")
        let strategyIndex = firstIndex(ofIds: scenario.strategies.map(\.id), list: "strategies", noun: "strategy")
        let funderIndex = firstIndex(ofIds: scenario.funders.map(\.id), list: "funders", noun: "funder")
        let projectIndex = firstIndex(ofIds: scenario.projects.map(\.id), list: "projects", noun: "project")

        checkParents(areaIndex)
        for (i, funder) in scenario.funders.enumerated() {
            if let area = funder.area, !area.isEmpty, decoded.areasListed, areaIndex[area] == nil {
                report(EntityPath(list: "funders", index: i).key("area"), "unknown area \"\(area)\"")
            }
        }
        var requirements = RequirementGraph(projectCount: scenario.projects.count)
        for (i, project) in scenario.projects.enumerated() {
            let at = EntityPath(list: "projects", index: i)
            if !project.area.isEmpty, decoded.areasListed, areaIndex[project.area] == nil {
                report(at.key("area"), "unknown area \"\(project.area)\"")
            }
            if decoded.strategiesListed {
                for (j, strategy) in project.strategies.enumerated()
                where !strategy.isEmpty && strategyIndex[strategy] == nil {
                    report(at.key("strategies").index(j), "unknown strategy \"\(strategy)\"")
                }
            }
            for (j, required) in project.requires.enumerated() where !required.isEmpty {
                if required == project.id {
                    report(at.key("requires").index(j), "a project cannot require itself")
                } else if let target = projectIndex[required] {
                    requirements.addEdge(from: i, to: target, element: j)
                } else {
                    report(at.key("requires").index(j), "unknown project \"\(required)\"")
                }
            }
            requirements.finishNode()
            if let funder = project.funder, !funder.isEmpty, decoded.fundersListed, funderIndex[funder] == nil {
                report(at.key("funder"), "unknown funder \"\(funder)\"")
            }
            if decoded.fundersListed {
                checkOverrideKeys(project.costAt.lazy.map(\.key), list: "costAt", at: at, funderIndex)
                checkOverrideKeys(project.valueAt.lazy.map(\.key), list: "valueAt", at: at, funderIndex)
            }
        }
        for cycle in requirements.cycles() {
            let ids = cycle.nodes.map { scenario.projects[$0].id }
            report(EntityPath(list: "projects", index: cycle.nodes[0]).key("requires").index(cycle.firstElement),
                   "requires form a cycle: \(Self.describeCycle(ids))")
        }
    }

    /// Reports every repeated id (at the later entry) and returns each id's first entry.
    private mutating func firstIndex(ofIds ids: [String], list: String, noun: String) -> [String: Int] {
        var first: [String: Int] = [:]
        first.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where !id.isEmpty {
            if let earlier = first[id] {
                let earlierEntry = EntityPath(list: list, index: earlier)
                var location = earlierEntry.path.description
                if let line = line(of: earlierEntry.key("id")) { location += ", line \(line)" }
                report(EntityPath(list: list, index: i).key("id"), "duplicate \(noun) id \"\(id)\" (first at \(location))")
            } else {
                first[id] = i
            }
        }
        return first
    }

    /// `costAt` and `valueAt` keys name a funder or a level.
    private mutating func checkOverrideKeys(
        _ keys: some Sequence<String>, list: String, at: EntityPath, _ funderIndex: [String: Int]
    ) {
        for key in keys where Level(name: key) == nil && funderIndex[key] == nil {
            report(at.key(list).key(key), "unknown funder or level \"\(key)\"")
        }
    }

    /// Parents must exist and parent links must not loop; each loop is
    /// reported once, at its entry that comes first in the file.
    private mutating func checkParents(_ areaIndex: [String: Int]) {
        let areas = scenario.areas
        var parentOf = [Int](repeating: -1, count: areas.count)
        for (i, area) in areas.enumerated() {
            guard let parent = area.parent, !parent.isEmpty else { continue }
            if let p = areaIndex[parent] {
                parentOf[i] = p
            } else {
                report(EntityPath(list: "areas", index: i).key("parent"), "unknown area \"\(parent)\"")
            }
        }
        // 0: not seen, 1: on the current walk up the tree, 2: known to reach a root or a reported loop.
        var state = [UInt8](repeating: 0, count: areas.count)
        var walk: [Int] = []
        for start in areas.indices where state[start] == 0 {
            walk.removeAll(keepingCapacity: true)
            var node = start
            while node >= 0, state[node] == 0 {
                state[node] = 1
                walk.append(node)
                node = parentOf[node]
            }
            if node >= 0, state[node] == 1, let k = walk.lastIndex(of: node) {
                var cycle = Array(walk[k...])
                let first = cycle.indices.min(by: { cycle[$0] < cycle[$1] })!
                cycle = Array(cycle[first...] + cycle[..<first])
                let path = EntityPath(list: "areas", index: cycle[0]).key("parent")
                if cycle.count == 1 {
                    report(path, "area \"\(areas[cycle[0]].id)\" is its own parent")
                } else {
                    report(path, "parent links form a cycle: \(Self.describeCycle(cycle.map { areas[$0].id }))")
                }
            }
            for v in walk { state[v] = 2 }
        }
    }

    /// `A -> B -> C -> A`, shortened in the middle for very long loops.
    static func describeCycle(_ ids: [String]) -> String {
        let quoted = ids.map { "\"\($0)\"" }
        let shown: [String]
        if quoted.count > 12 {
            shown = Array(quoted.prefix(6)) + ["... \(quoted.count - 12) more ..."] + Array(quoted.suffix(6))
        } else {
            shown = quoted
        }
        return (shown + [quoted[0]]).joined(separator: " -> ")
    }

    private mutating func line(of path: JSONPath) -> Int? {
        lines.line(of: path)
    }

    private mutating func report(_ path: JSONPath, _ message: String) {
        let line = line(of: path)
        problems.append(ScenarioProblem(path: path.description, line: line, message: message))
    }
}
