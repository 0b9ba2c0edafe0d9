import Allocator

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny generator whose output depends
/// only on the seed, so every random scenario can be rebuilt from its number.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range` (modulo bias is irrelevant at these sizes).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// true with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[int(0...(items.count - 1))]
    }

    /// A random subset of `items` in their original order (possibly empty).
    mutating func subset<T>(_ items: [T], p: Double = 0.5) -> [T] {
        items.filter { _ in chance(p) }
    }
}

/// Seeded random small scenarios that use every feature of `allocate/1`, for
/// comparing the solver with `BruteForce`. Each has at most
/// `BruteForce.maxColumns` eligible (project, funder, start) triples and
/// `mipGap` 0, and is well formed (ids unique, references resolve, `requires`
/// acyclic, every per-year array as long as it must be).
enum RandomScenario {
    static let sectors = ["water", "roads", "health"]

    /// The scenario of `seed`. Most drafts with fewer than two columns are
    /// drawn again (from the same stream, so still determined by the seed):
    /// they test little, but one in five is kept, since a scenario where
    /// nothing can be funded is a case the solver must handle too.
    static func make(seed: UInt64) -> Scenario {
        var rng = SplitMix64(seed: seed)
        var scenario = draft(seed: seed, rng: &rng)
        var attempts = 1
        while attempts < 10 && BruteForce.columns(of: scenario).count < 2 && rng.chance(0.8) {
            scenario = draft(seed: seed, rng: &rng)
            attempts += 1
        }
        return scenario
    }

