/// Why a project was not funded: a short code for result files and a sentence
/// a planning officer can read out to the community that proposed it.
public struct UnfundedReason: Sendable, Equatable {
    /// `noDecision`, `excluded`, `noStartYear`, `noEligibleFunder`, `overlap`, `requires` or `budget`.
    public var code: String
    public var explanation: String

    public init(code: String, explanation: String) {
        self.code = code
        self.explanation = explanation
    }

    /// The reason for each project of `model.scenario`, nil for funded ones.
    /// Checks, in order: no decision at all, excluded, no start year in the
    /// horizon, no eligible funder (counting the rule that excludes each
    /// funder), lost in an overlap group, a required project unfunded or
    /// ending too late, and otherwise budget or capacity taken by projects worth more per baht.
    public static func all(model: AllocationModel, decision: Decision?) -> [UnfundedReason?] {
        let s = model.scenario
        guard let decision else {
            return s.projects.map { _ in
                UnfundedReason(code: "noDecision", explanation: "No decision was returned for this scenario.")
            }
        }
        var fundedInGroup: [String: Int] = [:]
        for (p, project) in s.projects.enumerated() where decision.assignments[p] != nil {
            for group in project.overlaps where fundedInGroup[group] == nil { fundedInGroup[group] = p }
        }
        var use = FunderUse(count: Array(repeating: 0, count: s.funders.count),
                            used: Array(repeating: 0, count: s.funders.count * s.horizon))
        for (p, assignment) in decision.assignments.enumerated() {
            guard let a = assignment else { continue }
            use.count[a.funder] += 1
            let yearly = ModelBuilder.yearlyCost(of: s.projects[p], at: s.funders[a.funder])
            for (k, amount) in yearly.enumerated() where a.start - 1 + k < s.horizon {
                use.used[a.funder * s.horizon + a.start - 1 + k] += amount
            }
        }
        return s.projects.indices.map { p in
            decision.assignments[p] == nil
                ? reason(p, model: model, decision: decision, fundedInGroup: fundedInGroup, use: use)
                : nil
        }
    }

    /// Projects and money (per funder and plan year) taken by a decision.
    struct FunderUse {
        var count: [Int]
        var used: [Double]

        /// Whether choice `c` would still fit its funder's budget and project limit.
        func hasRoom(for c: Choice, in s: Scenario) -> Bool {
            let funder = s.funders[c.funder]
            if let limit = funder.maxProjects, count[c.funder] >= limit { return false }
            for (k, amount) in c.yearlyCost.enumerated() {
                let y = c.start - 1 + k
                let budget = funder.budget[y]
                if used[c.funder * s.horizon + y] + amount > budget + LinearModel.feasibilityTolerance * max(1, budget) {
                    return false
                }
            }
            return true
        }
    }

    private static func reason(
        _ p: Int, model: AllocationModel, decision: Decision, fundedInGroup: [String: Int], use: FunderUse?
    ) -> UnfundedReason {
        let s = model.scenario
        let project = s.projects[p]
        if project.exclude {
            return UnfundedReason(code: "excluded", explanation: "The scenario excludes it (exclude: true).")
        }
        if ModelBuilder.startYears(of: project, horizon: s.horizon).isEmpty {
            return UnfundedReason(
                code: "noStartYear",
                explanation: "It cannot start and finish within the \(s.horizon)-year horizon "
                    + "(earliest start \(project.earliestStart), duration \(project.duration)).")
        }
        let choices = model.choices(ofProject: p)
        guard !choices.isEmpty, let use else {
            let tooSmall = eligibleFunders(p, model: model)
            if !tooSmall.isEmpty {
                return UnfundedReason(
                    code: "budget",
                    explanation: "It costs more in some year than the whole yearly budget (or project limit) of every funder that may fund it: "
                        + list(tooSmall.map { s.funders[$0].id }) + ".")
            }
            return UnfundedReason(code: "noEligibleFunder", explanation: noFunderSentence(p, model: model))
        }
        if choices.allSatisfy({ model.choices[$0].value <= 0 }) {
            return UnfundedReason(
                code: "noValue", explanation: "Funding it adds no value to the plan (its priority, or valueAt, is 0).")
        }
        for group in project.overlaps {
            if let winner = fundedInGroup[group] {
                return UnfundedReason(
                    code: "overlap",
                    explanation: "It duplicates \(s.projects[winner].id) in overlap group \"\(group)\", which is funded instead.")
            }
        }
        for required in project.requires {
            guard let q = model.index.projectIndex[required] else { continue }
            if decision.assignments[q] == nil {
                return UnfundedReason(
                    code: "requires", explanation: "It requires \(required), which is not funded.")
            }
        }
        if let room = choices.first(where: { use.hasRoom(for: model.choices[$0], in: s) }) {
            let c = model.choices[room]
            return UnfundedReason(
                code: "notChosen",
                explanation: "\(s.funders[c.funder].id) had room for it (start year \(c.start)), but it was not chosen: "
                    + "funding it there would break a minimum strategy share or a requires link, "
                    + "or the search stopped (time limit or mipGap) before trying it.")
        }
        var full: [String] = []
        var atCapacity: [String] = []
        var seen = Set<Int>()
        for j in choices where seen.insert(model.choices[j].funder).inserted {
            let f = model.choices[j].funder
            let funder = s.funders[f]
            if let limit = funder.maxProjects, use.count[f] >= limit {
                atCapacity.append(funder.id)
            } else {
                full.append(funder.id)
            }
        }
        var sentence = "Its eligible funders' money went to projects worth more per baht"
        if !full.isEmpty { sentence += " (budget: \(list(full)))" }
        if !atCapacity.isEmpty { sentence += "; at their project limit: \(list(atCapacity))" }
        if project.requires.isEmpty == false, s.horizon > 1 {
            sentence += "; its required projects may also end too late for it to start"
        }
        return UnfundedReason(code: "budget", explanation: sentence + ".")
    }

