/// Where one funder stands toward one project in a decision: it may not fund
/// it (and by which eligibility rules), the project is too large for its whole
/// budget, it is at its project limit, its money is spent, it had room, or it
/// funds it. The per-funder detail behind every reason and every "why that funder".
public struct FunderStanding: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Eligibility rules exclude it; every rule that does, in the spec's order.
        case ineligible([Eligibility])
        /// Eligible, but the project has no start year that lets it finish within the horizon.
        case noStartYear
        /// Eligible, but no allowed start year lets the project fit the funder's whole
        /// yearly budget, so no decision can give it the project: starting in its
        /// earliest start year, it costs more there in plan year `year` than `budget`.
        case tooLarge(year: Int, budget: Double)
        /// Eligible, but its `maxProjects` is 0.
        case noCapacity
        /// It funds as many projects as its `maxProjects` allows in this decision.
        case atCapacity(limit: Int)
        /// Its money is spent: at the start year where the least is missing, plan
        /// year `year` has `left` baht left and the project needs `needed` there.
        case budgetFull(start: Int, year: Int, left: Double, needed: Double)
        /// It had room for the project starting in plan year `start`.
        case room(start: Int)
        /// It funds the project, from plan year `start`.
        case funds(start: Int)

        /// Short code used in result files: `ineligible`, `noStartYear`, `tooLarge`, `atCapacity`
        /// (also for `maxProjects` 0), `budgetFull`, `room`, `funds`.
        public var code: String {
            switch self {
            case .ineligible: "ineligible"
            case .noStartYear: "noStartYear"
            case .tooLarge: "tooLarge"
            case .noCapacity, .atCapacity: "atCapacity"
            case .budgetFull: "budgetFull"
            case .room: "room"
            case .funds: "funds"
            }
        }
    }

    /// Index into `Scenario.funders`.
    public var funder: Int
    public var kind: Kind
    /// The project's cost at this funder in each year of its duration (after `costAt`).
    public var yearlyCost: [Double]
    /// The best `value(p, f, t)` of the project at this funder over its choices; nil when it has none.
    public var value: Double?

    /// The project's cost at this funder over all years.
    public var totalCost: Double { yearlyCost.reduce(0, +) }

    /// Whether all six eligibility rules let this funder fund the project.
    public var isEligible: Bool {
        if case .ineligible = kind { return false }
        return true
    }

    /// The funders that may be asked about project `p`: those whose area is
    /// `p`'s area or an ancestor (rule 1) and nationwide ones, plus its pinned
    /// funder wherever it is; in escalation order (level, then scenario order).
    /// `outsideArea` counts the other funders, which all fail rule 1.
    static func candidates(of p: Int, model: AllocationModel) -> (funders: [Int], outsideArea: Int) {
        let s = model.scenario
        let project = s.projects[p]
        var funders = model.index.areaIndex[project.area].map { model.index.fundersServing(area: $0) } ?? []
        if let pinned = project.funder.flatMap({ model.index.funderIndex[$0] }), !funders.contains(pinned) {
            funders.append(pinned)
        }
        funders.sort { a, b in s.funders[a].level != s.funders[b].level ? s.funders[a].level < s.funders[b].level : a < b }
        return (funders, s.funders.count - funders.count)
    }

    /// The standing of every candidate funder of project `p` (see `candidates`) in `decision`.
    ///
    /// - Complexity: O(candidates × (duration + choices of `p`)).
    static func all(of p: Int, model: AllocationModel, decision: Decision?, load: FunderLoad) -> (standings: [FunderStanding], outsideArea: Int) {
        let (funders, outside) = candidates(of: p, model: model)
        return (funders.map { standing(of: p, at: $0, model: model, decision: decision, load: load) }, outside)
    }

    /// The standing of funder `f` toward project `p` in `decision`.
    static func standing(of p: Int, at f: Int, model: AllocationModel, decision: Decision?, load: FunderLoad) -> FunderStanding {
        let s = model.scenario
        let project = s.projects[p]
        let funder = s.funders[f]
        let yearly = ModelBuilder.yearlyCost(of: project, at: funder)
        let lineage = model.index.areaIndex[project.area].map { model.index.lineage(ofArea: $0) } ?? []
        let serves = funder.area.map { model.index.areaIndex[$0].map(lineage.contains) ?? false } ?? true
        let rules = Eligibility.failures(
            project: project, funder: funder, servesArea: serves, totalCost: yearly.reduce(0, +), policy: s.policy)
        guard rules.isEmpty else { return FunderStanding(funder: f, kind: .ineligible(rules), yearlyCost: yearly, value: nil) }
        let choices = model.choices(ofProject: p).filter { model.choices[$0].funder == f }
        let value = choices.map { model.choices[$0].value }.max()
        func standing(_ kind: Kind) -> FunderStanding { FunderStanding(funder: f, kind: kind, yearlyCost: yearly, value: value) }
        if let a = decision?.assignments[p], a.funder == f { return standing(.funds(start: a.start)) }
        guard let start = ModelBuilder.startYears(of: project, horizon: s.horizon).first else {
            return standing(.noStartYear)
        }
        if funder.maxProjects == 0 { return standing(.noCapacity) }
        guard let first = choices.first else {
            let k = yearly.indices.first { !fitsBudget([yearly[$0]], from: start + $0, budget: funder.budget) } ?? 0
            return standing(.tooLarge(year: start + k, budget: funder.budget[start + k - 1]))
        }
        if let limit = funder.maxProjects, load.count[f] >= limit { return standing(.atCapacity(limit: limit)) }
        var best: (start: Int, year: Int, amount: Double)?
        for j in choices {
            let c = model.choices[j]
            let missing = load.shortfall(c.yearlyCost, at: f, start: c.start, in: s)
            if missing.amount == 0 { return standing(.room(start: c.start)) }
            if best == nil || missing.amount < best!.amount { best = (c.start, missing.year, missing.amount) }
        }
        let b = best ?? (model.choices[first].start, model.choices[first].start, 0)
        return standing(.budgetFull(
            start: b.start, year: b.year, left: load.left(f, year: b.year, in: s), needed: yearly[b.year - b.start]))
    }
}
