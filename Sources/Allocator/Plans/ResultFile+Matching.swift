/// Checking that a result file was made from a given scenario, and reading
/// its decision in the scenario's terms.
extension ResultFile {
    /// The decision this file records, in terms of `scenario`'s indices.
    ///
    /// The file matches when: its `scenario` is the scenario's `name`; its
    /// projects and funders are the scenario's, in the same order, with the same
    /// ids; each funder has the scenario funder's level and budget (one amount
    /// per plan year, equal within 1e-9 relative); `status` is one of the four
    /// of the format; and each funded project's funder exists, has the level
    /// written, may fund it (the six eligibility rules), its start year is
    /// allowed, and its `cost` is the project's cost at that funder after
    /// `costAt` (within 1e-9 relative). Budgets, capacities and the other rows
    /// shared between projects are not re-checked: that is the solver's and
    /// `DecisionChecker`'s job.
    ///
    /// - Throws: `ResultFileError` of kind `scenarioMismatch` with every difference, in file order.
    /// - Complexity: O(projects × depth of the area tree + funders × horizon).
    public func decision(for scenario: Scenario) throws(ResultFileError) -> RecordedDecision {
        var problems: [ResultFileError.Problem] = []
        func problem(_ path: JSONPath, _ line: Int?, _ message: String) {
            problems.append(.init(path: path.description, line: line, message: message))
        }
        if self.scenario != scenario.name {
            problem(JSONPath.root.key("scenario"), lines.scenario,
                    "the result is of the scenario named \"\(self.scenario)\", but the scenario given is named \"\(scenario.name)\"")
        }
        let status = SolveStatus(rawValue: self.status)
        if status == nil {
            problem(JSONPath.root.key("status"), lines.status,
                    "\"\(self.status)\" is not a status of the format (optimal, feasible, infeasible, noSolution)")
        }
        let index = ScenarioIndex(scenario)
        let fundersPath = JSONPath.root.key("funders")
        if funders.count != scenario.funders.count {
            problem(fundersPath, lines.funders, "has \(funders.count) funders, the scenario has \(scenario.funders.count)")
        } else {
            for (f, line) in funders.enumerated() {
                let funder = scenario.funders[f]
                let path = fundersPath.index(f)
                guard line.id == funder.id else {
                    problem(path.key("id"), line.line, "is \"\(line.id)\", the scenario's funder \(f + 1) is \"\(funder.id)\"")
                    continue
                }
                if line.level != funder.level.name {
                    problem(path.key("level"), line.line, "is \"\(line.level)\", the scenario says \(funder.id) is \(funder.level.name)")
                }
                if line.budget.count != funder.budget.count
                    || zip(line.budget, funder.budget).contains(where: { !Self.same($0, $1) }) {
                    problem(path.key("budget"), line.line,
                            "is [\(line.budget.map(JSONOutput.format).joined(separator: ", "))], the scenario gives \(funder.id) "
                                + "[\(funder.budget.map(JSONOutput.format).joined(separator: ", "))]")
                }
            }
        }
        let projectsPath = JSONPath.root.key("projects")
        var assignments = [Decision.Assignment?](repeating: nil, count: scenario.projects.count)
        var reasons = [UnfundedReason?](repeating: nil, count: scenario.projects.count)
        if projects.count != scenario.projects.count {
            problem(projectsPath, lines.projects, "has \(projects.count) projects, the scenario has \(scenario.projects.count)")
        } else {
            for (p, line) in projects.enumerated() {
                let project = scenario.projects[p]
                let path = projectsPath.index(p)
                guard line.id == project.id else {
                    problem(path.key("id"), line.line, "is \"\(line.id)\", the scenario's project \(p + 1) is \"\(project.id)\"")
                    continue
                }
                guard let funding = line.funding else {
                    reasons[p] = line.reason
                    continue
                }
                guard let f = index.funderIndex[funding.funder] else {
                    problem(path.key("funder"), line.line, "\(project.id) is funded by \"\(funding.funder)\", which is not a funder of the scenario")
                    continue
                }
                let funder = scenario.funders[f]
                var fine = true
                if funding.level != funder.level.name {
                    problem(path.key("level"), line.line, "is \"\(funding.level)\", but \(funder.id) is \(funder.level.name)")
                    fine = false
                }
                let serves = index.areaIndex[project.area].map { index.fundersServing(area: $0).contains(f) } ?? false
                let cost = ModelBuilder.yearlyCost(of: project, at: funder).reduce(0, +)
                let rule = Eligibility.check(project: project, funder: funder, servesArea: serves, totalCost: cost, policy: scenario.policy)
                if rule != .eligible {
                    problem(path.key("funder"), line.line, "\(funder.id) may not fund \(project.id) in this scenario (eligibility: \(rule.code))")
                    fine = false
                }
                if !ModelBuilder.startYears(of: project, horizon: scenario.horizon).contains(funding.start) {
                    problem(path.key("start"), line.line, "\(project.id) may not start in plan year \(funding.start) in this scenario")
                    fine = false
                }
                if !Self.same(funding.cost, cost) {
                    problem(path.key("cost"), line.line,
                            "is \(JSONOutput.format(funding.cost)), but \(project.id) costs \(JSONOutput.format(cost)) at \(funder.id) in this scenario")
                    fine = false
                }
                if fine { assignments[p] = Decision.Assignment(funder: f, start: funding.start) }
            }
        }
        guard problems.isEmpty, let status else {
            throw ResultFileError(kind: .scenarioMismatch, problems: problems.sortedByLine())
        }
        return RecordedDecision(status: status, decision: Decision(assignments: assignments), reasons: reasons)
    }

    /// Equal within 1e-9 relative (amounts are written with the shortest text that reads back exactly).
    private static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}

extension [ResultFileError.Problem] {
    /// Sorted by line (problems without a line first), ties in the order found.
    fileprivate func sortedByLine() -> [ResultFileError.Problem] {
        enumerated()
            .sorted { a, b in
                let (la, lb) = (a.element.line ?? 0, b.element.line ?? 0)
                return la != lb ? la < lb : a.offset < b.offset
            }
            .map(\.element)
    }
}
