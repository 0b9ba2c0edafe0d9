/// The un-integrated process that the guideline's integrated decision replaces:
/// each body makes its own plan, one after the other in calendar order, and
/// forwards upward what it does not fund, seeing no other body's plan.
///
/// The rule, exactly as docs/compare.md states it:
///
/// 1. Bodies act one at a time: all `community` funders, then `lao`, `district`,
///    `province`, `ministry`; within a level, in scenario order.
/// 2. A body's requests are the projects it may fund (all six eligibility
///    rules of the spec, rule 4 with its own cost after `costAt`) that no body
///    acting before it has funded. A project a lower body did not fund is thereby
///    forwarded upward to every later body that may fund it.
/// 3. A body takes its requests one by one: mandatory projects first, then the
///    others; within each, highest `priority` first, ties in scenario order.
///    One pass; a project passed over is not looked at again by that body.
/// 4. It funds a project when all of these hold, else passes over it:
///    it has funded fewer than `maxProjects`; it has not itself funded a project
///    sharing an overlap group with it; every project it `requires` has
///    already been funded (by any body); and some allowed start year `t` fits
///    (`earliestStart <= t <= latestStart`, `t + duration - 1 <= horizon`;
///    with `horizon` > 1 also `t >= start(q) + duration(q)` for each required `q`)
///    in the sense that the project's own cost in each year it spans still fits
///    what is left of the body's budget for that year. It takes the earliest
///    such year.
/// 5. Nobody looks at another body's plan: overlap groups are not checked
///    across bodies (the same need proposed in two plans can be funded by two
///    bodies), and minimum strategy shares are considered by no one.
///
/// The result may therefore break the overlap rule (and `minShare`, and leave a
/// mandatory project unfunded), so it is a list of fundings, not a `Decision`.
public enum UnintegratedProcess {
    /// One project funded by one body, starting in a plan year.
    public struct Funding: Sendable, Equatable, Hashable {
        /// Index into `Scenario.projects`.
        public var project: Int
        /// Index into `Scenario.funders`.
        public var funder: Int
        /// 1-based plan year in which the project starts.
        public var start: Int

        public init(project: Int, funder: Int, start: Int) {
            self.project = project
            self.funder = funder
            self.start = start
        }
    }

    /// The fundings of the un-integrated process, in the order they were made
    /// (calendar order of the bodies, then each body's order of taking its requests).
    /// Each project appears at most once.
    ///
    /// - Complexity: O(E log E + E × duration) for E eligible (project, funder)
    ///   pairs, plus O(projects × area depth) to find them.
    public static func run(_ scenario: Scenario) -> [Funding] {
        let index = ScenarioIndex(scenario)
        let requests = eligibleRequests(scenario, index: index)
        let projects = scenario.projects
        let bodies = scenario.funders.indices.sorted {
            let (a, b) = (scenario.funders[$0].level, scenario.funders[$1].level)
            return a != b ? a < b : $0 < $1
        }
        var fundedStart = [Int?](repeating: nil, count: projects.count)
        var fundings: [Funding] = []
        for f in bodies {
            let funder = scenario.funders[f]
            let queue = requests[f].sorted { a, b in
                let (p, q) = (projects[a.project], projects[b.project])
                if p.mandatory != q.mandatory { return p.mandatory }
                if p.priority != q.priority { return p.priority > q.priority }
                return a.project < b.project
            }
            var used = Array(repeating: 0.0, count: scenario.horizon)
            var count = 0
            var ownGroups = Set<String>()
            for request in queue {
                if let limit = funder.maxProjects, count >= limit { break }
                let p = request.project
                guard fundedStart[p] == nil else { continue }
                let project = projects[p]
                if project.overlaps.contains(where: ownGroups.contains) { continue }
                guard let earliest = earliestStartAfterRequirements(
                    of: project, fundedStart: fundedStart, scenario: scenario, index: index
                ) else { continue }
                let start = ModelBuilder.startYears(of: project, horizon: scenario.horizon).first {
                    $0 >= earliest && fits(request.yearlyCost, from: $0, used: used, budget: funder.budget)
                }
                guard let start else { continue }
                for (k, amount) in request.yearlyCost.enumerated() { used[start - 1 + k] += amount }
                count += 1
                ownGroups.formUnion(project.overlaps)
                fundedStart[p] = start
                fundings.append(Funding(project: p, funder: f, start: start))
            }
        }
        return fundings
    }

    /// A project a body may fund, with its cost per year at that body.
    struct Request {
        var project: Int
        var yearlyCost: [Double]
    }

    /// For each funder, the projects eligible at it (six rules, at least one
    /// start year), in scenario order.
    static func eligibleRequests(_ s: Scenario, index: ScenarioIndex) -> [[Request]] {
        var requests = Array(repeating: [Request](), count: s.funders.count)
        for (p, project) in s.projects.enumerated() {
            guard !ModelBuilder.startYears(of: project, horizon: s.horizon).isEmpty,
                  let area = index.areaIndex[project.area] else { continue }
            for f in index.fundersServing(area: area) {
                let yearly = ModelBuilder.yearlyCost(of: project, at: s.funders[f])
                let verdict = Eligibility.check(
                    project: project, funder: s.funders[f], servesArea: true,
                    totalCost: yearly.reduce(0, +), policy: s.policy)
                if verdict == .eligible { requests[f].append(Request(project: p, yearlyCost: yearly)) }
            }
        }
        return requests
    }

    /// The earliest start year `requires` allows: 1 when every required project
    /// is funded (horizon 1: no timing), else after the last of them ends; nil
    /// when a required project is not funded yet.
    static func earliestStartAfterRequirements(
        of project: Project, fundedStart: [Int?], scenario: Scenario, index: ScenarioIndex
    ) -> Int? {
        var earliest = 1
        for id in project.requires {
            guard let q = index.projectIndex[id], let start = fundedStart[q] else { return nil }
            if scenario.horizon > 1 { earliest = max(earliest, start + scenario.projects[q].duration) }
        }
        return earliest
    }

    /// Whether the yearly costs starting in year `t` fit what is left of each
    /// year's budget (with the same relative tolerance as the model's budget rows' checker).
    static func fits(_ yearly: [Double], from t: Int, used: [Double], budget: [Double]) -> Bool {
        for (k, amount) in yearly.enumerated() {
            let y = t - 1 + k
            guard y < budget.count, used[y] + amount <= budget[y] + 1e-9 * max(1, budget[y]) else { return false }
        }
        return true
    }
}
