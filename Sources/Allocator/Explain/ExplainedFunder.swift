/// One funder of a project's area as `allocate explain` shows it: its standing
/// toward the project, what the decision leaves it, and how the project
/// compares with the least valuable project (per baht) it funds.
public struct ExplainedFunder: Sendable, Equatable {
    public var standing: FunderStanding
    /// Money it has left in each plan year of the decision.
    public var left: [Double]
    /// Projects it funds in the decision.
    public var projects: Int
    /// The project's value here, `value(p, f, t)` at its best start year (its
    /// earliest when it is too large here); nil when it is not eligible here.
    public var value: Double?
    /// `value` per baht of its cost at this funder.
    public var valuePerBaht: Double?
    /// Among the projects it funds, the one with the least value per baht, and that value per baht.
    public var weakestProject: Int?
    public var weakestValuePerBaht: Double?

    public var funder: Int { standing.funder }

    /// The view of `standing` in `decision`.
    ///
    /// - Complexity: O(projects) to find the weakest funded project.
    static func make(_ standing: FunderStanding, project p: Int, model: AllocationModel, decision: Decision, load: FunderLoad) -> ExplainedFunder {
        let s = model.scenario
        let f = standing.funder
        var weakest: (project: Int, ratio: Double)?
        for (q, assignment) in decision.assignments.enumerated() where q != p {
            guard let a = assignment, a.funder == f else { continue }
            let value = model.column(ofProject: q, assignment: a).map { model.choices[$0].value } ?? 0
            let ratio = value / max(ModelBuilder.yearlyCost(of: s.projects[q], at: s.funders[f]).reduce(0, +), 1e-9)
            if weakest == nil || ratio < weakest!.ratio { weakest = (q, ratio) }
        }
        var value: Double?
        if standing.isEligible {
            let start = ModelBuilder.startYears(of: s.projects[p], horizon: s.horizon).first ?? 1
            value = standing.value ?? ChangeEstimate.value(of: p, at: f, start: start, model: model)
        }
        return ExplainedFunder(
            standing: standing, left: (1 ... s.horizon).map { load.left(f, year: $0, in: s) }, projects: load.count[f],
            value: value, valuePerBaht: value.map { $0 / max(standing.totalCost, 1e-9) },
            weakestProject: weakest?.project, weakestValuePerBaht: weakest?.ratio)
    }
}
