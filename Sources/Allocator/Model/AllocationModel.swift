/// A scenario turned into a binary program: the choices (columns) in a fixed
/// order, the constraints, and the map back from columns to decisions.
public struct AllocationModel: Sendable {
    public let scenario: Scenario
    public let index: ScenarioIndex
    /// Column `j` of `linear` is `choices[j]`; choices are grouped by project,
    /// in scenario order, then funder order, then start year.
    public let choices: [Choice]
    /// `choiceStart[p] ..< choiceStart[p + 1]` are project `p`'s choices.
    public let choiceStart: [Int]
    public let linear: LinearModel
    /// The constraint family of each row of `linear`, in row order.
    public let rowFamilies: [RowFamily]
    /// For funder `f` and plan year `y`, at `f × horizon + y − 1`: the smallest
    /// cost in that year of the eligible choices of `f` left out because they do
    /// not fit its budget (`fitsBudget`), +∞ when there are none. Budgets below
    /// it in every year leave all of them out (`ModelBuilder.rebudgeted(_:to:)`).
    public let leftOutCost: [Double]

    /// The column range of project `p`.
    public func choices(ofProject p: Int) -> Range<Int> {
        choiceStart[p] ..< choiceStart[p + 1]
    }

    /// Mandatory projects that have no choice at all: the scenario is infeasible
    /// whatever the budgets, and no solver is needed to say so.
    public var mandatoryWithoutChoice: [Int] {
        scenario.projects.indices.filter {
            scenario.projects[$0].mandatory && choices(ofProject: $0).isEmpty
        }
    }

    /// The decision that sets the given columns to 1.
    public func decision(fromColumns columns: [Int]) -> Decision {
        var decision = Decision(unfundedCount: scenario.projects.count)
        for j in columns {
            let c = choices[j]
            decision.assignments[c.project] = Decision.Assignment(funder: c.funder, start: c.start)
        }
        return decision
    }

    /// The columns a decision sets to 1; nil if some assignment is not a choice of the model.
    public func columns(of decision: Decision) -> [Int]? {
        var columns: [Int] = []
        for (p, assignment) in decision.assignments.enumerated() {
            guard let a = assignment else { continue }
            guard let j = column(ofProject: p, assignment: a) else { return nil }
            columns.append(j)
        }
        return columns
    }

    /// The column funding project `p` as `assignment` says; nil if that is no choice of the model.
    public func column(ofProject p: Int, assignment a: Decision.Assignment) -> Int? {
        choices(ofProject: p).first { choices[$0].funder == a.funder && choices[$0].start == a.start }
    }

    /// The columns of a decision's assignments that are choices of the model
    /// (the others are left out), for starting from another scenario's decision.
    public func matchingColumns(of decision: Decision) -> [Int] {
        decision.assignments.prefix(scenario.projects.count).enumerated().compactMap { p, assignment in
            assignment.flatMap { column(ofProject: p, assignment: $0) }
        }
    }

    /// The objective value of a decision, summed in column order.
    public func objective(of columns: [Int]) -> Double {
        linear.objectiveValue(ofColumns: columns.sorted())
    }
}