    private static func draft(seed: UInt64, rng: inout SplitMix64) -> Scenario {
        let horizon = rng.pick([1, 1, 2, 3])

        // Area tree: a province root, 1-2 districts, and with three levels 1-2 tambons under each.
        var areas = [Area(id: "P", name: "จังหวัด", kind: rng.chance(0.5) ? .province : nil)]
        let depth = rng.int(2...3)
        for d in 1...rng.int(1...2) {
            let district = "P-\(d)"
            areas.append(Area(id: district, parent: "P", kind: rng.chance(0.5) ? .district : nil))
            if depth == 3 {
                for t in 1...rng.int(1...2) {
                    areas.append(Area(id: "\(district)-\(t)", parent: district, kind: rng.chance(0.5) ? .tambon : nil))
                }
            }
        }
        let leaves = areas.filter { area in !areas.contains { $0.parent == area.id } }.map(\.id)
        let middle = areas.filter { $0.parent == "P" }.map(\.id)

        let strategies = (0..<(rng.chance(0.85) ? rng.int(1...3) : 0)).map { i in
            Strategy(
                id: "S\(i + 1)", weight: rng.pick([0, 0.25, 0.5, 1]),
                minShare: rng.chance(0.25) ? rng.pick([0.2, 0.3, 0.5]) : 0)
        }

        var funders: [Funder] = []
        for i in 0..<rng.int(2...5) {
            let level = rng.pick(Level.allCases + [.lao, .district, .province])
            let area: String? = switch level {
            case .community: rng.pick(leaves)
            case .lao: rng.pick(leaves + middle)
            case .district: rng.pick(middle)
            case .province: "P"
            case .ministry: rng.chance(0.6) ? nil : "P"
            }
            let perYear = rng.chance(0.3)
            let scalar = Double(rng.int(2...30) * 10)
            let budget = (0..<horizon).map { _ in perYear ? Double(rng.int(0...30) * 10) : scalar }
            var sectors: [String]? = nil
            if rng.chance(level == .ministry ? 0.6 : 0.15) {
                sectors = rng.subset(Self.sectors)
                if sectors!.isEmpty { sectors = [rng.pick(Self.sectors)] }
            }
            funders.append(Funder(
                id: "F\(i + 1)", level: level, area: area, budget: budget,
                maxProjects: rng.chance(0.3) ? rng.int(0...2) : nil,
                maxProjectCost: rng.chance(0.25) ? Double(rng.int(3...12) * 10) : nil,
                sectors: sectors))
        }

        var projects: [Project] = []
        for i in 0..<rng.int(3...7) {
            let duration = rng.int(1...horizon)
            let perYearCost = duration > 1 && rng.chance(0.4)
            let cost: CostProfile = perYearCost
                ? .perYear((0..<duration).map { _ in Double(rng.int(1...8) * 10) })
                : .total(Double(rng.int(1...20) * 6))
            var project = Project(
                id: "Q\(i + 1)", area: rng.pick(areas.map(\.id) + leaves), cost: cost,
                priority: Double(rng.int(0...20)) / 2, duration: duration)
            if rng.chance(0.7) { project.sector = rng.pick(Self.sectors) }
            if !strategies.isEmpty && rng.chance(0.8) {
                project.strategies = rng.subset(strategies.map(\.id))
                if project.strategies.isEmpty { project.strategies = [rng.pick(strategies).id] }
                if let first = project.strategies.first, rng.chance(0.15) { project.strategies.append(first) }
            }
            project.selfReliant = rng.chance(0.2)
            if rng.chance(0.2) {
                let levels = rng.subset(Level.allCases, p: 0.4)
                project.levels = levels.isEmpty ? [rng.pick(Level.allCases)] : levels
            }
            if rng.chance(0.3) { project.overlaps = rng.subset(["g1", "g2"], p: 0.6) }
            if i > 0 && rng.chance(0.25) { project.requires = [projects[rng.int(0...(i - 1))].id] }
            project.exclude = rng.chance(0.07)
            if rng.chance(0.1) { project.funder = rng.pick(funders).id }
            if horizon > 1 && rng.chance(0.35) { project.earliestStart = rng.int(1...horizon) }
            if horizon > 1 && rng.chance(0.35) { project.latestStart = rng.int(project.earliestStart...horizon) }
            if rng.chance(0.3) {
                for _ in 0..<rng.int(1...2) {
                    let key = rng.chance(0.5) ? rng.pick(funders).id : rng.pick(Level.allCases).name
                    let value: CostProfile = duration > 1 && rng.chance(0.4)
                        ? .perYear((0..<duration).map { _ in Double(rng.int(1...8) * 10) })
                        : .total(Double(rng.int(1...20) * 6))
                    if !project.costAt.contains(where: { $0.key == key }) {
                        project.costAt.append(.init(key: key, value: value))
                    }
                }
            }
            if rng.chance(0.25) {
                for _ in 0..<rng.int(1...2) {
                    let key = rng.chance(0.5) ? rng.pick(funders).id : rng.pick(Level.allCases).name
                    if !project.valueAt.contains(where: { $0.key == key }) {
                        project.valueAt.append(.init(key: key, value: Double(rng.int(0...40)) / 2))
                    }
                }
            }
            projects.append(project)
        }

        let strategyRequired: [Level] = switch rng.int(0...3) {
        case 0, 1: [.lao, .district, .province, .ministry]
        case 2: []
        default: rng.subset(Level.allCases)
        }
        let policy = Policy(
            escalationPenalty: rng.pick([0, 0.001, 0.1, 0.3]),
            delayDiscount: rng.pick([0, 0.05, 0.2]),
            strategyRequired: strategyRequired, mipGap: 0)

        var scenario = Scenario(
            name: "random-\(seed)", horizon: horizon, areas: areas, strategies: strategies,
            funders: funders, projects: projects, policy: policy)
        // Mandatory last, and mostly on projects that can be funded, so that
        // infeasible scenarios come up but do not dominate.
        let columns = BruteForce.columns(of: scenario)
        for p in scenario.projects.indices where rng.chance(0.12) {
            scenario.projects[p].mandatory = columns.contains { $0.project == p } || rng.chance(0.25)
        }
        trim(&scenario, rng: &rng)
        return scenario
    }

    /// Narrows start windows, then pins projects to one of their eligible
    /// funders, project with most columns first, until the scenario has at most
    /// `BruteForce.maxColumns` columns (pinned to a single start, a project has
    /// at most one, so this ends).
    private static func trim(_ scenario: inout Scenario, rng: inout SplitMix64) {
        while true {
            let columns = BruteForce.columns(of: scenario)
            guard columns.count > BruteForce.maxColumns else { return }
            let counts = scenario.projects.indices.map { p in columns.filter { $0.project == p }.count }
            let p = counts.indices.max { counts[$0] < counts[$1] }!
            let mine = columns.filter { $0.project == p }
            let starts = Array(Set(mine.map(\.start))).sorted()
            let funders = Array(Set(mine.map(\.funder))).sorted()
            if starts.count > 1 {
                let start = rng.pick(starts)
                scenario.projects[p].earliestStart = start
                scenario.projects[p].latestStart = start
            } else {
                scenario.projects[p].funder = scenario.funders[rng.pick(funders)].id
            }
        }
    }
}
