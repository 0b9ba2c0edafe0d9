/// Every body's plan in one integrated decision, linked as the guideline
/// links them: each request travels up from the lowest level that may fund
/// it, and each body's plan shows what it funds, what it forwards and to
/// whom, and what stays unfunded and why.
///
/// **A body's requests** (docs/plans.md): project `p` reaches funder `g` when
/// 1. `g` serves `p`'s area (its area is `p.area` or an ancestor; a ministry without area serves everywhere),
/// 2. `g` is a `community` body, or `g`'s level is allowed for `p` (`levels`, else the `selfReliant` rule),
/// 3. `g` has no `sectors` mandate, or its mandate holds `p`'s sector, and
/// 4. no body at a level below `g`'s funds `p`.
///
/// These are the first three eligibility rules (where a need is, who may take
/// it at all, whose mandate it is), except that a community's plan holds every
/// need of its area: those it solves itself and those it sends up for support,
/// as the guideline's community sorts them. The other three rules
/// (`maxProjectCost`, the strategy link of section 53/1, `exclude` and `funder`
/// pins) do not stop a request from reaching a body; they are reasons the body
/// cannot take it and passes it on. Every funded project is therefore a request
/// of its funder, and an unfunded project reaches every body on its way up.
public struct LinkedPlans: Sendable {
    public let scenario: Scenario
    public let recorded: RecordedDecision
    /// Every body's plan, in calendar order: level (community first), then scenario order.
    public let plans: [BodyPlan]
    /// Projects that reach no body (no funder passes rules 1-3), in scenario order; never funded.
    public let unrouted: [Int]
    /// Lookups over `scenario`.
    let index: ScenarioIndex
    /// Position in `plans` of each funder's plan.
    private let planOf: [Int]

    /// Links the plans of `recorded`, a decision for `scenario` (one assignment and
    /// one reason per project, as `ResultFile.decision(for:)` gives them).
    ///
    /// - Complexity: O(projects × (depth of the area tree + funders per area + nationwide funders) + requests × log).
    public init(scenario: Scenario, recorded: RecordedDecision) {
        let s = scenario
        precondition(recorded.decision.assignments.count == s.projects.count && recorded.reasons.count == s.projects.count,
                     "a decision for another scenario")
        let index = ScenarioIndex(s)
        var requests = [[PlanRequest]](repeating: [], count: s.funders.count)
        var used = s.funders.map { _ in [Double](repeating: 0, count: s.horizon) }
        var unrouted: [Int] = []
        for (p, project) in s.projects.enumerated() {
            let assignment = recorded.decision.assignments[p]
            let taker = assignment.map { s.funders[$0.funder] }
            var yearly = [Double](repeating: 0, count: s.horizon)
            if let assignment, let taker {
                for (k, amount) in ModelBuilder.yearlyCost(of: project, at: taker).enumerated()
                where assignment.start - 1 + k < s.horizon {
                    yearly[assignment.start - 1 + k] += amount
                }
                for y in yearly.indices { used[assignment.funder][y] += yearly[y] }
            }
            let route = Self.route(of: project, index: index, in: s).filter { g in
                taker.map { s.funders[g].level <= $0.level } ?? true
            }
            if route.isEmpty { unrouted.append(p) }
            for g in route {
                let outcome: PlanRequest.Outcome
                if let assignment, let taker {
                    if g == assignment.funder {
                        outcome = .funds(start: assignment.start)
                    } else if s.funders[g].level < taker.level {
                        outcome = .forwarded(funder: assignment.funder, start: assignment.start)
                    } else {
                        outcome = .sameLevel(funder: assignment.funder, start: assignment.start)
                    }
                } else {
                    outcome = .unfunded(recorded.reasons[p] ?? Self.noReason)
                }
                requests[g].append(PlanRequest(project: p, outcome: outcome, yearly: yearly))
            }
        }
        let order = s.funders.indices.sorted { a, b in
            s.funders[a].level != s.funders[b].level ? s.funders[a].level < s.funders[b].level : a < b
        }
        var planOf = [Int](repeating: 0, count: s.funders.count)
        for (k, f) in order.enumerated() { planOf[f] = k }
        self.plans = order.map { f in
            BodyPlan(funder: f, requests: requests[f].sorted(by: Self.listedBefore), budget: s.funders[f].budget, used: used[f])
        }
        self.scenario = s
        self.recorded = recorded
        self.unrouted = unrouted
        self.planOf = planOf
        self.index = index
    }

    /// The plan of funder `f` (a scenario index).
    public func plan(of f: Int) -> BodyPlan {
        plans[planOf[f]]
    }

    /// The funders `project` reaches by rules 1-3 above, lowest level first, then in scenario order.
    static func route(of project: Project, index: ScenarioIndex, in s: Scenario) -> [Int] {
        guard let area = index.areaIndex[project.area] else { return [] }
        let allowed = project.allowedLevels
        return index.fundersServing(area: area)
            .filter { g in
                let funder = s.funders[g]
                guard funder.level == .community || allowed.contains(funder.level) else { return false }
                guard let sectors = funder.sectors else { return true }
                return project.sector.map(sectors.contains) ?? false
            }
            .sorted { a, b in s.funders[a].level != s.funders[b].level ? s.funders[a].level < s.funders[b].level : a < b }
    }

    /// Funded here first, then forwarded upward, then funded by a body of the same
    /// level, then unfunded; within each, by start year, then scenario order.
    private static func listedBefore(_ a: PlanRequest, _ b: PlanRequest) -> Bool {
        func rank(_ r: PlanRequest) -> Int {
            switch r.outcome {
            case .funds: 0
            case .forwarded: 1
            case .sameLevel: 2
            case .unfunded: 3
            }
        }
        let (ra, rb) = (rank(a), rank(b))
        if ra != rb { return ra < rb }
        let (sa, sb) = (a.start ?? 0, b.start ?? 0)
        if sa != sb { return sa < sb }
        return a.project < b.project
    }
}
