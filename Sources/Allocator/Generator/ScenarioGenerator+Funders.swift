/// The synthetic funders and their budgets, sized so that budgets bind.
extension ScenarioGenerator {
    /// The funders, and what the budgets were sized against.
    struct Funding {
        var funders: [Funder]
        /// Per project: its cost (over all years) at the lowest level able to
        /// fund it; 0 when no funder may fund it at all.
        var requested: [Double]
        /// Total budget over the horizon / total requested by fundable projects.
        var ratio: Double
    }

    // Each level's budget is a fraction of its "home" demand: the money asked
    // by projects for which it is the lowest level able to fund them. Districts
    // and provinces also help with part of the lower levels' demand (needs
    // forwarded upward, as the guideline describes); the ministries get what
    // is left of `ratio` times the whole demand, at least 15% of it.

    /// Community budget / its home demand (self-reliant needs, and those it may build cheaper).
    static let communityShare = 0.70
    /// LAO budget / its home demand.
    static let laoShare = 0.45
    /// District budget / its home demand ...
    static let districtShare = 0.35
    /// ... plus this fraction of its LAOs' home demand.
    static let districtHelp = 0.05
    /// Province budget / its home demand ...
    static let provinceShare = 0.30
    /// ... plus this fraction of its districts' and LAOs' home demand.
    static let provinceHelp = 0.03
    /// Smallest part of the total budget left to the ministries (local budgets are scaled down if needed).
    static let ministryMinimum = 0.15
    /// Largest project a provincial budget takes on.
    static let provinceMaxProjectCost = 30_000_000.0

    /// The nationwide ministries: the first five of the catalog and up to three more, in catalog order.
    func chooseMinistries() -> [SyntheticCatalog.Ministry] {
        var rng = random(.ministries)
        let all = SyntheticCatalog.ministries
        var optional = Array(5..<all.count)
        let extra = rng.int(in: 0...3)
        for i in 0..<extra {
            optional.swapAt(i, i + rng.int(below: optional.count - i))
        }
        let chosen = optional.prefix(extra)
        return all.indices.filter { $0 < 5 || chosen.contains($0) }.map { all[$0] }
    }

