/// First guesses, read off the explained decision alone, of the change that
/// would fund an unfunded project; `ChangeSearch` tries them first and
/// verifies them by re-solving. docs/explain.md states them exactly.
struct ChangeEstimate {
    let model: AllocationModel
    let decision: Decision
    let load: FunderLoad
    /// Each project's unfunded detail (nil when funded).
    let details: [UnfundedDetail?]

    /// Extra budget at one funder: the plan years it would go to, and the estimates (ascending).
    struct Budget {
        var funder: Int
        var years: ClosedRange<Int>
        /// The money missing for the project to fit beside the decision (0 when the funder had room).
        var room: Double
        /// `room` plus the money the funder's other unfunded candidates worth more per baht would take first.
        var competition: Double
        /// The figures to try first, ascending and positive.
        var estimates: [Double]
    }

    /// The budget estimates at the funder of `standing`, for project `p`; nil when
    /// more money there cannot give it the project (not eligible, at its project
    /// limit, no start year).
    ///
    /// - Complexity: O(choices of the unfunded projects) for the competition sum.
    func budget(for p: Int, at standing: FunderStanding) -> Budget? {
        let s = model.scenario
        let f = standing.funder
        let start: Int
        switch standing.kind {
        case .budgetFull(let t, _, _, _), .room(let t): start = t
        case .tooLarge: start = ModelBuilder.startYears(of: s.projects[p], horizon: s.horizon).first ?? 1
        default: return nil
        }
        let yearly = standing.yearlyCost
        let years = start ... start + yearly.count - 1
        let room = yearly.indices.map { k in max(0, yearly[k] - load.left(f, year: start + k, in: s)) }.max() ?? 0
        let ratio = (standing.value ?? Self.value(of: p, at: f, start: start, model: model)) / max(standing.totalCost, 1e-9)
        var competition = 0.0
        for (q, detail) in details.enumerated() where q != p {
            guard let code = detail?.reason.code, code == "budget" || code == "notChosen" else { continue }
            let there = model.choices(ofProject: q).filter { model.choices[$0].funder == f }
            guard let best = there.map({ model.choices[$0] }).max(by: { $0.value < $1.value }),
                  best.value / max(best.totalCost, 1e-9) > ratio else { continue }
            competition += best.yearlyCost.max() ?? 0
        }
        var estimates = [room, room + competition].filter { $0 > 0 }
        if estimates.isEmpty { estimates = [yearly.max() ?? 0] }
        if estimates.count == 2, estimates[0] == estimates[1] { estimates.removeLast() }
        return Budget(funder: f, years: years, room: room, competition: room + competition, estimates: estimates)
    }

    /// The priority at which project `p` would be worth more at some funder than
    /// what that funder would have to drop to make room for it (the projects it
    /// funds with the least value per baht first), a little above, and whether it
    /// is that figure (`displaced`) rather than a fallback: 1% above its priority
    /// when that is more, twice its priority when every funder had room. Nil when no
    /// funder that could take it values it by priority (`valueAt`), or none could take it at all.
    func priority(for p: Int, standings: [FunderStanding], precision: Double) -> (priority: Double, displaced: Bool)? {
        let s = model.scenario
        let project = s.projects[p]
        guard project.priority > 0 else { return nil }
        var needed: Double?
        var anyByPriority = false
        for standing in standings {
            let f = standing.funder
            let funder = s.funders[f]
            guard let value = standing.value, value > 0,
                  !project.valueAt.contains(where: { $0.key == funder.id || $0.key == funder.level.name }) else { continue }
            let start: Int
            switch standing.kind {
            case .budgetFull(let t, _, _, _): start = t
            case .atCapacity: start = model.choices(ofProject: p).first { model.choices[$0].funder == f }.map { model.choices[$0].start } ?? 1
            case .room:
                anyByPriority = true
                continue
            default: continue
            }
            anyByPriority = true
            let perPriority = value / project.priority
            let dropped = displaced(toFit: standing.yearlyCost, at: f, start: start)
            let priority = dropped / perPriority * (1 + precision)
            needed = min(needed ?? priority, priority)
        }
        guard anyByPriority else { return nil }
        guard let needed, needed > project.priority * (1 + precision) else {
            return (needed == nil ? 2 * project.priority : project.priority * (1 + precision), false)
        }
        return (needed, true)
    }

    /// The value of the projects funder `f` would drop, least value per baht first,
    /// to fit one more project costing `yearly` from plan year `start` (and to stay within `maxProjects`).
    private func displaced(toFit yearly: [Double], at f: Int, start: Int) -> Double {
        let s = model.scenario
        var funded: [(project: Int, value: Double, cost: Double)] = []
        for (q, assignment) in decision.assignments.enumerated() {
            guard let a = assignment, a.funder == f else { continue }
            let value = model.column(ofProject: q, assignment: a).map { model.choices[$0].value } ?? 0
            funded.append((q, value, max(ModelBuilder.yearlyCost(of: s.projects[q], at: s.funders[f]).reduce(0, +), 1e-9)))
        }
        funded.sort { a, b in a.value / a.cost != b.value / b.cost ? a.value / a.cost < b.value / b.cost : a.project < b.project }
        var trial = load
        var dropped = 0.0
        for q in funded {
            let fits = trial.shortfall(yearly, at: f, start: start, in: s).amount == 0 && !trial.isAtCapacity(f, in: s)
            if fits { break }
            let a = decision.assignments[q.project]!
            trial.count[f] -= 1
            for (k, amount) in ModelBuilder.yearlyCost(of: s.projects[q.project], at: s.funders[f]).enumerated()
            where a.start - 1 + k < s.horizon {
                trial.used[f * s.horizon + a.start - 1 + k] -= amount
            }
            dropped += q.value
        }
        return dropped
    }

    /// `value(p, f, t)` of the spec, also where `(p, f, t)` is no choice of the model (the project too large there).
    static func value(of p: Int, at f: Int, start: Int, model: AllocationModel) -> Double {
        let s = model.scenario
        var weight: [String: Double] = [:]
        for strategy in s.strategies { weight[strategy.id] = strategy.weight }
        let project = s.projects[p]
        let funder = s.funders[f]
        return ModelBuilder.baseValue(of: project, at: funder, strategyWeight: weight)
            * pow(1 - s.policy.escalationPenalty, ModelBuilder.escalationSteps(of: project, at: funder))
            * pow(1 - s.policy.delayDiscount, start - 1)
    }
}
