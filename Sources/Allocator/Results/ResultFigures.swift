/// Figures derived from a decision that both result.json and the terminal
/// summary show: money used per funder and year, per level, per strategy,
/// and the reason each unfunded project was left out. The money comes from
/// `DecisionMoney`, which needs no model.
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
        let money = DecisionMoney(scenario: s, decision: decision)
        funders = money.funders
        projectCost = money.projectCost
        fundedCount = money.fundedCount
        fundedCost = money.fundedCost
        levels = money.levels
        var strategyCost = [Double](repeating: 0, count: s.strategies.count)
        for (p, cost) in money.projectCost.enumerated() {
            guard let total = cost else { continue }
            var seen = Set<Int>()
            for id in s.projects[p].strategies {
                if let k = model.index.strategyIndex[id], seen.insert(k).inserted { strategyCost[k] += total }
            }
        }
        let fundedCost = money.fundedCost
        strategies = s.strategies.enumerated().map { k, strategy in
            StrategyShare(
                id: strategy.id, fundedCost: strategyCost[k],
                share: fundedCost > 0 ? strategyCost[k] / fundedCost : 0)
        }
        details = UnfundedDetail.all(model: model, decision: decision)
        reasons = details.map { $0?.reason }
    }
}
