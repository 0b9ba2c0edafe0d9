/// `allocate explain --funder`: a funder's budget prices at the decision, and
/// what an extra amount of money there would fund, verified by re-solving.
extension Explainer {
    /// The index of the funder with id `id` in `scenario` (before anything is solved).
    ///
    /// - Throws: `ExplainError.unknownFunder`, with the closest id when it is one or two typing mistakes away.
    public static func funder(withID id: String, in scenario: Scenario) throws(ExplainError) -> Int {
        if let f = scenario.funders.firstIndex(where: { $0.id == id }) { return f }
        throw .unknownFunder(id, suggestion: KeySuggestion.closest(to: id, among: scenario.funders.map(\.id)))
    }

    /// The 1-based plan year `year` names: a plan year (1 to the horizon) or,
    /// when the scenario has a `fiscalYear`, the fiscal year of one (2571 for
    /// plan year 2 of a plan starting in 2570).
    ///
    /// - Throws: `ExplainError.unknownYear` when it names neither.
    public static func planYear(_ year: Int, in scenario: Scenario) throws(ExplainError) -> Int {
        if (1 ... scenario.horizon).contains(year) { return year }
        if let first = scenario.fiscalYear, (first ..< first + scenario.horizon).contains(year) { return year - first + 1 }
        throw .unknownYear(year, horizon: scenario.horizon, fiscalYear: scenario.fiscalYear)
    }

    /// Explains funder `f`: its price in each plan year, then, with `amount`
    /// baht more (or, when nil, the default of docs/prices.md: enough for the
    /// marginal project) in plan year `year` (or the years the marginal
    /// project runs, or every plan year), three re-solves in this order: the
    /// funder alone with its own budget and with the extra money (every other
    /// choice held; GLPK's branch and cut, mipGap 0), and the whole changed
    /// scenario (the decision's mipGap, started from the funder alone's
    /// decision with the extra money, else from the decision). Each takes
    /// at most `limits.resolveTimeLimit` seconds (or the decision's own
    /// `timeLimit`, if smaller); at most `limits.resolves` are made, within
    /// `limits.totalTimeLimit` seconds.
    ///
    /// - Parameter progress: told before each re-solve what it is (for a progress line).
    /// - Throws: `SolverFailure` when GLPK fails.
    public func explain(
        funder f: Int, extra amount: Double? = nil, year: Int? = nil, limits: ExplainLimits = ExplainLimits(),
        progress: ((String) -> Void)? = nil
    ) throws(SolverFailure) -> FunderExplanation {
        let s = model.scenario
        let resolveTime = min(timeLimit, limits.resolveTimeLimit)
        let used = (1 ... s.horizon).map { s.funders[f].budget[$0 - 1] - load.left(f, year: $0, in: s) }
        func explanation(
            objective: Double? = nil, prices: [BudgetPrice] = [], extra: ExtraMoney? = nil, resolves: [FunderResolve] = [],
            cut: SmallestChange.Cut? = nil
        ) -> FunderExplanation {
            FunderExplanation(
                model: model, funder: f, decision: decision, status: status, gap: gap, mipGap: mipGap, timeLimit: timeLimit,
                objective: objective, used: used, projects: load.count[f], prices: prices, extra: extra, resolves: resolves,
                cut: cut, limits: limits, resolveTimeLimit: resolveTime)
        }
        guard let decision, let columns = model.columns(of: decision) else { return explanation() }
        let builder = FunderLPBuilder(model: model, decision: columns)
        let prices = try BudgetPrices.prices(of: f, builder: builder)
        let objective = model.objective(of: columns)
        guard let extra = extraMoney(f, amount: amount, year: year, prices: prices, decision: decision) else {
            return explanation(objective: objective, prices: prices)
        }
        var budget = ResolveBudget(
            count: limits.resolves, deadline: ContinuousClock().now + .milliseconds(Int64(limits.totalTimeLimit * 1000)),
            resolveTime: resolveTime)
        var resolves: [FunderResolve] = []
        let changed = ScenarioChange.extraBudget(funder: f, years: extra.years, amount: extra.amount).applied(to: s)
        let changedModel = ModelBuilder.build(changed)
        let steps: [(kind: FunderResolve.Kind, extra: Double)] = [(.funderAlone, 0), (.funderAlone, extra.amount), (.whole, extra.amount)]
        for step in steps {
            if let stop = budget.stop { return explanation(objective: objective, prices: prices, extra: extra, resolves: resolves, cut: stop) }
            budget.count -= 1
            let who = step.kind == .whole ? "the whole scenario" : "\(s.funders[f].id) alone"
            progress?("\(who), \(NumberFormat.baht(step.extra)) baht more")
            let outcome: FunderResolve
            if step.kind == .funderAlone {
                outcome = step.extra == 0
                    ? try resolveAlone(f, builder: builder, extra: 0, timeLimit: resolveTime)
                    : try resolveAlone(
                        f, builder: FunderLPBuilder(model: changedModel, decision: changedModel.matchingColumns(of: decision)),
                        extra: step.extra, timeLimit: resolveTime)
            } else {
                // From the funder alone's decision with the extra money, which holds every row here and is worth
                // no less than the decision explained: the whole re-solve then finds at least what it found.
                let start = resolves.last { $0.kind == .funderAlone && $0.extra > 0 }?.decision ?? decision
                outcome = try resolveWhole(f, model: changedModel, extra: step.extra, start: start, timeLimit: resolveTime)
            }
            resolves.append(outcome)
        }
        return explanation(objective: objective, prices: prices, extra: extra, resolves: resolves)
    }

