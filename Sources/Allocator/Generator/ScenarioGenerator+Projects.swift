/// The synthetic project proposals: what each village's forums ask for.
extension ScenarioGenerator {
    /// Where a project sits in the area tree: indices into `AreaTree`'s arrays,
    /// -1 for the levels below the project's own area (a district plan project
    /// has no tambon or village).
    struct Place {
        let province: Int
        let district: Int
        let tambon: Int
        let village: Int
    }

    /// The projects with their places, in the same order.
    struct DrawnProjects {
        var projects: [Project] = []
        var places: [Place] = []
    }

    /// Which plan a proposal belongs to, hence its area and cost scale.
    enum Plan {
        case village, lao, district, province
    }

    /// The plans, in the order of `planShares`.
    static let plans: [Plan] = [.village, .lao, .district, .province]
    /// Shares of the plans among the proposals raised in a village.
    static let planShares: [Double] = [0.80, 0.12, 0.06, 0.02]
    /// Share of village plan proposals the community solves itself (about 30% of all projects).
    static let selfReliantShare = 0.37
    /// Chance that a village proposal is duplicated in the LAO plan (and sometimes
    /// the district plan): about 5% of all projects end up in overlap groups.
    static let duplicateChance = 0.065
    /// Chance that a support-needing project requires an earlier one of its tambon (about 2% of projects).
    static let requiresChance = 0.04
    /// Chance that a cheap support-needing project is mandatory (about 1% of projects).
    static let mandatoryChance = 0.04
    /// Mandatory projects cost at most this, well under every LAO's `maxProjectCost`.
    static let mandatoryCostLimit = 500_000.0

    /// Draws every village's proposals, in tree order.
    ///
    /// - Complexity: O(projects).
    func makeProjects(tree: AreaTree, strategies: StrategyPlan, ministries: [SyntheticCatalog.Ministry]) -> DrawnProjects {
        var rng = random(.projects)
        var drawn = DrawnProjects()
        drawn.projects.reserveCapacity(projects)
        drawn.places.reserveCapacity(projects)
        let idWidth = max(5, String(projects).count)
        let sectorShares = SyntheticCatalog.sectors.map(\.share)
        let hasRID = ministries.contains { $0.code == "RID" }
        var groups = 0

        for (t, tambon) in tree.tambons.enumerated() {
            let district = tree.districts[tambon.district]
            let province = tree.provinces[district.province]
            let tambonStart = drawn.projects.count
            for v in tambon.villages {
                let village = tree.villages[v]
                var remaining = village.projectQuota
                while remaining > 0 {
                    let kind = Self.plans[rng.index(weights: Self.planShares)]
                    let place: Place
                    let areaId: String
                    switch kind {
                    case .village:
                        place = Place(province: district.province, district: tambon.district, tambon: t, village: v)
                        areaId = village.id
                    case .lao:
                        place = Place(province: district.province, district: tambon.district, tambon: t, village: -1)
                        areaId = tambon.id
                    case .district:
                        place = Place(province: district.province, district: tambon.district, tambon: -1, village: -1)
                        areaId = district.id
                    case .province:
                        place = Place(province: district.province, district: -1, tambon: -1, village: -1)
                        areaId = province.id
                    }
                    let selfReliant = kind == .village && rng.chance(Self.selfReliantShare)
                    let sectorIndex = rng.index(weights: sectorShares)
                    let sector = SyntheticCatalog.sectors[sectorIndex]
                    let cost = Self.drawCost(plan: kind, selfReliant: selfReliant,
                                             factor: sector.costFactor, using: &rng)
                    var project = Project(
                        id: "P-" + Self.padded(drawn.projects.count + 1, width: idWidth),
                        name: rng.pick(sector.titles) + " " + village.name,
                        area: areaId,
                        cost: .total(cost),
                        priority: Double(rng.int(in: 1...10)),
                        sector: sector.id,
                        selfReliant: selfReliant
                    )
                    project.strategies = Self.drawStrategies(
                        main: strategies.sectorStrategy[sectorIndex], count: strategies.ids.count,
                        selfReliant: selfReliant, using: &rng
                    ).map { strategies.ids[$0] }

                    // Duplicate proposals: the same need in the village plan and the
                    // LAO plan (and sometimes the district plan), similar cost.
                    let groupSize = remaining >= 3 && rng.chance(0.25) ? 3 : 2
                    if kind == .village, !selfReliant, !project.strategies.isEmpty, remaining >= groupSize,
                       rng.chance(Self.duplicateChance)
                    {
                        groups += 1
                        let group = "OV-" + Self.padded(groups, width: max(4, idWidth - 1))
                        project.overlaps = [group]
                        append(project, place, to: &drawn, rng: &rng)
                        var copy = project
                        copy.id = "P-" + Self.padded(drawn.projects.count + 1, width: idWidth)
                        copy.area = tambon.id
                        copy.cost = .total(Self.thousands(cost * rng.double(in: 0.9...1.1)))
                        copy.priority = min(10, max(1, project.priority + Double(rng.int(in: -1...1))))
                        append(copy, Place(province: place.province, district: place.district, tambon: t, village: -1),
                               to: &drawn, rng: &rng)
                        if groupSize == 3 {
                            copy.id = "P-" + Self.padded(drawn.projects.count + 1, width: idWidth)
                            copy.area = district.id
                            copy.cost = .total(Self.thousands(cost * rng.double(in: 0.95...1.2)))
                            append(copy, Place(province: place.province, district: place.district, tambon: -1, village: -1),
                                   to: &drawn, rng: &rng)
                        }
                        remaining -= groupSize
                        continue
                    }

                    if !selfReliant, !project.strategies.isEmpty, kind != .district, kind != .province,
                       drawn.projects.count > tambonStart, rng.chance(Self.requiresChance)
                    {
                        let q = tambonStart + rng.int(below: drawn.projects.count - tambonStart)
                        if drawn.places[q].tambon == t { project.requires = [drawn.projects[q].id] }
                    }
                    if !selfReliant, !project.strategies.isEmpty, kind == .village || kind == .lao,
                       project.requires.isEmpty, cost <= Self.mandatoryCostLimit, rng.chance(Self.mandatoryChance)
                    {
                        project.mandatory = true
                    }
                    Self.drawOverrides(&project, plan: kind, sector: sector.id, hasRID: hasRID, using: &rng)
                    append(project, place, to: &drawn, rng: &rng)
                    remaining -= 1
                }
            }
        }
        return drawn
    }

