/// Recomputes, from the scenario format's text alone, whether a decision obeys
/// every rule of its scenario and what it is worth.
///
/// This is the independent answer every optimisation result is checked
/// against: it shares no code with the model builder, so a mistake in the
/// model shows up as a disagreement. It favours plain, obviously correct code
/// over speed (dictionaries by id, walks up the area tree), which is fine for a
/// checker that runs once per result.
public enum DecisionChecker {
    /// Every rule the decision breaks, one sentence each (empty when it is valid).
    ///
    /// Checks eligibility (all six rules), start years, mandatory and excluded
    /// projects, overlap groups, budgets per funder and plan year, `maxProjects`,
    /// `requires` (with timing when the horizon is longer than one year) and
    /// strategy `minShare`. Sums of money may exceed a limit by `tolerance`
    /// relative to the limit (at least `tolerance` baht) before it counts.
    public static func violations(of decision: Decision, in scenario: Scenario, tolerance: Double = 1e-9) -> [String] {
        let projects = scenario.projects
        let funders = scenario.funders
        guard decision.assignments.count == projects.count else {
            return ["decision has \(decision.assignments.count) entries for \(projects.count) projects"]
        }
        var problems: [String] = []
        var projectIndex: [String: Int] = [:]
        for (i, project) in projects.enumerated() where projectIndex[project.id] == nil {
            projectIndex[project.id] = i
        }

        // Per-assignment rules; only assignments to an existing funder take part in the sums below.
        var funded: [(project: Int, funder: Int, start: Int)] = []
        for (p, project) in projects.enumerated() {
            guard let assignment = decision.assignments[p] else {
                if project.mandatory {
                    problems.append("project \(project.id) is mandatory but not funded")
                }
                continue
            }
            if project.exclude {
                problems.append("project \(project.id) is excluded but funded")
            }
            guard funders.indices.contains(assignment.funder) else {
                problems.append("project \(project.id) is assigned to funder index \(assignment.funder), which does not exist")
                continue
            }
            problems += assignmentProblems(project: p, funder: assignment.funder, start: assignment.start, in: scenario)
            funded.append((p, assignment.funder, assignment.start))
        }

        // Overlap groups, in order of first mention.
        var groups: [String] = []
        var seenGroups: Set<String> = []
        for project in projects {
            for group in project.overlaps where seenGroups.insert(group).inserted {
                groups.append(group)
            }
        }
        for group in groups {
            let members = funded.filter { projects[$0.project].overlaps.contains(group) }
            if members.count >= 2 {
                let ids = members.map { projects[$0.project].id }.joined(separator: ", ")
                problems.append("overlap group \(group) has \(members.count) funded projects: \(ids)")
            }
        }

        // Budget per funder and plan year, and maxProjects.
        for (f, funder) in funders.enumerated() {
            var used = Array(repeating: 0.0, count: scenario.horizon)
            var count = 0
            for entry in funded where entry.funder == f {
                count += 1
                let yearly = yearlyCost(of: projects[entry.project], at: funder)
                for (k, amount) in yearly.enumerated() {
                    let year = entry.start + k
                    if year >= 1 && year <= scenario.horizon {
                        used[year - 1] += amount
                    }
                }
            }
            for year in 1...max(1, scenario.horizon) where year <= used.count {
                let budget = year <= funder.budget.count ? funder.budget[year - 1] : 0
                if used[year - 1] > budget + tolerance * max(1, abs(budget)) {
                    problems.append("funder \(funder.id) spends \(used[year - 1]) in plan year \(year), over its budget \(budget)")
                }
            }
            if let maxProjects = funder.maxProjects, count > maxProjects {
                problems.append("funder \(funder.id) funds \(count) projects, more than maxProjects \(maxProjects)")
            }
        }

        // requires: q funded whenever p is; with horizon > 1 p starts after q ends.
        for entry in funded {
            let project = projects[entry.project]
            for required in project.requires {
                guard let q = projectIndex[required] else {
                    problems.append("project \(project.id) requires unknown project \(required)")
                    continue
                }
                guard let other = decision.assignments[q] else {
                    problems.append("project \(project.id) is funded but the project it requires, \(required), is not")
                    continue
                }
                if scenario.horizon > 1 && entry.start < other.start + projects[q].duration {
                    problems.append("project \(project.id) starts in year \(entry.start), before \(required) (start \(other.start), duration \(projects[q].duration)) has ended")
                }
            }
        }

        // Strategy minShare over the total cost at each project's funder.
        let totals = funded.map { (project: $0.project, cost: totalCost(of: projects[$0.project], at: funders[$0.funder])) }
        let allocated = totals.reduce(0) { $0 + $1.cost }
        for strategy in scenario.strategies where strategy.minShare > 0 {
            let serving = totals
                .filter { Set(projects[$0.project].strategies).contains(strategy.id) }
                .reduce(0) { $0 + $1.cost }
            if serving < strategy.minShare * allocated - tolerance * max(1, allocated) {
                problems.append("strategy \(strategy.id) gets \(serving) of \(allocated), less than its minShare \(strategy.minShare)")
            }
        }
        return problems
    }