    /// Funders that pass every eligibility rule for project `p` (its choices may
    /// still have been left out because the project alone exceeds their budget).
    private static func eligibleFunders(_ p: Int, model: AllocationModel) -> [Int] {
        let s = model.scenario
        let project = s.projects[p]
        guard let area = model.index.areaIndex[project.area] else { return [] }
        return model.index.fundersServing(area: area).filter { f in
            let total = ModelBuilder.yearlyCost(of: project, at: s.funders[f]).reduce(0, +)
            return Eligibility.check(
                project: project, funder: s.funders[f], servesArea: true, totalCost: total, policy: s.policy) == .eligible
        }
    }

    private static func noFunderSentence(_ p: Int, model: AllocationModel) -> String {
        let s = model.scenario
        let project = s.projects[p]
        let serving = model.index.areaIndex[project.area].map { model.index.fundersServing(area: $0) } ?? []
        var tally: [(rule: Eligibility, count: Int)] = []
        if s.funders.count > serving.count { tally.append((.outsideArea, s.funders.count - serving.count)) }
        for f in serving {
            let funder = s.funders[f]
            let total = ModelBuilder.yearlyCost(of: project, at: funder).reduce(0, +)
            let rule = Eligibility.check(
                project: project, funder: funder, servesArea: true, totalCost: total, policy: s.policy)
            if let k = tally.firstIndex(where: { $0.rule == rule }) {
                tally[k].count += 1
            } else {
                tally.append((rule, 1))
            }
        }
        let order: [Eligibility] = [
            .excluded, .pinnedElsewhere, .levelNotAllowed, .sectorNotInMandate, .overMaxProjectCost,
            .noStrategyLink, .outsideArea,
        ]
        let parts = order.compactMap { rule -> String? in
            guard let n = tally.first(where: { $0.rule == rule })?.count else { return nil }
            let phrase: String
            switch rule {
            case .outsideArea: phrase = "outside its area"
            case .levelNotAllowed:
                phrase = project.levels == nil && project.selfReliant
                    ? "not a community funder (a self-reliant project is funded by its community)"
                    : "level not allowed for it"
            case .sectorNotInMandate: phrase = "sector mandate without \(project.sector ?? "projects that have no sector")"
            case .overMaxProjectCost: phrase = "it costs more than the funder's maxProjectCost"
            case .noStrategyLink: phrase = "funds only projects linked to a provincial strategy, and it has none"
            case .excluded: phrase = "the project is excluded"
            case .pinnedElsewhere: phrase = "not its pinned funder \(project.funder ?? "")"
            case .eligible: return nil
            }
            return "\(phrase) (\(NumberFormat.counted(n, "funder")))"
        }
        if s.funders.isEmpty { return "No funder may fund it: the scenario has no funders." }
        return "No funder may fund it: " + parts.joined(separator: "; ") + "."
    }

    /// Why project `p`, which has no choice in the model, cannot be funded
    /// whatever the decision: excluded, no start year, too large for every
    /// eligible funder's yearly budget, or no eligible funder.
    public static func unfundable(_ p: Int, model: AllocationModel) -> UnfundedReason {
        let noDecision = Decision(unfundedCount: model.scenario.projects.count)
        return reason(p, model: model, decision: noDecision, fundedInGroup: [:], use: nil)
    }

    private static func list(_ ids: [String]) -> String {
        ids.count <= 4 ? ids.joined(separator: ", ") : ids.prefix(4).joined(separator: ", ") + " and \(ids.count - 4) more"
    }
}
