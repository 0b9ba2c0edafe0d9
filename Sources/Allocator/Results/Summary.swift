/// The terminal summary of a result, for a planning officer: status and gap,
/// what each level funds, the most and least used funders, strategy shares,
/// and why projects were left unfunded.
public enum Summary {
    public static func text(_ result: AllocationResult, model: AllocationModel, figures: ResultFigures) -> String {
        let s = model.scenario
        var out = "\(s.name)\n"
        out += "Status      \(statusLine(result))\n"
        if let objective = result.objective {
            out += "Objective   \(NumberFormat.fixed(objective, decimals: 3))"
            if let bound = result.bound { out += "   (bound \(NumberFormat.fixed(bound, decimals: 3)))" }
            out += "\n"
        }
        let totalBudget = s.funders.reduce(0.0) { $0 + $1.budget.reduce(0, +) }
        let requested = s.projects.reduce(0.0) { $0 + $1.cost.total }
        out += "Projects    \(NumberFormat.grouped(figures.fundedCount)) of \(NumberFormat.grouped(s.projects.count)) funded, "
            + "\(NumberFormat.grouped(s.projects.count - figures.fundedCount)) unfunded\n"
        out += "Money       \(NumberFormat.baht(figures.fundedCost)) baht funded of \(NumberFormat.baht(requested)) requested; "
            + "budgets \(NumberFormat.baht(totalBudget))\n"
        guard result.decision != nil else {
            if !result.mandatoryWithoutChoice.isEmpty {
                out += "\nMandatory projects that cannot be funded:\n"
                for p in result.mandatoryWithoutChoice.prefix(10) {
                    out += "  \(s.projects[p].id)  \(s.projects[p].name ?? "")\n"
                    out += "    \(UnfundedReason.unfundable(p, model: model).explanation)\n"
                }
                if result.mandatoryWithoutChoice.count > 10 {
                    out += "  ... and \(result.mandatoryWithoutChoice.count - 10) more\n"
                }
            }
            if let diagnosis = result.infeasibility {
                out += "\nRules that cannot all hold together (the least that must give way"
                out += diagnosis.proven ? "):\n" : "; the search for the least was cut short by its time limit):\n"
                for conflict in diagnosis.conflicts { out += "  \(conflict.explanation)\n" }
            }
            return out
        }

        out += "\nFunded per level\n"
        var levels = TextTable(
            headers: ["level", "projects", "funded (baht)", "budget (baht)", "used"],
            alignments: [.left, .right, .right, .right, .right])
        for l in figures.levels {
            levels.add([
                l.level.name, NumberFormat.grouped(l.projects), NumberFormat.baht(l.cost), NumberFormat.baht(l.budget),
                l.budget > 0 ? NumberFormat.percent(l.cost / l.budget, decimals: 1) : "-",
            ])
        }
        out += levels.render()

        let usage: [(f: Int, share: Double)] = s.funders.indices.compactMap { f in
            let budget = s.funders[f].budget.reduce(0, +)
            guard budget > 0 else { return nil }
            return (f, figures.funders[f].usedTotal / budget)
        }
        let ranked = usage.sorted { $0.share != $1.share ? $0.share > $1.share : $0.f < $1.f }
        let shown = min(5, ranked.count / 2 + ranked.count % 2)
        if shown > 0 {
            out += "\nMost used funders\n" + funderTable(ranked.prefix(shown).map(\.f), s, figures).render()
            let least = Array(ranked.suffix(min(5, ranked.count - shown)).reversed())
            if !least.isEmpty {
                out += "\nLeast used funders\n" + funderTable(least.map(\.f), s, figures).render()
            }
        }

        if !s.strategies.isEmpty {
            out += "\nStrategies (share of money funded)\n"
            var table = TextTable(
                headers: ["strategy", "name", "funded (baht)", "share", "minimum"],
                alignments: [.left, .left, .right, .right, .right])
            for (k, share) in figures.strategies.enumerated() {
                let strategy = s.strategies[k]
                table.add([
                    strategy.id, strategy.name ?? "", NumberFormat.baht(share.fundedCost),
                    NumberFormat.percent(share.share, decimals: 1),
                    strategy.minShare > 0 ? NumberFormat.percent(strategy.minShare, decimals: 1) : "-",
                ])
            }
            out += table.render()
        }

        var reasonCounts: [(code: String, count: Int)] = []
        for reason in figures.reasons.compactMap({ $0 }) {
            if let k = reasonCounts.firstIndex(where: { $0.code == reason.code }) {
                reasonCounts[k].count += 1
            } else {
                reasonCounts.append((reason.code, 1))
            }
        }
        if !reasonCounts.isEmpty {
            out += "\nUnfunded projects by reason\n"
            var table = TextTable(headers: ["reason", "projects"], alignments: [.left, .right])
            for r in reasonCounts.sorted(by: { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }) {
                table.add([r.code, NumberFormat.grouped(r.count)])
            }
            out += table.render()
        }
        return out + pricesSection(result, model: model)
    }

    static func statusLine(_ r: AllocationResult) -> String {
        var line = r.status.rawValue
        if let gap = r.gap {
            line += ", proven gap \(NumberFormat.percent(gap, decimals: 3)) (target \(NumberFormat.percent(r.mipGap, decimals: 3)))"
        } else if r.status.hasDecision {
            line += ", gap unknown (no bound proven)"
        }
        switch r.termination {
        case .timeLimit: line += "; stopped at the time limit of \(NumberFormat.seconds(r.timeLimit)) s"
        case .workLimit:
            line += "; stopped at the work limit of \(NumberFormat.grouped(Int(r.workLimit.rounded()))) units (the same on every run)"
        case .searchStalled: line += "; the search could improve neither the decision nor the bound further"
        case .trivialInfeasible: line += ": a mandatory project cannot be funded by any funder"
        case .interrupted: line += "; interrupted (Ctrl-C): the best decision found until then"
        default: break
        }
        return line
    }

    private static func funderTable(_ funders: [Int], _ s: Scenario, _ figures: ResultFigures) -> TextTable {
        var table = TextTable(
            headers: ["funder", "name", "level", "projects", "used (baht)", "budget (baht)", "used"],
            alignments: [.left, .left, .left, .right, .right, .right, .right])
        for f in funders {
            let funder = s.funders[f]
            let budget = funder.budget.reduce(0, +)
            table.add([
                funder.id, funder.name ?? "", funder.level.name, NumberFormat.grouped(figures.funders[f].projects),
                NumberFormat.baht(figures.funders[f].usedTotal), NumberFormat.baht(budget),
                NumberFormat.percent(figures.funders[f].usedTotal / budget, decimals: 1),
            ])
        }
        return table
    }
}
