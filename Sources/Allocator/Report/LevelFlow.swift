/// The bottom-up flow of one level in the linked plans: how many requests
/// reached its bodies, how many it funds, how many it forwards upward, and
/// how many stay unfunded, with the money of the funded ones.
///
/// Computed from `LinkedPlans` (docs/plans.md), counting each project once per
/// level although it may reach several bodies of the level (a tambon LAO and
/// the provincial administrative organisation, say):
/// * `requests`: projects that reach at least one body of the level;
/// * `funds`: projects a body of the level funds; money: their cost at it;
/// * `forwarded`: projects that reach the level and a body of a higher level
///   funds (outcome `forwarded`); money: their cost at that funder;
/// * `unfunded`: projects that reach the level and nobody funds.
public struct LevelFlow: Sendable, Equatable {
    public var level: Level
    public var requests: Int
    public var funds: Int
    public var fundsMoney: Double
    public var forwarded: Int
    public var forwardedMoney: Double
    public var unfunded: Int

    public init(level: Level, requests: Int, funds: Int, fundsMoney: Double, forwarded: Int, forwardedMoney: Double, unfunded: Int) {
        self.level = level
        self.requests = requests
        self.funds = funds
        self.fundsMoney = fundsMoney
        self.forwarded = forwarded
        self.forwardedMoney = forwardedMoney
        self.unfunded = unfunded
    }

    /// One flow per level that has funders, in escalation order.
    ///
    /// - Complexity: O(requests in all plans).
    public static func all(_ linked: LinkedPlans) -> [LevelFlow] {
        let s = linked.scenario
        var flows: [LevelFlow] = []
        for level in Level.allCases {
            let plans = linked.plans.filter { s.funders[$0.funder].level == level }
            guard !plans.isEmpty else { continue }
            var flow = LevelFlow(level: level, requests: 0, funds: 0, fundsMoney: 0, forwarded: 0, forwardedMoney: 0, unfunded: 0)
            var seen = Set<Int>()
            for plan in plans {
                for request in plan.requests where seen.insert(request.project).inserted {
                    flow.requests += 1
                    guard let funder = request.funder(body: plan.funder) else {
                        flow.unfunded += 1
                        continue
                    }
                    if s.funders[funder].level == level {
                        flow.funds += 1
                        flow.fundsMoney += request.cost
                    } else {
                        flow.forwarded += 1
                        flow.forwardedMoney += request.cost
                    }
                }
            }
            flows.append(flow)
        }
        return flows
    }
}
