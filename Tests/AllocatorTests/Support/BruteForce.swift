import Allocator

/// The best decision of a small scenario found by trying every one, judged by
/// `DecisionChecker`: the independent optimum the solver is compared with.
///
/// Each project either goes unfunded or takes one of its columns: a
/// (funder, start year) pair that passes every eligibility and start-year
/// rule. Every combination is visited except those cut off because a budget,
/// an overlap group or `maxProjects` is already broken by the projects chosen
/// so far (those only get worse as projects are added, since costs are not
/// negative) or because a mandatory project is left unfunded.
enum BruteForce {
    /// The most columns a scenario may have: up to 2^14 combinations.
    static let maxColumns = 14

    /// One column of the model: project `project` funded by `funder`, starting in `start`.
    struct Column: Equatable {
        var project: Int
        var funder: Int
        var start: Int
    }

    struct Optimum {
        var objective: Double
        var decision: Decision
    }

    struct TooLarge: Error, CustomStringConvertible {
        var columns: Int
        var description: String { "\(columns) columns, more than the brute-force limit \(BruteForce.maxColumns)" }
    }

    /// Every eligible (project, funder, start) triple, in project, funder, start order,
    /// counted here from the spec's rules rather than trusted from the generator.
    static func columns(of scenario: Scenario) -> [Column] {
        var columns: [Column] = []
        for p in scenario.projects.indices where !scenario.projects[p].exclude {
            for f in scenario.funders.indices
            where DecisionChecker.eligibilityProblems(project: p, funder: f, in: scenario).isEmpty {
                for t in 1...max(1, scenario.horizon)
                where DecisionChecker.startProblems(project: p, start: t, in: scenario).isEmpty {
                    columns.append(Column(project: p, funder: f, start: t))
                }
            }
        }
        return columns
    }

    /// The best objective over all decisions `DecisionChecker` accepts, with one
    /// decision reaching it; nil when no decision is valid.
    static func solve(_ scenario: Scenario, tolerance: Double = 1e-6) throws(TooLarge) -> Optimum? {
        let all = columns(of: scenario)
        guard all.count <= maxColumns else { throw TooLarge(columns: all.count) }
        let choices = scenario.projects.indices.map { p in all.filter { $0.project == p } }
        let prunable = scenario.funders.allSatisfy { funder in
            scenario.projects.allSatisfy { project in
                DecisionChecker.yearlyCost(of: project, at: funder).allSatisfy { $0 >= 0 }
            }
        }

        var search = Search(scenario: scenario, choices: choices, tolerance: tolerance, prunable: prunable)
        search.visit(0)
        return search.best
    }

    /// Depth-first walk over one choice per project, keeping running sums for pruning.
    private struct Search {
        let scenario: Scenario
        let choices: [[Column]]
        let tolerance: Double
        let prunable: Bool
        var assignments: [Decision.Assignment?]
        var used: [[Double]]
        var counts: [Int]
        var groupCounts: [String: Int] = [:]
        var best: Optimum?

        init(scenario: Scenario, choices: [[Column]], tolerance: Double, prunable: Bool) {
            self.scenario = scenario
            self.choices = choices
            self.tolerance = tolerance
            self.prunable = prunable
            assignments = Array(repeating: nil, count: scenario.projects.count)
            used = scenario.funders.map { _ in Array(repeating: 0, count: scenario.horizon) }
            counts = Array(repeating: 0, count: scenario.funders.count)
        }

        mutating func visit(_ p: Int) {
            guard p < choices.count else {
                let decision = Decision(assignments: assignments)
                guard DecisionChecker.violations(of: decision, in: scenario, tolerance: tolerance).isEmpty else { return }
                let objective = DecisionChecker.objective(of: decision, in: scenario)
                if best == nil || objective > best!.objective {
                    best = Optimum(objective: objective, decision: decision)
                }
                return
            }
            let project = scenario.projects[p]
            if !project.mandatory {
                visit(p + 1)
            }
            for column in choices[p] {
                let funder = scenario.funders[column.funder]
                let yearly = DecisionChecker.yearlyCost(of: project, at: funder)
                let groups = Array(Set(project.overlaps))
                apply(column, yearly: yearly, groups: groups, sign: 1)
                if !prunable || !broken(column.funder, groups: groups) {
                    assignments[p] = Decision.Assignment(funder: column.funder, start: column.start)
                    visit(p + 1)
                    assignments[p] = nil
                }
                apply(column, yearly: yearly, groups: groups, sign: -1)
            }
        }

        private mutating func apply(_ column: Column, yearly: [Double], groups: [String], sign: Int) {
            for (k, amount) in yearly.enumerated() where column.start + k <= scenario.horizon {
                used[column.funder][column.start + k - 1] += Double(sign) * amount
            }
            counts[column.funder] += sign
            for group in groups {
                groupCounts[group, default: 0] += sign
            }
        }

        /// Whether the partial choice already breaks a rule no later choice can repair.
        private func broken(_ f: Int, groups: [String]) -> Bool {
            let funder = scenario.funders[f]
            for (y, amount) in used[f].enumerated() {
                let budget = funder.budget[y]
                if amount > budget + tolerance * max(1, abs(budget)) { return true }
            }
            if let maxProjects = funder.maxProjects, counts[f] > maxProjects { return true }
            return groups.contains { groupCounts[$0, default: 0] > 1 }
        }
    }
}
