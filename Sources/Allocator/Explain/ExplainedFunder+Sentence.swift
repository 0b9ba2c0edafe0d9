/// A funder's standing toward a project in words, with its figures, for the
/// terminal and for the `explanation` of each funder in `--json`.
extension ExplainedFunder {
    /// One sentence (without a final stop) saying where this funder stands.
    func sentence(project p: Int, in s: Scenario) -> String {
        let project = s.projects[p]
        let funder = s.funders[funder]
        let cost = NumberFormat.baht(standing.totalCost)
        switch standing.kind {
        case .ineligible(let rules):
            return "not eligible: " + rules.map { rulePhrase($0, project: project, funder: funder) }.joined(separator: "; ")
        case .noStartYear:
            return "eligible, but the project has no start year within the \(s.horizon)-year horizon"
        case .tooLarge(let year, let budget):
            return "too large: in \(ProjectExplanation.yearLabel(year, s)) it needs more there than the funder's whole budget "
                + "of \(NumberFormat.baht(budget)) (it costs \(cost) in all)"
        case .noCapacity:
            return "its maxProjects is 0"
        case .atCapacity(let limit):
            return "at its project limit: it funds \(projects) of at most \(limit) projects" + comparison(s)
        case .budgetFull(_, let year, let left, let needed):
            return "money spent: \(NumberFormat.baht(max(0, left))) left in \(ProjectExplanation.yearLabel(year, s)), "
                + "it needs \(NumberFormat.baht(needed)) there" + comparison(s)
        case .room(let start):
            let k = start - 1
            return "had room: \(NumberFormat.baht(left[k])) left in \(ProjectExplanation.yearLabel(start, s)), "
                + "it needs \(NumberFormat.baht(standing.yearlyCost[0]))" + comparison(s)
        case .funds(let start):
            return "funds it from \(ProjectExplanation.yearLabel(start, s)), \(cost) baht" + comparison(s)
        }
    }

    /// The project's value per 1,000,000 baht here beside that of the projects the funder funds.
    private func comparison(_ s: Scenario) -> String {
        guard let own = valuePerBaht else { return "" }
        var text = "; value per 1M baht: this project \(Self.perMillion(own)) here"
        if let q = weakestProject, let weakest = weakestValuePerBaht {
            let others = projects - (standing.kind.code == "funds" ? 1 : 0)
            text += others == 1
                ? ", the other project it funds \(Self.perMillion(weakest)) (\(s.projects[q].id))"
                : ", the \(NumberFormat.grouped(others)) \(standing.kind.code == "funds" ? "other " : "")projects it funds from "
                    + "\(Self.perMillion(weakest)) (\(s.projects[q].id))"
        }
        return text
    }

    /// Value per baht shown per 1,000,000 baht, two decimals.
    static func perMillion(_ valuePerBaht: Double) -> String {
        NumberFormat.fixed(valuePerBaht * 1_000_000, decimals: 2)
    }

    /// What eligibility rule `rule` says about this funder and the project, with the figures.
    private func rulePhrase(_ rule: Eligibility, project: Project, funder: Funder) -> String {
        switch rule {
        case .outsideArea:
            return "it serves \(funder.area ?? "nationwide"), not \(project.area) or an area above it (area)"
        case .levelNotAllowed:
            return "level \(funder.level.name) may not fund it (level; allowed: "
                + project.allowedLevels.map(\.name).joined(separator: ", ") + ")"
        case .sectorNotInMandate:
            let mandate = (funder.sectors ?? []).joined(separator: ", ")
            return "its mandate (\(mandate)) does not cover " + (project.sector.map { "sector \($0)" } ?? "a project without sector")
                + " (sector)"
        case .overMaxProjectCost:
            return "it costs \(NumberFormat.baht(standing.totalCost)) there, more than its maxProjectCost "
                + "\(NumberFormat.baht(funder.maxProjectCost ?? 0)) (maxProjectCost)"
        case .noStrategyLink:
            return "\(funder.level.name) funds only projects linked to a provincial strategy (section 53/1), and it has none (no strategy link)"
        case .excluded:
            return "the project is excluded (excluded)"
        case .pinnedElsewhere:
            return "the project is pinned to \(project.funder ?? "") (pinned)"
        case .eligible:
            return "eligible"
        }
    }
}
