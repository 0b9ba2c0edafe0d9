/// A strategy's minimum share seen from one unfunded project: funding the
/// project raises all money allocated, so a strategy it does not serve needs
/// that much more money of its own to keep its `minShare`.
public struct ShareLimit: Sendable, Equatable {
    /// Index into `Scenario.strategies`.
    public var strategy: Int
    /// The strategy's share of all money allocated in the decision, and its minimum.
    public var share: Double
    public var minShare: Double
    /// Money the decision gives the strategy beyond what its minimum needs.
    public var slack: Double
    /// What funding the project (at its cheapest eligible funder) adds to the strategy's need.
    public var needed: Double

    public init(strategy: Int, share: Double, minShare: Double, slack: Double, needed: Double) {
        self.strategy = strategy
        self.share = share
        self.minShare = minShare
        self.slack = slack
        self.needed = needed
    }

    /// Whether funding the project alone would break the minimum: other projects
    /// serving the strategy would have to be funded too.
    public var binds: Bool { needed > slack }

    /// The money projects serving the strategy would need on top of the decision's
    /// for the project to be funded with the minimum kept: `(needed − slack) / (1 − minShare)`,
    /// since that money counts in the total too; 0 when the minimum does not bind.
    public var extraForStrategy: Double {
        guard binds else { return 0 }
        return minShare < 1 ? (needed - slack) / (1 - minShare) : .infinity
    }

    /// For each strategy with a `minShare` that project `p` does not serve, in scenario order.
    static func all(for p: Int, model: AllocationModel, decision: Decision) -> [ShareLimit] {
        let s = model.scenario
        let project = s.projects[p]
        let costs = model.choices(ofProject: p).map { model.choices[$0].totalCost }
        guard let cost = costs.min() else { return [] }
        let figures = ResultFigures(model: model, decision: decision)
        return s.strategies.enumerated().compactMap { k, strategy in
            guard strategy.minShare > 0, !project.strategies.contains(strategy.id) else { return nil }
            let served = figures.strategies[k].fundedCost
            return ShareLimit(
                strategy: k, share: figures.strategies[k].share, minShare: strategy.minShare,
                slack: served - strategy.minShare * figures.fundedCost, needed: strategy.minShare * cost)
        }
    }
}