    /// Builds every funder, community to ministry, with budgets scaled so that
    /// the total over the horizon is about 57-64% of the money requested by
    /// fundable projects, each level short of its own demand.
    ///
    /// - Complexity: O(projects x ministries).
    func makeFunders(tree: AreaTree, ministries: [SyntheticCatalog.Ministry], drawn: DrawnProjects) -> Funding {
        var rng = random(.funders)
        let ratio = rng.double(in: 0.57...0.64)
        let laoMax = tree.tambons.map { tambon in
            tambon.isMunicipality ? 5_000_000.0 : rng.pick([2_000_000.0, 2_500_000, 3_000_000])
        }
        let districtMax = tree.districts.map { _ in rng.pick([10_000_000.0, 15_000_000, 20_000_000]) }
        let ministryIds = ministries.map { "MIN-" + $0.code }

        // Home demand: each fundable project's cost at the lowest level that may fund it.
        var community = Array(repeating: 0.0, count: tree.villages.count)
        var lao = Array(repeating: 0.0, count: tree.tambons.count)
        var laoCount = Array(repeating: 0, count: tree.tambons.count)
        var mandatoryCost = Array(repeating: 0.0, count: tree.tambons.count)
        var mandatoryCount = Array(repeating: 0, count: tree.tambons.count)
        var district = Array(repeating: 0.0, count: tree.districts.count)
        var province = Array(repeating: 0.0, count: tree.provinces.count)
        var ministryEligible = Array(repeating: 0.0, count: ministries.count)
        var requested = Array(repeating: 0.0, count: drawn.projects.count)

        for (p, project) in drawn.projects.enumerated() {
            let place = drawn.places[p]
            let linked = !project.strategies.isEmpty
            func cost(_ funderId: @autoclosure () -> String, _ level: Level) -> Double {
                Self.cost(of: project, at: funderId(), level: level)
            }
            if linked, let sector = project.sector, project.allowedLevels.contains(.ministry) {
                for (m, ministry) in ministries.enumerated() where ministry.sectors.contains(sector) {
                    let c = cost(ministryIds[m], .ministry)
                    if c <= ministry.maxProjectCost ?? .infinity { ministryEligible[m] += c }
                }
            }
            if project.mandatory, place.tambon >= 0 {
                mandatoryCost[place.tambon] += project.cost.total
                mandatoryCount[place.tambon] += 1
            }
            levels: for level in project.allowedLevels.sorted() {
                switch level {
                case .community:
                    guard place.village >= 0 else { continue }
                    let c = cost("COM-" + tree.villages[place.village].id, .community)
                    community[place.village] += c
                    requested[p] = c
                case .lao:
                    guard linked, place.tambon >= 0 else { continue }
                    let c = cost("LAO-" + tree.tambons[place.tambon].id, .lao)
                    guard c <= laoMax[place.tambon] else { continue }
                    lao[place.tambon] += c
                    laoCount[place.tambon] += 1
                    requested[p] = c
                case .district:
                    guard linked, place.district >= 0 else { continue }
                    let c = cost("DIS-" + tree.districts[place.district].id, .district)
                    guard c <= districtMax[place.district] else { continue }
                    district[place.district] += c
                    requested[p] = c
                case .province:
                    guard linked else { continue }
                    let c = cost("PRV-" + tree.provinces[place.province].id, .province)
                    guard c <= Self.provinceMaxProjectCost else { continue }
                    province[place.province] += c
                    requested[p] = c
                case .ministry:
                    guard linked, let sector = project.sector else { continue }
                    for (m, ministry) in ministries.enumerated() where ministry.sectors.contains(sector) {
                        let c = cost(ministryIds[m], .ministry)
                        if c <= ministry.maxProjectCost ?? .infinity {
                            requested[p] = c
                            break
                        }
                    }
                    if requested[p] == 0 { continue }
                }
                break levels
            }
        }

        // Budgets over the whole horizon, level by level.
        var communityBudget = community.map { Self.communityShare * $0 }
        var laoBudget = lao.map { Self.laoShare * $0 }
        var districtBudget = tree.districts.indices.map { d in
            Self.districtShare * district[d]
                + Self.districtHelp * tree.districts[d].tambons.reduce(0) { $0 + lao[$1] }
        }
        var provinceBudget = tree.provinces.indices.map { p in
            var lower = 0.0
            for d in tree.provinces[p].districts {
                lower += district[d] + tree.districts[d].tambons.reduce(0) { $0 + lao[$1] }
            }
            return Self.provinceShare * province[p] + Self.provinceHelp * lower
        }
        let target = ratio * requested.reduce(0, +)
        let local = communityBudget.reduce(0, +) + laoBudget.reduce(0, +)
            + districtBudget.reduce(0, +) + provinceBudget.reduce(0, +)
        if local > (1 - Self.ministryMinimum) * target {
            let scale = (1 - Self.ministryMinimum) * target / local
            for i in communityBudget.indices { communityBudget[i] *= scale }
            for i in laoBudget.indices { laoBudget[i] *= scale }
            for i in districtBudget.indices { districtBudget[i] *= scale }
            for i in provinceBudget.indices { provinceBudget[i] *= scale }
        }
        let ministryTotal = max(0, target - communityBudget.reduce(0, +) - laoBudget.reduce(0, +)
            - districtBudget.reduce(0, +) - provinceBudget.reduce(0, +))
        let eligibleTotal = ministryEligible.reduce(0, +)

        var funders: [Funder] = []
        funders.reserveCapacity(tree.villages.count + tree.tambons.count + tree.districts.count
            + tree.provinces.count + ministries.count)
        for (v, village) in tree.villages.enumerated() {
            funders.append(Funder(
                id: "COM-" + village.id, name: "ชุมชน" + village.name, level: .community, area: village.id,
                budget: years(communityBudget[v], using: &rng)))
        }
        for (t, tambon) in tree.tambons.enumerated() {
            // Mandatory projects surely fit: every year holds all of them one and a half times over.
            let floor = Self.thousandsAbove(1.5 * mandatoryCost[t])
            let budget = years(laoBudget[t], using: &rng).map { max($0, floor) }
            let capacity = max(2, Int((0.6 * Double(laoCount[t])).rounded(.up))) + mandatoryCount[t]
            funders.append(Funder(
                id: "LAO-" + tambon.id, name: (tambon.isMunicipality ? "ทต." : "อบต.") + tambon.name,
                level: .lao, area: tambon.id, budget: budget,
                maxProjects: capacity, maxProjectCost: laoMax[t]))
        }
        for (d, node) in tree.districts.enumerated() {
            funders.append(Funder(
                id: "DIS-" + node.id, name: "อำเภอ" + node.name, level: .district, area: node.id,
                budget: years(districtBudget[d], using: &rng), maxProjectCost: districtMax[d]))
        }
        for (p, node) in tree.provinces.enumerated() {
            funders.append(Funder(
                id: "PRV-" + node.id, name: "จังหวัด" + node.name, level: .province, area: node.id,
                budget: years(provinceBudget[p], using: &rng), maxProjectCost: Self.provinceMaxProjectCost))
        }
        for (m, ministry) in ministries.enumerated() {
            let share = eligibleTotal > 0 ? ministryEligible[m] / eligibleTotal : 1 / Double(ministries.count)
            funders.append(Funder(
                id: ministryIds[m], name: ministry.name, level: .ministry,
                budget: years(ministryTotal * share, using: &rng),
                maxProjectCost: ministry.maxProjectCost, sectors: ministry.sectors))
        }
        return Funding(funders: funders, requested: requested, ratio: ratio)
    }

    /// A budget over the horizon split into plan years, each within 5% of an
    /// even share, in whole thousands of baht.
    func years(_ total: Double, using rng: inout SeededRandom) -> [Double] {
        guard horizon > 1 else { return [Self.wholeThousands(total)] }
        let even = total / Double(horizon)
        return (0..<horizon).map { _ in Self.wholeThousands(even * rng.double(in: 0.95...1.05)) }
    }

    /// The project's total cost at a funder: `costAt` by funder id wins over `costAt` by level.
    static func cost(of project: Project, at funderId: @autoclosure () -> String, level: Level) -> Double {
        if project.costAt.isEmpty { return project.cost.total }
        let id = funderId()
        if let byId = project.costAt.first(where: { $0.key == id }) { return byId.value.total }
        if let byLevel = project.costAt.first(where: { $0.key == level.name }) { return byLevel.value.total }
        return project.cost.total
    }

    /// `amount` rounded to whole thousands of baht (0 stays 0).
    static func wholeThousands(_ amount: Double) -> Double {
        (amount / 1000).rounded() * 1000
    }

    /// The smallest whole thousand at or above `amount`.
    static func thousandsAbove(_ amount: Double) -> Double {
        (amount / 1000).rounded(.up) * 1000
    }
}
