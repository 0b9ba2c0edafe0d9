/// Explains one decision, project by project: why each unfunded project is
/// not funded and the smallest change that would fund it (verified by
/// re-solving the changed scenario through `Allocation.solve`), and why each
/// funded project went to its funder rather than a lower level.
public struct Explainer: Sendable {
    public let model: AllocationModel
    /// The decision explained; nil when there is none (`infeasible`, `noSolution`).
    public let decision: Decision?
    public let status: SolveStatus
    /// The decision's proven gap, and the limits it was solved under (the re-solves use the same `mipGap`).
    public let gap: Double?
    public let mipGap: Double
    public let timeLimit: Double
    let details: [UnfundedDetail?]
    let load: FunderLoad
    /// What every re-solve starts from: the decision explained (repaired to the
    /// changed rules) and, after a solve in this process, its Lagrangian prices.
    /// Only the start: a re-solve proves what it proves.
    var warmStart: WarmStart

    /// - Parameters:
    ///   - mipGap, timeLimit: the limits the decision was solved under; nil takes the scenario's policy.
    public init(model: AllocationModel, decision: Decision?, status: SolveStatus, gap: Double?, mipGap: Double?, timeLimit: Double?) {
        self.model = model
        self.decision = status.hasDecision ? decision : nil
        self.status = status
        self.gap = gap
        self.mipGap = mipGap ?? model.scenario.policy.mipGap
        self.timeLimit = timeLimit ?? model.scenario.policy.timeLimit
        details = UnfundedDetail.all(model: model, decision: self.decision)
        load = FunderLoad(scenario: model.scenario, decision: self.decision)
        warmStart = WarmStart(decision: self.decision)
    }

    /// Explains the decision of a solve.
    public init(result: AllocationResult) {
        self.init(model: result.model, decision: result.decision, status: result.status, gap: result.gap,
                  mipGap: result.mipGap, timeLimit: result.timeLimit)
        warmStart = result.warmStart
    }

    /// The index of the project with id `id` in `scenario` (before anything is solved).
    ///
    /// - Throws: `ExplainError.unknownProject`, with the closest id when it is one or two typing mistakes away.
    public static func project(withID id: String, in scenario: Scenario) throws(ExplainError) -> Int {
        if let p = scenario.projects.firstIndex(where: { $0.id == id }) { return p }
        throw .unknownProject(id, suggestion: KeySuggestion.closest(to: id, among: scenario.projects.map(\.id)))
    }

    /// Explains project `p`. For an unfunded project whose reason is `budget` or
    /// `notChosen`, searches the smallest extra budget at the `limits.funders`
    /// eligible funders that the estimates say need least, then the smallest
    /// priority, re-solving the changed scenario under the decision's `mipGap`
    /// and at most `limits.resolveTimeLimit` seconds (or the decision's own
    /// `timeLimit`, if smaller) each; at most `limits.resolves` re-solves in
    /// all, within `limits.totalTimeLimit` seconds.
    ///
    /// - Parameter progress: told before each re-solve what it tries (for a progress line).
    /// - Throws: `SolverFailure` when a re-solve fails.
    public func explain(
        _ p: Int, limits: ExplainLimits = ExplainLimits(), progress: ((String) -> Void)? = nil
    ) throws(SolverFailure) -> ProjectExplanation {
        let s = model.scenario
        let resolveTime = min(timeLimit, limits.resolveTimeLimit)
        func explanation(
            reason: UnfundedReason?, funders: [ExplainedFunder] = [], outsideArea: Int = 0, value: Double? = nil,
            overlap: ProjectExplanation.Overlap? = nil, requirement: ProjectExplanation.Requirement? = nil,
            shares: [ShareLimit] = [], changes: [SmallestChange] = [], untried: [(funder: Int, why: String)] = []
        ) -> ProjectExplanation {
            ProjectExplanation(
                scenario: s, project: p, status: status, gap: gap, mipGap: mipGap, timeLimit: timeLimit,
                assignment: decision?.assignments[p], value: value, reason: reason, funders: funders,
                outsideArea: outsideArea, overlap: overlap, requirement: requirement, shares: shares, changes: changes,
                untried: untried, limits: limits, resolveTimeLimit: resolveTime)
        }
        guard let decision else { return explanation(reason: details[p]?.reason) }
        if let a = decision.assignments[p] {
            let (standings, outside) = FunderStanding.all(of: p, model: model, decision: decision, load: load)
            let value = model.column(ofProject: p, assignment: a).map { model.choices[$0].value }
            return explanation(
                reason: nil, funders: standings.map { view($0, p, decision) }, outsideArea: outside, value: value)
        }
        guard let detail = details[p] else { return explanation(reason: nil) }
        let funders = detail.standings.map { view($0, p, decision) }
        var overlap: ProjectExplanation.Overlap?
        if let (group, winner) = detail.overlap {
            let w = decision.assignments[winner]
            overlap = ProjectExplanation.Overlap(
                group: group, winner: winner, winnerFunder: w?.funder,
                winnerValue: w.flatMap { model.column(ofProject: winner, assignment: $0) }.map { model.choices[$0].value },
                ownValue: model.choices(ofProject: p).map { model.choices[$0].value }.max())
        }
        let requirement = detail.missingRequirement.map {
            ProjectExplanation.Requirement(project: $0, reason: details[$0]?.reason)
        }
        guard detail.reason.code == "budget" || detail.reason.code == "notChosen" else {
            return explanation(
                reason: detail.reason, funders: funders, outsideArea: detail.outsideArea, overlap: overlap,
                requirement: requirement)
        }
        let (changes, untried) = try smallestChanges(p, standings: detail.standings, limits: limits, resolveTime: resolveTime, progress: progress)
        return explanation(
            reason: detail.reason, funders: funders, outsideArea: detail.outsideArea,
            shares: ShareLimit.all(for: p, model: model, decision: decision), changes: changes, untried: untried)
    }