    /// Adds the project, first drawing its timing when the horizon is longer than a year.
    private func append(_ project: Project, _ place: Place, to drawn: inout DrawnProjects, rng: inout SeededRandom) {
        var project = project
        if horizon > 1, !project.mandatory {
            drawTiming(&project, using: &rng)
        }
        drawn.projects.append(project)
        drawn.places.append(place)
    }

    /// A log-normal cost for the plan's scale, in whole thousands of baht:
    /// self-reliant 20k-300k, village and LAO plans 100k-3M (sometimes up to 10M),
    /// district plans 0.5M-15M, provincial plans 2M-50M.
    static func drawCost(plan: Plan, selfReliant: Bool, factor: Double, using rng: inout SeededRandom) -> Double {
        let amount: Double
        switch plan {
        case .village where selfReliant:
            amount = rng.logNormal(median: 60_000 * factor, sigma: 0.6, in: 20_000...300_000)
        case .village:
            amount = rng.chance(0.12)
                ? rng.logNormal(median: 2_500_000 * factor, sigma: 0.6, in: 1_000_000...10_000_000)
                : rng.logNormal(median: 450_000 * factor, sigma: 0.8, in: 100_000...3_000_000)
        case .lao:
            amount = rng.logNormal(median: 900_000 * factor, sigma: 0.8, in: 100_000...5_000_000)
        case .district:
            amount = rng.logNormal(median: 3_000_000 * factor, sigma: 0.7, in: 500_000...15_000_000)
        case .province:
            amount = rng.logNormal(median: 10_000_000 * factor, sigma: 0.8, in: 2_000_000...50_000_000)
        }
        return thousands(amount)
    }

    /// Strategy indices: support-needing projects mostly serve their sector's
    /// strategy, a third also a second one, 10% none (not consistent with the
    /// provincial plan); self-reliant ones serve their sector's strategy half the time.
    static func drawStrategies(main: Int, count: Int, selfReliant: Bool, using rng: inout SeededRandom) -> [Int] {
        if selfReliant { return rng.chance(0.5) ? [main] : [] }
        if rng.chance(0.10) { return [] }
        if rng.chance(0.35) {
            let other = (main + 1 + rng.int(below: count - 1)) % count
            return [main, other]
        }
        return [main]
    }

    /// `levels` and `costAt` overrides on a few projects:
    /// * a village proposal the community could build with its own labour at
    ///   60-85% of the cost (`levels` community and up, `costAt` community);
    ///   40% of the strategy-less village proposals get this, which makes them
    ///   fundable by the community only;
    /// * a water project the Royal Irrigation Department builds for 85-95%;
    /// * an LAO plan project that only the LAO or the district may take.
    static func drawOverrides(_ project: inout Project, plan: Plan, sector: String, hasRID: Bool,
                              using rng: inout SeededRandom)
    {
        guard !project.selfReliant, !project.mandatory else { return }
        let cost = project.cost.total
        switch plan {
        case .village:
            let communityChance = project.strategies.isEmpty ? 0.4 : 0.03
            if rng.chance(communityChance) {
                project.levels = project.strategies.isEmpty ? [.community, .lao] : [.community, .lao, .district]
                project.costAt = [.init(key: Level.community.name,
                                        value: .total(thousands(cost * rng.double(in: 0.6...0.85))))]
            } else if sector == "water", hasRID, rng.chance(0.03) {
                project.costAt = [.init(key: "MIN-RID", value: .total(thousands(cost * rng.double(in: 0.85...0.95))))]
            }
        case .lao:
            if rng.chance(0.02) { project.levels = [.lao, .district] }
        case .district, .province:
            break
        }
    }

    /// Duration 1-3 years (70/20/10%), half of the longer ones with an uneven
    /// per-year cost, and some start windows (15% start later, 10% must start early).
    func drawTiming(_ project: inout Project, using rng: inout SeededRandom) {
        let u = rng.unit()
        let duration = min(horizon, u < 0.7 ? 1 : u < 0.9 ? 2 : 3)
        project.duration = duration
        if duration > 1, rng.chance(0.5) {
            // Whole thousands each year; the last year takes the rounding, so the total is kept.
            let total = project.cost.total
            let weights = (0..<duration).map { _ in rng.double(in: 0.6...1.4) }
            let sum = weights.reduce(0, +)
            var years = weights.dropLast().map { Self.thousands(total * $0 / sum) }
            years.append(max(1000, total - years.reduce(0, +)))
            project.cost = .perYear(years)
        }
        let lastStart = horizon - duration + 1
        if lastStart >= 2, rng.chance(0.15) {
            project.earliestStart = rng.int(in: 2...lastStart)
        }
        if project.requires.isEmpty, rng.chance(0.10) {
            project.latestStart = min(lastStart, project.earliestStart + rng.int(in: 0...1))
        }
    }
}
