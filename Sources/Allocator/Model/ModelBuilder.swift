/// Builds the spec's binary program from a validated scenario.
///
/// Columns: one per eligible (project, funder, start year) that fits the
/// funder's budget and capacity on its own. Rows, in this order:
/// each project at most once (exactly once if mandatory); each overlap group at
/// most one project; each funder and plan year within budget; each funder within
/// `maxProjects`; each `requires` edge; each strategy's minimum share.
public enum ModelBuilder {
    /// - Complexity: O(choices × duration + projects × area depth + rows).
    public static func build(_ scenario: Scenario) -> AllocationModel {
        let index = ScenarioIndex(scenario)
        let (choices, choiceStart, leftOut) = makeChoices(scenario, index: index)
        var linear = LinearModel()
        for c in choices {
            let name = "x[\(scenario.projects[c.project].id),\(scenario.funders[c.funder].id),\(c.start)]"
            _ = linear.addColumn(objective: c.value, name: name)
        }
        let all = RowsBuilder(scenario: scenario, index: index, choices: choices, choiceStart: choiceStart)
        let families = all.addRows(to: &linear)
        return AllocationModel(
            scenario: scenario, index: index, choices: choices, choiceStart: choiceStart, linear: linear,
            rowFamilies: families, leftOutCost: leftOut)
    }

    /// The plan years in which project `p` may start.
    public static func startYears(of p: Project, horizon: Int) -> [Int] {
        let last = min(p.latestStart ?? horizon, horizon - p.duration + 1)
        guard p.earliestStart <= last else { return [] }
        return Array(p.earliestStart ... last)
    }

    /// Cost per year of `p` at funder `f`: `costAt` by funder id, else by level, else `cost`.
    public static func yearlyCost(of p: Project, at f: Funder) -> [Double] {
        let override = p.costAt.first(where: { $0.key == f.id })
            ?? p.costAt.first(where: { $0.key == f.level.name })
        switch override?.value {
        case .total(let total)?: return p.cost.scaled(toTotal: total, duration: p.duration)
        case .perYear(let amounts)?: return amounts
        case nil: return p.cost.yearly(duration: p.duration)
        }
    }

    /// `v(p, f)`: `valueAt` by funder id, else by level, else priority × (1 + strategy weights).
    public static func baseValue(of p: Project, at f: Funder, strategyWeight: [String: Double]) -> Double {
        if let v = p.valueAt.first(where: { $0.key == f.id }) ?? p.valueAt.first(where: { $0.key == f.level.name }) {
            return v.value
        }
        var seen = Set<String>()
        var weights = 0.0
        for s in p.strategies where seen.insert(s).inserted {
            weights += strategyWeight[s] ?? 0
        }
        return p.priority * (1 + weights)
    }

    /// How many levels `f` stands above the lowest level rule 2 allows for `p`.
    public static func escalationSteps(of p: Project, at f: Funder) -> Int {
        let lowest = p.allowedLevels.min() ?? f.level
        return max(0, f.level.rawValue - lowest.rawValue)
    }

    /// The choices and their start by project, and `AllocationModel.leftOutCost`.
    static func makeChoices(_ s: Scenario, index: ScenarioIndex) -> ([Choice], [Int], [Double]) {
        var weight: [String: Double] = [:]
        for strategy in s.strategies { weight[strategy.id] = strategy.weight }
        var choices: [Choice] = []
        choices.reserveCapacity(s.projects.count * 3)
        var choiceStart = [0]
        var leftOut = [Double](repeating: .infinity, count: s.funders.count * s.horizon)
        choiceStart.reserveCapacity(s.projects.count + 1)
        let keep = 1 - s.policy.escalationPenalty
        let delay = 1 - s.policy.delayDiscount
        for (p, project) in s.projects.enumerated() {
            let starts = startYears(of: project, horizon: s.horizon)
            if !starts.isEmpty, let area = index.areaIndex[project.area] {
                for f in index.fundersServing(area: area) {
                    let funder = s.funders[f]
                    let yearly = yearlyCost(of: project, at: funder)
                    let total = yearly.reduce(0, +)
                    guard Eligibility.check(
                        project: project, funder: funder, servesArea: true, totalCost: total, policy: s.policy
                    ) == .eligible else { continue }
                    let base = baseValue(of: project, at: funder, strategyWeight: weight)
                    let escalated = base * pow(keep, escalationSteps(of: project, at: funder))
                    if funder.maxProjects == 0 { continue }
                    for t in starts {
                        guard fitsBudget(yearly, from: t, budget: funder.budget) else {
                            for (k, amount) in yearly.enumerated() where amount > 0 && t - 1 + k < s.horizon {
                                let i = f * s.horizon + t - 1 + k
                                leftOut[i] = min(leftOut[i], amount)
                            }
                            continue
                        }
                        choices.append(Choice(
                            project: p, funder: f, start: t,
                            value: escalated * pow(delay, t - 1), yearlyCost: yearly))
                    }
                }
            }
            choiceStart.append(choices.count)
        }
        return (choices, choiceStart, leftOut)
    }
}

/// Whether a cost profile starting in year `t` fits within the funder's whole
/// budget of every year it spans. A choice that does not can never be taken;
/// left in the model it only weakens the LP relaxation, so it is not a column.
func fitsBudget(_ yearly: [Double], from t: Int, budget: [Double]) -> Bool {
    for (k, amount) in yearly.enumerated() {
        let y = t - 1 + k
        guard y < budget.count, fitsYear(amount, budget: budget[y]) else { return false }
    }
    return true
}

/// Whether one year's cost fits within that year's budget (to a billionth of it).
func fitsYear(_ amount: Double, budget: Double) -> Bool {
    amount <= budget + 1e-9 * max(1, budget)
}

/// Repeated multiplication, so results do not depend on the platform's `pow`.
func pow(_ base: Double, _ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0 ..< max(0, exponent) { result *= base }
    return result
}
