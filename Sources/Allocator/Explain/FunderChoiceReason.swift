/// Why a funded project went to its funder and not to a lower level: a short
/// code and a sentence, read off the standings of the lower funders.
public struct FunderChoiceReason: Sendable, Equatable {
    /// `lowestAllowedLevel` (its funder is at the lowest level allowed for it),
    /// `noLowerFunder` (no funder at a lower level may fund it),
    /// `lowerCouldNot` (each eligible lower funder is too small, spent or at its project limit),
    /// `lowerHadRoom` (a lower funder had room for it; the sentence says why it may still be here).
    public var code: String
    public var explanation: String

    public init(code: String, explanation: String) {
        self.code = code
        self.explanation = explanation
    }

    /// The reason for the funded project of `e`; nil when `e`'s project is not funded.
    static func make(_ e: ProjectExplanation) -> FunderChoiceReason? {
        guard let a = e.assignment else { return nil }
        let s = e.scenario
        let project = s.projects[e.project]
        let funder = s.funders[a.funder]
        if let lowest = project.allowedLevels.min(), funder.level <= lowest {
            return FunderChoiceReason(
                code: "lowestAllowedLevel",
                explanation: "\(funder.id) is at the lowest level allowed for it (\(funder.level.name)).")
        }
        let lower = e.lowerFunders.filter(\.standing.isEligible)
        guard !lower.isEmpty else {
            return FunderChoiceReason(
                code: "noLowerFunder",
                explanation: e.lowerFunders.isEmpty
                    ? "No funder at a lower level serves its area."
                    : "No funder at a lower level may fund it (the rules are listed below).")
        }
        if let room = lower.first(where: { $0.standing.kind.code == "room" }) {
            let there = room.standing.value ?? 0
            let here = e.value ?? 0
            let lowerID = s.funders[room.funder].id
            if there <= here {
                return FunderChoiceReason(
                    code: "lowerHadRoom",
                    explanation: "\(lowerID) had room for it, but it is worth no more there "
                        + "(\(NumberFormat.fixed(there, decimals: 3)) against \(NumberFormat.fixed(here, decimals: 3)) at \(funder.id)).")
            }
            return FunderChoiceReason(
                code: "lowerHadRoom",
                explanation: "\(lowerID) had room for it and it would be worth a little more there "
                    + "(\(NumberFormat.fixed(there, decimals: 3)) against \(NumberFormat.fixed(here, decimals: 3))): "
                    + "the decision is only proven within mipGap \(NumberFormat.percent(e.mipGap, decimals: 3)) of the best, "
                    + "which allows such a move to be left undone, or a minimum strategy share or a requires link keeps it at \(funder.id).")
        }
        let parts = lower.map { f -> String in
            let id = s.funders[f.funder].id
            switch f.standing.kind {
            case .atCapacity(let limit): return "\(id) is at its project limit (\(limit))"
            case .noCapacity: return "\(id) has maxProjects 0"
            case .budgetFull(_, let year, let left, let needed):
                return "\(id) has \(NumberFormat.baht(max(0, left))) left in \(ProjectExplanation.yearLabel(year, s)) and it needs \(NumberFormat.baht(needed))"
            case .tooLarge(let year, _): return "it needs more than \(id)'s whole budget in \(ProjectExplanation.yearLabel(year, s))"
            default: return "\(id): \(f.standing.kind.code)"
            }
        }
        return FunderChoiceReason(
            code: "lowerCouldNot", explanation: "No lower level could take it: " + parts.joined(separator: "; ") + ".")
    }
}