    /// The extra money to re-solve with: `amount` when given, else enough for
    /// the marginal project of the leading price; in plan year `year` when
    /// given, else the years that project runs, else every plan year. Nil when
    /// no amount is given and no price is above 0.
    private func extraMoney(_ f: Int, amount: Double?, year: Int?, prices: [BudgetPrice], decision: Decision) -> ExtraMoney? {
        let s = model.scenario
        let leading = FunderExplanation.leading(prices, year: year)
        let marginal = leading?.marginal.map { model.choices[$0] }
        let running = marginal.map { c in c.start ... min(s.horizon, c.start + c.yearlyCost.count - 1) }
        let years = year.map { $0 ... $0 } ?? running ?? 1 ... s.horizon
        if let amount { return ExtraMoney(amount: amount, years: years, basis: .given, marginal: leading?.marginal) }
        guard let leading, let m = leading.marginal, let c = marginal else { return nil }
        // Unless the decision funds that very choice (project and start year), what it lacks.
        if decision.assignments[c.project] != Decision.Assignment(funder: f, start: c.start) {
            // What it lacks beside the decision, less what the choice it pushes out frees.
            let freed = leading.displaced.map { model.choices[$0] }.flatMap { d in
                decision.assignments[d.project] == Decision.Assignment(funder: f, start: d.start) ? d : nil
            }
            var lacking = 0.0
            for (k, cost) in c.yearlyCost.enumerated() where c.start + k <= s.horizon {
                let y = c.start + k
                var need = cost - load.left(f, year: y, in: s)
                if let d = freed, (d.start ..< d.start + d.yearlyCost.count).contains(y) { need -= d.yearlyCost[y - d.start] }
                lacking = max(lacking, need)
            }
            if lacking > LinearModel.feasibilityTolerance * max(1, c.totalCost) {
                return ExtraMoney(amount: lacking.rounded(.up), years: years, basis: .shortfall, marginal: m)
            }
        }
        return ExtraMoney(amount: max(1, (leading.range ?? c.totalCost).rounded(.up)), years: years, basis: .range, marginal: m)
    }

    /// Funder `f` alone re-solved on `builder`'s model (the decision's, or the
    /// changed scenario's) by GLPK's branch and cut, mipGap 0, from the decision.
    private func resolveAlone(_ f: Int, builder: FunderLPBuilder, extra: Double, timeLimit: Double) throws(SolverFailure) -> FunderResolve {
        let m = builder.model
        let lp = builder.lp(of: f)
        let outcome = try GLPKSolver(mipGap: 0, timeLimit: timeLimit).solve(lp.linear, start: lp.start)
        let stopped = outcome.termination.isLimit
        guard let chosen = outcome.columns else {
            return FunderResolve(
                kind: .funderAlone, extra: extra, status: .noSolution, decision: nil, objective: nil, gain: nil, gap: nil,
                absoluteGap: nil, stoppedAtTimeLimit: stopped, changes: DecisionChanges(base: decision, variation: nil),
                spentAtFunder: nil)
        }
        var isFree = [Bool](repeating: false, count: m.linear.columnCount)
        for j in builder.part(of: f) { isFree[j] = true }
        let columns = builder.decision.filter { !isFree[$0] } + chosen.map { lp.columns[$0] }
        let value = lp.linear.objectiveValue(ofColumns: chosen)
        let absolute = outcome.bound.map { max(0, $0 - value) }
        let proven = outcome.termination == .searchComplete || outcome.termination == .gapReached
        return finished(
            .funderAlone, f, extra: extra, model: m, decision: m.decision(fromColumns: columns), status: proven ? .optimal : .feasible,
            absoluteGap: absolute, stopped: stopped)
    }

    /// The whole changed scenario re-solved as `allocate SCENARIO` would, under the decision's mipGap, from `start`.
    private func resolveWhole(
        _ f: Int, model changed: AllocationModel, extra: Double, start: Decision, timeLimit: Double
    ) throws(SolverFailure) -> FunderResolve {
        let options = SolveOptions(mipGap: mipGap, timeLimit: timeLimit, warmStart: WarmStart(decision: start, prices: warmStart.prices))
        let result = try Allocation.solve(changed, options: options)
        let absolute = result.objective.flatMap { objective in result.bound.map { max(0, $0 - objective) } }
        return finished(
            .whole, f, extra: extra, model: changed, decision: result.decision, status: result.status, absoluteGap: absolute,
            stopped: result.termination.isLimit)
    }

    /// A re-solve's figures against the decision explained.
    private func finished(
        _ kind: FunderResolve.Kind, _ f: Int, extra: Double, model m: AllocationModel, decision new: Decision?, status: SolveStatus,
        absoluteGap: Double?, stopped: Bool
    ) -> FunderResolve {
        let s = m.scenario
        let objective = new.flatMap { m.columns(of: $0) }.map { m.objective(of: $0) }
        let base = decision.flatMap { model.columns(of: $0) }.map { model.objective(of: $0) }
        let gain = objective.flatMap { o in base.map { o - $0 } }
        let spent = new.map { d in
            let after = FunderLoad(scenario: s, decision: d)
            return (0 ..< s.horizon).reduce(0.0) { sum, y in sum + after.used[f * s.horizon + y] - load.used[f * s.horizon + y] }
        }
        return FunderResolve(
            kind: kind, extra: extra, status: status, decision: new, objective: objective, gain: gain,
            gap: objective.flatMap { o in absoluteGap.map { $0 / max(1e-9, abs(o)) } }, absoluteGap: absoluteGap,
            stoppedAtTimeLimit: stopped, changes: DecisionChanges(base: decision, variation: new), spentAtFunder: spent)
    }
}
