/// Why an infeasible scenario has no decision: the rules that cannot all hold
/// together, found by solving the elastic version of its model
/// (`ElasticSolver`). Every budget, `maxProjects`, minimum share, overlap,
/// `requires` row and every mandatory project's "funded once" row may be
/// broken at a price; money (budgets, shares) costs 1 per baht and the other
/// rules cost more than all the money in the scenario, so the diagnosis says
/// how much money is missing where, when money can mend it, and names the
/// rule that cannot hold otherwise. The rules broken at the least total price
/// are reported, with the amount; any such set is enough to restore a
/// decision, and the search proves it the cheapest unless its time runs out.
public struct InfeasibilityDiagnosis: Sendable {
    public var conflicts: [RuleConflict]
    /// Whether the set was proven the cheapest (else the time limit cut the search).
    public var proven: Bool

    public static func diagnose(_ model: AllocationModel, timeLimit: Double) throws(SolverFailure) -> InfeasibilityDiagnosis? {
        let s = model.scenario
        let linear = model.linear
        let money = s.funders.reduce(0.0) { $0 + $1.budget.reduce(0, +) }
            + s.projects.reduce(0.0) { $0 + $1.cost.total }
        let rulePrice = 1 + 2 * money
        var slacks: [ElasticSolver.Slack] = []
        var rules: [RuleConflict.Rule] = []
        for (i, family) in model.rowFamilies.enumerated() {
            let rule: RuleConflict.Rule
            switch family {
            case .budget(let f, let year): rule = .budget(funder: f, year: year)
            case .share(let k): rule = .minShare(strategy: k)
            case .capacity(let f): rule = .maxProjects(funder: f)
            case .project(let p):
                guard linear.rowBounds[i].lower != nil else { continue }
                rule = .mandatory(project: p)
            case .overlap(let group): rule = .overlap(group: group)
            case .requires(let p, let q): rule = .requires(project: p, required: q)
            }
            switch rule {
            case .budget, .minShare: slacks.append(.init(row: i, price: 1))
            default: slacks.append(.init(row: i, price: rulePrice))
            }
            rules.append(rule)
        }
        guard let found = try ElasticSolver(timeLimit: timeLimit).solve(linear, slacks: slacks) else { return nil }
        var conflicts: [RuleConflict] = []
        for (k, amount) in found.amounts.enumerated() {
            let rule = rules[k]
            let isMoney: Bool
            switch rule {
            case .budget, .minShare: isMoney = true
            default: isMoney = false
            }
            // Money to the baht, counts to whole projects (the slack of a count row is fractional only by rounding).
            guard amount > (isMoney ? 0.5 : 1e-6) else { continue }
            var shown = isMoney ? amount : amount.rounded(.up)
            // A share row's slack is in (1 − share) × baht: as linked money, it is larger.
            if case .minShare(let k) = rule { shown = amount / max(1e-9, 1 - s.strategies[k].minShare) }
            conflicts.append(Self.conflict(rule, amount: shown, in: s))
        }
        return InfeasibilityDiagnosis(conflicts: conflicts, proven: found.proven)
    }

    private static func conflict(_ rule: RuleConflict.Rule, amount: Double, in s: Scenario) -> RuleConflict {
        func funder(_ f: Int) -> String { s.funders[f].name.map { "\(s.funders[f].id) (\($0))" } ?? s.funders[f].id }
        func project(_ p: Int) -> String { s.projects[p].name.map { "\(s.projects[p].id) (\($0))" } ?? s.projects[p].id }
        func year(_ y: Int) -> String { s.fiscalYear.map { "fiscal year \($0 + y - 1)" } ?? "plan year \(y)" }
        let baht = NumberFormat.baht(amount)
        let text: String
        switch rule {
        case .budget(let f, let y):
            let budget = NumberFormat.baht(s.funders[f].budget[y - 1])
            text = "\(funder(f)) needs \(baht) baht more than its budget of \(budget) in \(year(y)) for what the other rules require of it (mandatory projects, minimum shares)."
        case .minShare(let k):
            let strategy = s.strategies[k]
            let share = NumberFormat.percent(strategy.minShare, decimals: 1)
            text = "The minimum share of strategy \(strategy.id) (\(share) of all money allocated) cannot be met: the projects linked to it fall \(baht) baht short."
        case .mandatory(let p):
            text = "Mandatory project \(project(p)) cannot be funded together with the other rules."
        case .maxProjects(let f):
            text = "\(funder(f)) would have to fund \(Int(amount)) more project\(amount == 1 ? "" : "s") than its maxProjects of \(s.funders[f].maxProjects ?? 0)."
        case .overlap(let group):
            text = "Overlap group \(group) holds mandatory projects of which at most one may be funded (\(Int(amount)) too many)."
        case .requires(let p, let q):
            text = "\(project(p)) requires \(project(q)), which cannot be funded in time."
        }
        return RuleConflict(rule: rule, amount: amount, explanation: text)
    }
}