    private func view(_ standing: FunderStanding, _ p: Int, _ decision: Decision) -> ExplainedFunder {
        ExplainedFunder.make(standing, project: p, model: model, decision: decision, load: load)
    }

    /// The searches for the smallest extra budget (at the funders estimated to need
    /// least) and the smallest priority, run in that order, sharing the re-solves.
    private func smallestChanges(
        _ p: Int, standings: [FunderStanding], limits: ExplainLimits, resolveTime: Double, progress: ((String) -> Void)?
    ) throws(SolverFailure) -> ([SmallestChange], [(funder: Int, why: String)]) {
        let s = model.scenario
        guard let decision else { return ([], []) }
        let estimate = ChangeEstimate(model: model, decision: decision, load: load, details: details)
        var untried: [(funder: Int, why: String)] = []
        var budgets: [ChangeEstimate.Budget] = []
        for standing in standings where standing.isEligible {
            if let b = estimate.budget(for: p, at: standing) {
                budgets.append(b)
            } else if case .atCapacity(let limit) = standing.kind {
                untried.append((standing.funder, "it funds as many projects as its maxProjects (\(limit)) allows: more money alone does not let it take one more"))
            } else if case .noCapacity = standing.kind {
                untried.append((standing.funder, "its maxProjects is 0"))
            }
        }
        budgets.sort { a, b in
            if a.competition != b.competition { return a.competition < b.competition }
            if a.room != b.room { return a.room < b.room }
            let (la, lb) = (s.funders[a.funder].level, s.funders[b.funder].level)
            return la != lb ? la < lb : a.funder < b.funder
        }
        var searches: [(change: SmallestChange, minimumStep: Double, tight: Int)] = budgets.prefix(max(0, limits.funders)).map { b in
            (SmallestChange(kind: .budget(funder: b.funder, years: b.years), base: 0, estimates: b.estimates,
                            grid: 1, precision: limits.precision), 1, b.room > 0 ? 1 : 0)
        }
        let project = s.projects[p]
        let guess = estimate.priority(for: p, standings: standings, precision: limits.precision)
        var priority = SmallestChange(
            kind: .priority, base: project.priority, estimates: guess.map { [$0.priority] } ?? [], grid: 0.01,
            precision: limits.precision)
        if guess == nil {
            priority.notSearchedBecause = standings.contains { $0.value != nil }
                ? "its value at every funder that could take it is set by valueAt, not by its priority"
                : "no funder could take it whatever its priority (too large for their budgets, or at their project limit)"
        }
        searches.append((priority, max(0.25 * project.priority, 0.01), guess.map(\.displaced) == true ? 1 : 0))

        var budget = ResolveBudget(
            count: limits.resolves, deadline: ContinuousClock().now + .milliseconds(Int64(limits.totalTimeLimit * 1000)),
            resolveTime: resolveTime)
        var done: [SmallestChange] = []
        for (k, (change, step, tight)) in searches.enumerated() {
            guard change.notSearchedBecause == nil else {
                done.append(change)
                continue
            }
            if limits.resolves == 0 {
                var skipped = change
                skipped.notSearchedBecause = "no re-solve allowed (--resolves 0): the estimates are not verified"
                done.append(skipped)
                continue
            }
            var share = budget.share(among: searches.count - k)
            let before = share.count
            var search = ChangeSearch(change: change, minimumStep: step, tightEstimates: tight)
            try search.run(budget: &share) { (x: Double) throws(SolverFailure) -> Resolve in
                let scenarioChange: ScenarioChange
                switch change.kind {
                case .budget(let f, let years): scenarioChange = .extraBudget(funder: f, years: years, amount: x)
                case .priority: scenarioChange = .priority(project: p, priority: x)
                }
                progress?(describe(scenarioChange))
                return try resolve(scenarioChange, project: p, figure: x, timeLimit: resolveTime)
            }
            budget.count -= before - share.count
            done.append(search.change)
        }
        return (done, untried)
    }

    /// Re-solves the scenario with `change` made, under the decision's `mipGap` and `timeLimit` seconds.
    func resolve(_ change: ScenarioChange, project p: Int, figure: Double, timeLimit: Double) throws(SolverFailure) -> Resolve {
        let result = try Allocation.solve(change.applied(to: model.scenario), options: SolveOptions(mipGap: mipGap, timeLimit: timeLimit, warmStart: warmStart))
        let absoluteGap = result.objective.flatMap { objective in result.bound.map { max(0, $0 - objective) } }
        return Resolve(
            figure: figure, status: result.status, funder: result.decision?.assignments[p]?.funder, gap: result.gap,
            absoluteGap: absoluteGap, stoppedAtTimeLimit: result.termination.isLimit)
    }

    /// A change in a few words, for a progress line.
    private func describe(_ change: ScenarioChange) -> String {
        let s = model.scenario
        switch change {
        case .extraBudget(let f, _, let amount): return "\(NumberFormat.baht(amount)) baht more at \(s.funders[f].id)"
        case .priority(_, let priority): return "priority \(NumberFormat.fixed(priority, decimals: 2))"
        }
    }
}
