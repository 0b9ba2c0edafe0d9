/// What a decision takes from each funder: money per plan year and the number
/// of projects, so that the room left for one more project can be read off.
struct FunderLoad: Sendable {
    let horizon: Int
    /// Projects funded by each funder.
    var count: [Int]
    /// Money used by funder `f` in plan year `y` (0-based) at `f * horizon + y`.
    var used: [Double]

    /// The load of `decision` (nothing when nil).
    ///
    /// - Complexity: O(funded projects × duration).
    init(scenario s: Scenario, decision: Decision?) {
        horizon = s.horizon
        count = Array(repeating: 0, count: s.funders.count)
        used = Array(repeating: 0, count: s.funders.count * s.horizon)
        for (p, assignment) in (decision?.assignments ?? []).enumerated() {
            guard let a = assignment else { continue }
            count[a.funder] += 1
            let yearly = ModelBuilder.yearlyCost(of: s.projects[p], at: s.funders[a.funder])
            for (k, amount) in yearly.enumerated() where a.start - 1 + k < s.horizon {
                used[a.funder * s.horizon + a.start - 1 + k] += amount
            }
        }
    }

    /// Money funder `f` has left in plan year `year` (1-based); negative only by rounding.
    func left(_ f: Int, year: Int, in s: Scenario) -> Double {
        s.funders[f].budget[year - 1] - used[f * horizon + year - 1]
    }

    /// Whether funder `f` funds as many projects as its `maxProjects` allows.
    func isAtCapacity(_ f: Int, in s: Scenario) -> Bool {
        s.funders[f].maxProjects.map { count[f] >= $0 } ?? false
    }

    /// The largest shortfall, over the plan years it spans, of a project costing
    /// `yearly` at funder `f` and starting in plan year `start`: how much money
    /// is missing for it to fit beside the decision (0 when it fits).
    /// Amounts within the model's feasibility tolerance of the budget count as fitting.
    func shortfall(_ yearly: [Double], at f: Int, start: Int, in s: Scenario) -> (year: Int, amount: Double) {
        var worst = (year: start, amount: 0.0)
        for (k, amount) in yearly.enumerated() {
            let year = start + k
            let budget = s.funders[f].budget[year - 1]
            let missing = used[f * horizon + year - 1] + amount - budget
            if missing > LinearModel.feasibilityTolerance * max(1, budget), missing > worst.amount {
                worst = (year, missing)
            }
        }
        return worst
    }

    /// Whether choice `c` would still fit its funder's budget and project limit.
    func hasRoom(for c: Choice, in s: Scenario) -> Bool {
        !isAtCapacity(c.funder, in: s) && shortfall(c.yearlyCost, at: c.funder, start: c.start, in: s).amount == 0
    }
}
