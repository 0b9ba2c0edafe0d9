/// The money of a decision, worked out from the scenario alone (no model):
/// what each funder uses per plan year, each funded project's cost at its
/// funder, and the totals per level and over all funders.
///
/// `ResultFigures` (result.json, the summary, the report) and the what-if
/// comparison both take their money figures from here, so a comparison made
/// from result files read back (`allocate whatif merge`) adds the same numbers
/// in the same order as the batch that solved them.
public struct DecisionMoney: Sendable {
    public typealias FunderUse = ResultFigures.FunderUse
    public typealias LevelTotals = ResultFigures.LevelTotals

    /// Per funder, in scenario order.
    public var funders: [FunderUse]
    /// Levels that have funders, in escalation order.
    public var levels: [LevelTotals]
    /// Cost at its funder (over all years, after `costAt`) of each funded project; nil when unfunded.
    public var projectCost: [Double?]
    public var fundedCount: Int
    public var fundedCost: Double
    /// Every funder's budget over all plan years.
    public var budget: Double

    /// A missing decision funds nothing (the budgets are still counted).
    ///
    /// - Complexity: O(projects × duration + funders × horizon).
    public init(scenario s: Scenario, decision: Decision?) {
        var funders = s.funders.map { _ in FunderUse(used: Array(repeating: 0, count: s.horizon), projects: 0) }
        var projectCost = [Double?](repeating: nil, count: s.projects.count)
        var fundedCount = 0
        var fundedCost = 0.0
        for (p, assignment) in (decision?.assignments ?? []).enumerated() {
            guard let a = assignment else { continue }
            let yearly = ModelBuilder.yearlyCost(of: s.projects[p], at: s.funders[a.funder])
            for (k, amount) in yearly.enumerated() where a.start - 1 + k < s.horizon {
                funders[a.funder].used[a.start - 1 + k] += amount
            }
            funders[a.funder].projects += 1
            let total = yearly.reduce(0, +)
            projectCost[p] = total
            fundedCount += 1
            fundedCost += total
        }
        self.funders = funders
        self.projectCost = projectCost
        self.fundedCount = fundedCount
        self.fundedCost = fundedCost
        budget = s.funders.reduce(0.0) { $0 + $1.budget.reduce(0, +) }
        levels = Level.allCases.compactMap { level in
            let members = s.funders.indices.filter { s.funders[$0].level == level }
            guard !members.isEmpty else { return nil }
            return LevelTotals(
                level: level,
                projects: members.reduce(0) { $0 + funders[$1].projects },
                cost: members.reduce(0) { $0 + funders[$1].usedTotal },
                budget: members.reduce(0) { $0 + s.funders[$1].budget.reduce(0, +) })
        }
    }
}
