/// Figures derived from a decision that both result.json and the terminal
/// summary show: money used per funder and year, per level, per strategy,
/// and the reason each unfunded project was left out.
public struct ResultFigures: Sendable {
    public struct FunderUse: Sendable {
        public var used: [Double]
        public var projects: Int
        public var usedTotal: Double { used.reduce(0, +) }
    }

    public struct LevelTotals: Sendable {
        public var level: Level
        public var projects: Int
        public var cost: Double
        public var budget: Double
    }

    public struct StrategyShare: Sendable {
        public var id: String
        public var fundedCost: Double
        /// fundedCost / all money allocated (0 when nothing is allocated).
        public var share: Double
    }

    /// Per funder, in scenario order.
    public var funders: [FunderUse]
    /// Levels that have funders, in escalation order.
    public var levels: [LevelTotals]
    public var strategies: [StrategyShare]
    /// Cost at its funder (over all years) of each funded project; nil when unfunded.
    public var projectCost: [Double?]
    public var reasons: [UnfundedReason?]
    /// Each unfunded project's reason with the facts behind it (per-funder standings and more); nil for funded ones.
    public var details: [UnfundedDetail?]
    public var fundedCount: Int
    public var fundedCost: Double

    public init(model: AllocationModel, decision: Decision?) {
        let s = model.scenario
        var funders = s.funders.map { _ in FunderUse(used: Array(repeating: 0, count: s.horizon), projects: 0) }
        var projectCost = [Double?](repeating: nil, count: s.projects.count)
        var strategyCost = [Double](repeating: 0, count: s.strategies.count)
        var fundedCount = 0
        var fundedCost = 0.0
        for (p, assignment) in (decision?.assignments ?? []).enumerated() {
            guard let a = assignment else { continue }
            let project = s.projects[p]
            let yearly = ModelBuilder.yearlyCost(of: project, at: s.funders[a.funder])
            for (k, amount) in yearly.enumerated() where a.start - 1 + k < s.horizon {
                funders[a.funder].used[a.start - 1 + k] += amount
            }
            funders[a.funder].projects += 1
            let total = yearly.reduce(0, +)
            projectCost[p] = total
            fundedCount += 1
            fundedCost += total
            var seen = Set<Int>()
            for id in project.strategies {
                if let k = model.index.strategyIndex[id], seen.insert(k).inserted { strategyCost[k] += total }
            }
        }
        self.funders = funders
        self.projectCost = projectCost
        self.fundedCount = fundedCount
        self.fundedCost = fundedCost
        strategies = s.strategies.enumerated().map { k, strategy in
            StrategyShare(
                id: strategy.id, fundedCost: strategyCost[k],
                share: fundedCost > 0 ? strategyCost[k] / fundedCost : 0)
        }
        levels = Level.allCases.compactMap { level in
            let members = s.funders.indices.filter { s.funders[$0].level == level }
            guard !members.isEmpty else { return nil }
            return LevelTotals(
                level: level,
                projects: members.reduce(0) { $0 + funders[$1].projects },
                cost: members.reduce(0) { $0 + funders[$1].usedTotal },
                budget: members.reduce(0) { $0 + s.funders[$1].budget.reduce(0, +) })
        }
        details = UnfundedDetail.all(model: model, decision: decision)
        reasons = details.map { $0?.reason }
    }
}
