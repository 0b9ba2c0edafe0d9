/// Why a project was not funded: a short code for result files and a sentence
/// a planning officer can read out to the community that proposed it.
public struct UnfundedReason: Sendable, Equatable {
    /// `noDecision`, `excluded`, `noStartYear`, `noEligibleFunder`, `noValue`,
    /// `overlap`, `requires`, `budget` or `notChosen`.
    public var code: String
    public var explanation: String

    public init(code: String, explanation: String) {
        self.code = code
        self.explanation = explanation
    }

    /// The reason for each project of `model.scenario`, nil for funded ones
    /// (the `reason` of each `UnfundedDetail.all`).
    public static func all(model: AllocationModel, decision: Decision?) -> [UnfundedReason?] {
        UnfundedDetail.all(model: model, decision: decision).map { $0?.reason }
    }

    /// Why project `p`, which has no choice in the model, cannot be funded
    /// whatever the decision: excluded, no start year, too large for every
    /// eligible funder's yearly budget, or no eligible funder.
    public static func unfundable(_ p: Int, model: AllocationModel) -> UnfundedReason {
        UnfundedDetail.unfundable(p, model: model).reason
    }

    /// The sentence of `noEligibleFunder`: for each eligibility rule, the
    /// funders it is the first to exclude (counted, and named up to four).
    static func noFunderSentence(_ p: Int, model: AllocationModel, standings: [FunderStanding], outsideArea: Int) -> String {
        let s = model.scenario
        if s.funders.isEmpty { return "No funder may fund it: the scenario has no funders." }
        let project = s.projects[p]
        var named: [(rule: Eligibility, funders: [String])] = []
        var outside = outsideArea
        for standing in standings {
            guard case .ineligible(let rules) = standing.kind, let rule = rules.first else { continue }
            if rule == .outsideArea {
                outside += 1
            } else if let k = named.firstIndex(where: { $0.rule == rule }) {
                named[k].funders.append(s.funders[standing.funder].id)
            } else {
                named.append((rule, [s.funders[standing.funder].id]))
            }
        }
        let order: [Eligibility] = [
            .excluded, .pinnedElsewhere, .levelNotAllowed, .sectorNotInMandate, .overMaxProjectCost, .noStrategyLink,
        ]
        var parts = order.compactMap { rule -> String? in
            guard let ids = named.first(where: { $0.rule == rule })?.funders else { return nil }
            return "\(phrase(rule, project: project)) (\(NumberFormat.counted(ids.count, "funder")): \(list(ids)))"
        }
        if outside > 0 { parts.append("\(phrase(.outsideArea, project: project)) (\(NumberFormat.counted(outside, "funder")))") }
        return "No funder may fund it: " + parts.joined(separator: "; ") + "."
    }

    /// What eligibility rule `rule` says about `project`, as a short phrase.
    static func phrase(_ rule: Eligibility, project: Project) -> String {
        switch rule {
        case .outsideArea: "outside its area"
        case .levelNotAllowed:
            project.levels == nil && project.selfReliant
                ? "not a community funder (a self-reliant project is funded by its community)"
                : "level not allowed for it"
        case .sectorNotInMandate: "sector mandate without \(project.sector ?? "projects that have no sector")"
        case .overMaxProjectCost: "it costs more than the funder's maxProjectCost"
        case .noStrategyLink: "funds only projects linked to a provincial strategy, and it has none"
        case .excluded: "the project is excluded"
        case .pinnedElsewhere: "not its pinned funder \(project.funder ?? "")"
        case .eligible: "eligible"
        }
    }

    /// Up to four ids, then how many more.
    static func list(_ ids: [String]) -> String {
        ids.count <= 4 ? ids.joined(separator: ", ") : ids.prefix(4).joined(separator: ", ") + " and \(ids.count - 4) more"
    }
}