    /// The value of the decision under the spec's objective:
    /// the sum over funded projects of `v(p,f) * (1 - escalationPenalty)^steps * (1 - delayDiscount)^(t-1)`.
    /// Assignments to a funder index that does not exist add nothing.
    public static func objective(of decision: Decision, in scenario: Scenario) -> Double {
        var total = 0.0
        for (p, assignment) in decision.assignments.enumerated() where p < scenario.projects.count {
            guard let assignment, scenario.funders.indices.contains(assignment.funder) else { continue }
            total += value(project: p, funder: assignment.funder, start: assignment.start, in: scenario)
        }
        return total
    }

    /// `value(p,f,t)` of the spec for project index `project`, funder index `funder` and start year `start`.
    public static func value(project: Int, funder: Int, start: Int, in scenario: Scenario) -> Double {
        let p = scenario.projects[project]
        let f = scenario.funders[funder]
        let base: Double
        if let override = p.valueAt.first(where: { $0.key == f.id }) ?? p.valueAt.first(where: { $0.key == f.level.name }) {
            base = override.value
        } else {
            var weights = 0.0
            var seen: Set<String> = []
            for id in p.strategies where seen.insert(id).inserted {
                weights += scenario.strategies.first(where: { $0.id == id })?.weight ?? 0
            }
            base = p.priority * (1 + weights)
        }
        let lowest = p.allowedLevels.min() ?? f.level
        let steps = f.level.rawValue - lowest.rawValue
        return base * power(1 - scenario.policy.escalationPenalty, steps) * power(1 - scenario.policy.delayDiscount, start - 1)
    }

    /// Why `funder` may not fund `project` starting in `start`: each broken
    /// eligibility rule (1 to 6, except exclusion, which `violations` reports
    /// once per project) and each broken start-year rule. Empty when the
    /// triple is a column of the model.
    public static func assignmentProblems(project: Int, funder: Int, start: Int, in scenario: Scenario) -> [String] {
        eligibilityProblems(project: project, funder: funder, in: scenario)
            + startProblems(project: project, start: start, in: scenario)
    }

    /// The broken eligibility rules (spec, "Eligibility") for funder index
    /// `funder` and project index `project`; rule 6's exclusion part is left
    /// to `isExcluded` so that a funded excluded project is reported once.
    public static func eligibilityProblems(project: Int, funder: Int, in scenario: Scenario) -> [String] {
        let p = scenario.projects[project]
        let f = scenario.funders[funder]
        var problems: [String] = []
        // Rule 1: f.area is p.area or one of its ancestors; a funder without area serves everywhere.
        if let area = f.area, !ancestry(of: p.area, in: scenario).contains(area) {
            problems.append("project \(p.id): funder \(f.id) serves area \(area), not \(p.area) or an ancestor of it (eligibility rule 1, area)")
        }
        // Rule 2: the level is allowed.
        if !p.allowedLevels.contains(f.level) {
            let allowed = p.allowedLevels.map(\.name).joined(separator: ", ")
            problems.append("project \(p.id): funder \(f.id) is at level \(f.level.name), not one of [\(allowed)] (eligibility rule 2, level)")
        }
        // Rule 3: sectors.
        if let sectors = f.sectors {
            if let sector = p.sector {
                if !sectors.contains(sector) {
                    problems.append("project \(p.id): funder \(f.id) does not fund sector \(sector) (eligibility rule 3, sector)")
                }
            } else {
                problems.append("project \(p.id): funder \(f.id) funds only listed sectors and the project has none (eligibility rule 3, sector)")
            }
        }
        // Rule 4: cost at f at most maxProjectCost.
        if let limit = f.maxProjectCost {
            let cost = totalCost(of: p, at: f)
            if cost > limit {
                problems.append("project \(p.id): costs \(cost) at funder \(f.id), more than its maxProjectCost \(limit) (eligibility rule 4, maxProjectCost)")
            }
        }
        // Rule 5: strategy-required levels fund only strategy-linked projects.
        if scenario.policy.strategyRequired.contains(f.level) && p.strategies.isEmpty {
            problems.append("project \(p.id): funder \(f.id) is at level \(f.level.name), which funds only strategy-linked projects, and the project serves none (eligibility rule 5, strategy)")
        }
        // Rule 6: pinned funder.
        if let pinned = p.funder, pinned != f.id {
            problems.append("project \(p.id): pinned to funder \(pinned), assigned to \(f.id) (eligibility rule 6, funder pin)")
        }
        return problems
    }

