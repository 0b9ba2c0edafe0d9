/// The reason a project was not funded together with the facts behind it:
/// where each candidate funder stands, the project that won its overlap
/// group, the required project left unfunded. result.json writes these beside
/// the reason; `allocate explain` shows them and goes further.
public struct UnfundedDetail: Sendable, Equatable {
    public var reason: UnfundedReason
    /// The standing of each funder whose area is the project's area or an
    /// ancestor (and of its pinned funder), in escalation order; filled for
    /// `noEligibleFunder`, `budget` and `notChosen`, empty for the other codes.
    public var standings: [FunderStanding]
    /// How many other funders there are, all outside its area (rule 1); 0 when `standings` is empty.
    public var outsideArea: Int
    /// For `overlap`: the group and the funded project that won it.
    public var overlap: (group: String, winner: Int)?
    /// For `requires`: the required project that is not funded.
    public var missingRequirement: Int?

    public init(
        reason: UnfundedReason, standings: [FunderStanding] = [], outsideArea: Int = 0,
        overlap: (group: String, winner: Int)? = nil, missingRequirement: Int? = nil
    ) {
        self.reason = reason
        self.standings = standings
        self.outsideArea = outsideArea
        self.overlap = overlap
        self.missingRequirement = missingRequirement
    }

    public static func == (a: UnfundedDetail, b: UnfundedDetail) -> Bool {
        a.reason == b.reason && a.standings == b.standings && a.outsideArea == b.outsideArea
            && a.overlap?.group == b.overlap?.group && a.overlap?.winner == b.overlap?.winner
            && a.missingRequirement == b.missingRequirement
    }

    /// The detail for each project of `model.scenario`, nil for funded ones.
    /// Checks, in order: no decision at all, excluded, no start year in the
    /// horizon, no eligible funder (naming the rules that exclude each funder),
    /// lost in an overlap group, a required project unfunded, and otherwise
    /// budget or capacity taken by projects worth more per baht (or, when an
    /// eligible funder had room, not chosen).
    ///
    /// - Complexity: O(unfunded projects × (candidate funders × duration + choices)).
    public static func all(model: AllocationModel, decision: Decision?) -> [UnfundedDetail?] {
        let s = model.scenario
        guard let decision else {
            return s.projects.map { _ in
                UnfundedDetail(reason: UnfundedReason(code: "noDecision", explanation: "No decision was returned for this scenario."))
            }
        }
        var fundedInGroup: [String: Int] = [:]
        for (p, project) in s.projects.enumerated() where decision.assignments[p] != nil {
            for group in project.overlaps where fundedInGroup[group] == nil { fundedInGroup[group] = p }
        }
        let load = FunderLoad(scenario: s, decision: decision)
        return s.projects.indices.map { p in
            decision.assignments[p] == nil
                ? detail(p, model: model, decision: decision, fundedInGroup: fundedInGroup, load: load)
                : nil
        }
    }

    /// Why project `p`, which has no choice in the model, cannot be funded whatever the decision.
    static func unfundable(_ p: Int, model: AllocationModel) -> UnfundedDetail {
        detail(p, model: model, decision: nil, fundedInGroup: [:], load: nil)
    }

    /// The detail of unfunded project `p`; `load` nil when there is no decision to compare with.
    private static func detail(
        _ p: Int, model: AllocationModel, decision: Decision?, fundedInGroup: [String: Int], load: FunderLoad?
    ) -> UnfundedDetail {
        let s = model.scenario
        let project = s.projects[p]
        if project.exclude {
            return UnfundedDetail(reason: UnfundedReason(code: "excluded", explanation: "The scenario excludes it (exclude: true)."))
        }
        if ModelBuilder.startYears(of: project, horizon: s.horizon).isEmpty {
            return UnfundedDetail(reason: UnfundedReason(
                code: "noStartYear",
                explanation: "It cannot start and finish within the \(s.horizon)-year horizon "
                    + "(earliest start \(project.earliestStart), duration \(project.duration))."))
        }
        let choices = model.choices(ofProject: p)
        let (standings, outside) = FunderStanding.all(
            of: p, model: model, decision: decision, load: load ?? FunderLoad(scenario: s, decision: nil))
        func with(_ code: String, _ sentence: String) -> UnfundedDetail {
            UnfundedDetail(reason: UnfundedReason(code: code, explanation: sentence), standings: standings, outsideArea: outside)
        }
        guard !choices.isEmpty, let load, let decision else {
            let tooSmall = standings.filter(\.isEligible).map(\.funder).sorted()
            if !tooSmall.isEmpty {
                return with("budget",
                    "It costs more in some year than the whole yearly budget (or project limit) of every funder that may fund it: "
                        + UnfundedReason.list(tooSmall.map { s.funders[$0].id }) + ".")
            }
            return with("noEligibleFunder", UnfundedReason.noFunderSentence(p, model: model, standings: standings, outsideArea: outside))
        }
        if choices.allSatisfy({ model.choices[$0].value <= 0 }) {
            return UnfundedDetail(reason: UnfundedReason(
                code: "noValue", explanation: "Funding it adds no value to the plan (its priority, or valueAt, is 0)."))
        }
        for group in project.overlaps {
            if let winner = fundedInGroup[group] {
                return UnfundedDetail(
                    reason: UnfundedReason(
                        code: "overlap",
                        explanation: "It duplicates \(s.projects[winner].id) in overlap group \"\(group)\", which is funded instead."),
                    overlap: (group, winner))
            }
        }
        for required in project.requires {
            guard let q = model.index.projectIndex[required] else { continue }
            if decision.assignments[q] == nil {
                return UnfundedDetail(
                    reason: UnfundedReason(code: "requires", explanation: "It requires \(required), which is not funded."),
                    missingRequirement: q)
            }
        }
        if let room = choices.first(where: { load.hasRoom(for: model.choices[$0], in: s) }) {
            let c = model.choices[room]
            return with("notChosen",
                "\(s.funders[c.funder].id) had room for it (start year \(c.start)), but it was not chosen: "
                    + "funding it there would break a minimum strategy share or a requires link, "
                    + "or the search stopped (time limit or mipGap) before trying it.")
        }
        var full: [Int] = []
        var atCapacity: [Int] = []
        for standing in standings {
            switch standing.kind {
            case .budgetFull: full.append(standing.funder)
            case .atCapacity: atCapacity.append(standing.funder)
            default: break
            }
        }
        var sentence = "Its eligible funders' money went to projects worth more per baht"
        if !full.isEmpty { sentence += " (budget: \(UnfundedReason.list(full.sorted().map { s.funders[$0].id })))" }
        if !atCapacity.isEmpty { sentence += "; at their project limit: \(UnfundedReason.list(atCapacity.sorted().map { s.funders[$0].id }))" }
        if project.requires.isEmpty == false, s.horizon > 1 {
            sentence += "; its required projects may also end too late for it to start"
        }
        return with("budget", sentence + ".")
    }
}
