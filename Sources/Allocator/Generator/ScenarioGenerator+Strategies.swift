/// The provincial strategies of a synthetic scenario and which sectors serve which.
extension ScenarioGenerator {
    /// The strategies drawn for a scenario; their minimum shares are set once
    /// the projects are known (see `strategies(requested:projects:ratio:)`).
    struct StrategyPlan {
        /// "S1", "S2", ... in catalog order.
        let ids: [String]
        let names: [String]
        /// Each in 0...0.5, in steps of 0.05.
        let weights: [Double]
        /// Strategies that get a minimum share (water always, quality of life sometimes).
        let minShareStrategies: [Int]
        /// For each catalog sector, the strategy it mainly serves.
        let sectorStrategy: [Int]

        /// The finished strategies. A minimum-share strategy gets its share of
        /// the requested money plus 5 points, so that it binds (its weight is
        /// low, so the optimum would otherwise fund less of it), capped at 85%
        /// of what funding all its fundable projects could reach, so it can be met.
        func strategies(requested: [Double], projects: [Project], ratio: Double) -> [Strategy] {
            var linked = Array(repeating: 0.0, count: ids.count)
            var total = 0.0
            for (p, project) in projects.enumerated() where requested[p] > 0 {
                total += requested[p]
                for id in project.strategies {
                    if let s = ids.firstIndex(of: id) { linked[s] += requested[p] }
                }
            }
            return ids.indices.map { s in
                var minShare = 0.0
                if total > 0, minShareStrategies.contains(s) {
                    let share = linked[s] / total
                    let wanted = min(share + 0.05, 0.85 * share / ratio)
                    let percent = Int(wanted * 100)
                    minShare = percent >= 5 ? Double(percent) / 100 : 0
                }
                return Strategy(id: ids[s], name: names[s], weight: weights[s], minShare: minShare)
            }
        }
    }

    /// Draws 4 to 6 strategies from the catalog with their weights.
    func makeStrategies() -> StrategyPlan {
        var rng = random(.strategies)
        let count = rng.int(in: 4...6)
        let templates = SyntheticCatalog.strategies.prefix(count)
        var minShare = [0]
        if rng.chance(0.5) { minShare.append(3) }
        let weights = templates.map { template in
            let steps = minShare.contains(template.key) ? rng.int(in: 0...2) : rng.int(in: 2...10)
            return Double(steps) / 20
        }
        let sectorStrategy = SyntheticCatalog.sectors.map { sector in
            sector.strategyKeys.first { $0 < count } ?? 0
        }
        return StrategyPlan(
            ids: templates.map { "S\($0.key + 1)" },
            names: templates.map(\.name),
            weights: weights,
            minShareStrategies: minShare,
            sectorStrategy: sectorStrategy
        )
    }
}