    /// The broken start-year rules: `earliestStart <= t <= latestStart` (default
    /// the horizon) and `t + duration - 1 <= horizon`.
    public static func startProblems(project: Int, start: Int, in scenario: Scenario) -> [String] {
        let p = scenario.projects[project]
        var problems: [String] = []
        if start < p.earliestStart {
            problems.append("project \(p.id) starts in year \(start), before its earliestStart \(p.earliestStart)")
        }
        let latest = p.latestStart ?? scenario.horizon
        if start > latest {
            problems.append("project \(p.id) starts in year \(start), after its latestStart \(latest)")
        }
        if start + p.duration - 1 > scenario.horizon {
            problems.append("project \(p.id) starts in year \(start) and runs \(p.duration) years, past the horizon \(scenario.horizon)")
        }
        if start < 1 {
            problems.append("project \(p.id) starts in year \(start), before plan year 1")
        }
        return problems
    }

    /// The cost of `project` falling in each year of its duration when `funder`
    /// funds it: `costAt` by funder id, else by level name, else `cost`. A
    /// number is a total, spread as the `cost` profile is (evenly when `cost` is
    /// a number, scaled when it is an array); an array is taken as it is.
    public static func yearlyCost(of project: Project, at funder: Funder) -> [Double] {
        let d = project.duration
        guard let override = costOverride(of: project, at: funder) else {
            switch project.cost {
            case .total(let amount): return Array(repeating: amount / Double(d), count: d)
            case .perYear(let amounts): return amounts
            }
        }
        switch override {
        case .perYear(let amounts):
            return amounts
        case .total(let amount):
            if case .perYear(let profile) = project.cost {
                let sum = profile.reduce(0, +)
                if sum > 0 { return profile.map { $0 / sum * amount } }
            }
            return Array(repeating: amount / Double(d), count: d)
        }
    }

    /// The cost of `project` at `funder` over all years (after `costAt`).
    public static func totalCost(of project: Project, at funder: Funder) -> Double {
        switch costOverride(of: project, at: funder) ?? project.cost {
        case .total(let amount): amount
        case .perYear(let amounts): amounts.reduce(0, +)
        }
    }

    private static func costOverride(of project: Project, at funder: Funder) -> CostProfile? {
        (project.costAt.first(where: { $0.key == funder.id }) ?? project.costAt.first(where: { $0.key == funder.level.name }))?.value
    }

    /// `area` and every area above it, walking `parent` links (stops on a cycle or an unknown id).
    private static func ancestry(of area: String, in scenario: Scenario) -> [String] {
        var parents: [String: String?] = [:]
        for node in scenario.areas where parents[node.id] == nil {
            parents[node.id] = node.parent
        }
        var chain = [area]
        var seen: Set<String> = [area]
        var current = area
        while let entry = parents[current], let parent = entry, seen.insert(parent).inserted {
            chain.append(parent)
            current = parent
        }
        return chain
    }

    /// `base` raised to a whole power by repeated multiplication (1 for exponents <= 0).
    private static func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        if exponent > 0 {
            for _ in 0..<exponent { result *= base }
        }
        return result
    }
}
