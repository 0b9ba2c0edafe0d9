/// The funder explanation as a budget officer reads it in a terminal: the
/// funder's money, what one more baht is worth each plan year and why, and what
/// the extra money funds in each re-solve, with how far the figures can be trusted.
extension FunderExplanation {
    /// Changed projects listed per re-solve; the rest are counted.
    static let listedChanges = 20

    public func text() -> String {
        let s = scenario
        let funder = s.funders[self.funder]
        var out = "\(s.name)\nDecision    "
            + ProjectExplanation.decisionLine(status: status, gap: gap, mipGap: mipGap, timeLimit: timeLimit) + "\n\n"
        out += funder.id + (funder.name.map { "  \($0)" } ?? "") + "\n"
        let area = funder.area.map { id in s.areas.first { $0.id == id }?.name.map { "\($0) (\(id))" } ?? id } ?? "nationwide"
        out += wrapped(
            "\(funder.level.name), area \(area); "
                + (funder.maxProjects.map { "maxProjects \($0); " } ?? "")
                + "funds \(NumberFormat.counted(projects, "project"))" + (funder.sectors.map { "; sectors " + $0.joined(separator: ", ") } ?? ""),
            indent: "  ")
        for y in 1 ... s.horizon {
            let budget = funder.budget[y - 1]
            out += "  \(ProjectExplanation.yearLabel(y, s)): budget \(NumberFormat.baht(budget)) baht, used \(NumberFormat.baht(used[y - 1])), "
                + "left \(NumberFormat.baht(budget - used[y - 1]))\n"
        }
        guard decision != nil else { return out }

        out += "\nWhat one more baht is worth here (its LP at the decision, every other choice held; docs/prices.md)\n"
        for price in prices {
            out += wrapped("\(ProjectExplanation.yearLabel(price.year, s)): " + sentence(price), indent: "  ")
        }
        guard let extra else {
            out += "\n" + wrapped(
                "No re-solve: more money here is worth nothing at this decision, so there is no marginal project to size "
                    + "extra money by; give --extra BAHT to re-solve with an amount anyway.", indent: "  ")
            return out
        }
        out += "\n" + extraHeading(extra) + "\n"
        if !resolves.isEmpty {
            out += resolveTable(extra)
            let withExtra = resolves.filter { $0.extra > 0 }
            for (k, resolve) in withExtra.enumerated() {
                if k > 0, resolve.changes == withExtra[k - 1].changes, resolve.decision == withExtra[k - 1].decision {
                    out += "\n  The whole scenario, \(NumberFormat.baht(resolve.extra)) baht more: the same changes.\n"
                } else {
                    out += changeList(resolve)
                }
            }
            if let comparison = comparison(extra) { out += "\n" + wrapped(comparison, indent: "  ") }
        }
        out += "\n" + wrapped(summary(), indent: "  ")
        return out
    }

    /// A choice as a reader finds it: "P-0017 ชื่อ (from 2571)".
    func label(_ c: Choice) -> String {
        let s = scenario
        let project = s.projects[c.project]
        return project.id + (project.name.map { " \($0)" } ?? "") + (s.horizon > 1 ? " from \(ProjectExplanation.yearLabel(c.start, s))" : "")
    }

    /// What one plan year's price means, in a sentence.
    func sentence(_ price: BudgetPrice) -> String {
        let s = scenario
        let f = s.funders[funder]
        let per = NumberFormat.fixed(price.perMillion, decimals: 3)
        let left = NumberFormat.baht(f.budget[price.year - 1] - used[price.year - 1])
        switch price.limit {
        case .budget:
            var text = "\(per) per 1M baht: money binds; the next baht buys part of "
            if let m = price.marginal {
                let c = model.choices[m]
                text += "\(label(c)) (worth \(NumberFormat.fixed(c.value, decimals: 3)) for \(NumberFormat.baht(c.totalCost)) baht here)"
            }
            if let d = price.displaced {
                let c = model.choices[d]
                text += " and gives up part of \(label(c)) (worth \(NumberFormat.fixed(c.value, decimals: 3)) for "
                    + "\(NumberFormat.baht(c.totalCost)) baht)"
            }
            if let range = price.range { text += "; the price holds for the next \(NumberFormat.baht(range)) baht" }
            return text + "."
        case .maxProjects:
            return "0: it funds as many projects as its maxProjects (\(f.maxProjects ?? 0)) allows, so more money alone "
                + "buys nothing (\(left) baht left)."
        case .otherYear(let year):
            return "0: what more money this year could fund also needs money in \(ProjectExplanation.yearLabel(year, s)), "
                + "which binds (\(left) baht left this year)."
        case .minShare(let k):
            let strategy = s.strategies[k]
            return "0: the minimum share of \(strategy.id)" + (strategy.name.map { " \($0)" } ?? "")
                + " (\(NumberFormat.percent(strategy.minShare, decimals: 1))) binds: what more money here could fund does "
                + "not serve it (\(left) baht left)."
        case .overlap(let group):
            return "0: what it could still fund is held by overlap group \(group), where a project is already funded "
                + "(\(left) baht left)."
        case .requires(let p, let q):
            return "0: what it could still fund waits on \(s.projects[p].id), which requires \(s.projects[q].id), not "
                + "funded (\(left) baht left)."
        case .nothingToFund:
            return "0: nothing more to fund: every project it may fund is funded, by it or another funder, or worth "
                + "nothing (\(left) baht left)."
        }
    }

    /// "With 100 baht more in 2570 (what B lacks beside the decision; --extra BAHT to choose)".
    func extraHeading(_ extra: ExtraMoney) -> String {
        let s = scenario
        var text = "With \(NumberFormat.baht(extra.amount)) baht more at \(s.funders[funder].id) in "
            + ProjectExplanation.yearsLabel(extra.years, s)
        let marginal = extra.marginal.map { s.projects[model.choices[$0].project].id } ?? ""
        switch extra.basis {
        case .given: text += " (--extra)"
        case .shortfall: text += " (what \(marginal) lacks beside the decision; --extra BAHT to choose)"
        case .range: text += " (the money over which the price holds, \(marginal) being funded or fitting so already; --extra BAHT to choose)"
        }
        return text
    }

    /// The money added in all: the amount in each of its years.
    func totalExtra(_ extra: ExtraMoney) -> Double { extra.amount * Double(extra.years.count) }

    private func resolveTable(_ extra: ExtraMoney) -> String {
        let s = scenario
        var table = TextTable(
            headers: ["re-solve", "status", "objective", "gain", "per 1M baht extra", "spent at \(s.funders[funder].id)", "gap"],
            alignments: [.left, .left, .right, .right, .right, .right, .right])
        for r in resolves {
            let what = (r.kind == .whole ? "whole scenario" : "\(s.funders[funder].id) alone")
                + (r.extra > 0 ? ", \(NumberFormat.baht(r.extra)) baht more" : ", its own budget")
            table.add([
                what, r.status.rawValue, r.objective.map { NumberFormat.fixed($0, decimals: 3) } ?? "-",
                r.gain.map { NumberFormat.fixed($0, decimals: 3) } ?? "-",
                r.extra > 0 ? gainPerMillion(r).map { NumberFormat.fixed($0, decimals: 3) } ?? "-" : "",
                r.spentAtFunder.map(NumberFormat.baht) ?? "-",
                r.gap.map { NumberFormat.percent($0, decimals: 3) } ?? "-",
            ])
        }
        return table.render()
    }

    private func changeList(_ r: FunderResolve) -> String {
        let s = scenario
        let who = r.kind == .whole ? "The whole scenario" : "\(s.funders[funder].id) alone"
        let all = r.changes.all
        guard !all.isEmpty else { return "\n  \(who), \(NumberFormat.baht(r.extra)) baht more: no project changes.\n" }
        var out = "\n  \(who), \(NumberFormat.baht(r.extra)) baht more: \(r.changes.newlyFunded.count) newly funded, "
            + "\(r.changes.dropped.count) dropped, \(r.changes.moved.count) moved\n"
        for (p, kind) in all.prefix(Self.listedChanges) {
            let project = s.projects[p]
            let name = project.id + (project.name.map { " \($0)" } ?? "")
            let before = decision?.assignments[p]
            let after = r.decision?.assignments[p]
            func place(_ a: Decision.Assignment) -> String {
                s.funders[a.funder].id + (s.horizon > 1 ? " from \(ProjectExplanation.yearLabel(a.start, s))" : "")
            }
            let line: String
            switch kind {
            case .newlyFunded:
                let cost = after.map { ModelBuilder.yearlyCost(of: project, at: s.funders[$0.funder]).reduce(0, +) } ?? 0
                line = "+ \(name): newly funded by \(after.map(place) ?? "?"), \(NumberFormat.baht(cost)) baht"
            case .dropped:
                line = "- \(name): dropped (was \(before.map(place) ?? "?"))"
            case .moved:
                line = "> \(name): \(before.map(place) ?? "?") → \(after.map(place) ?? "?")"
            }
            out += wrapped(line, indent: "    ")
        }
        if all.count > Self.listedChanges { out += "    ... and \(all.count - Self.listedChanges) more\n" }
        return out
    }

    /// The gain per baht of the re-solves set beside the price.
    private func comparison(_ extra: ExtraMoney) -> String? {
        let s = scenario
        guard let leading = Self.leading(prices, year: nil) ?? prices.first else { return nil }
        let id = s.funders[funder].id
        var parts: [(who: String, figures: String)] = []
        for r in resolves where r.extra > 0 {
            guard let gain = gainOfExtra(r), let perMillion = gainPerMillion(r) else { continue }
            var figures = "\(NumberFormat.fixed(perMillion, decimals: 3)) per 1M baht of the extra money"
            if let spent = spentOfExtra(r), spent > LinearModel.feasibilityTolerance {
                figures += " and \(NumberFormat.fixed(gain / spent * 1_000_000, decimals: 3)) per 1M baht of the "
                    + "\(NumberFormat.baht(spent)) baht \(id) newly spends"
            }
            let who = r.kind == .whole ? "the whole re-solve" : "\(id) alone"
            if let last = parts.last, last.figures == figures {
                parts[parts.count - 1].who = "both re-solves"
            } else {
                parts.append((who, figures))
            }
        }
        guard !parts.isEmpty else { return nil }
        return "The price is \(NumberFormat.fixed(leading.perMillion, decimals: 3)) per 1M baht "
            + "(\(ProjectExplanation.yearLabel(leading.year, s))); "
            + parts.map { "\($0.who) \($0.who == "both re-solves" ? "gain" : "gains") \($0.figures)" }.joined(separator: "; ") + ". "
            + "The price values projects as if they could be bought in part; a re-solve buys them whole, so its gain per baht "
            + "of extra money is higher when money left idle in the decision completes a project, and 0 when the extra "
            + "falls short of one."
    }

    /// How many re-solves were made, under which limits, and how far their gains can be trusted.
    public func summary() -> String {
        guard !resolves.isEmpty || cut != nil else {
            return "No re-solve was made (--resolves \(limits.resolves)): the prices are the LP's, not verified."
        }
        var text = "\(NumberFormat.counted(resolves.count, "re-solve")) (at most \(limits.resolves) within "
            + "\(NumberFormat.seconds(limits.totalTimeLimit)) s, each at most \(NumberFormat.seconds(resolveTimeLimit)) s)"
        switch cut {
        case .resolves?: text += "; the others were not made: --resolves allows \(limits.resolves)"
        case .time?: text += "; the others were not made: the time for re-solves ran out"
        case nil: break
        }
        text += ". "
        let alone = resolves.filter { $0.kind == .funderAlone }
        if !alone.isEmpty {
            text += alone.allSatisfy { $0.status == .optimal }
                ? "The funder alone, every other choice held, was solved to optimality each time: its gains are exact for that. "
                : "The funder alone was not always solved to optimality within its time: its gains are lower bounds. "
            if let base = baseline?.gain, base > 1e-9 * max(1, abs(objective ?? 0)) {
                text += "Even with its own budget it gains \(NumberFormat.fixed(base, decimals: 3)): the decision was "
                    + "not the best for this funder alone (the solve stopped within its gap); the figures per 1M baht of "
                    + "the funder alone leave that out, the gains in the table do not. "
            }
        }
        guard let whole = resolve(.whole), let gain = whole.gain else { return text }
        let before = gap.flatMap { g in objective.map { g * max(1e-9, abs($0)) } }
        if mipGap == 0, whole.status == .optimal, status == .optimal, (before ?? 0) <= 1e-9 * max(1, abs(objective ?? 0)) {
            return text + "The whole re-solve and the decision explained are both proven optimal: the whole gain is exact."
        }
        guard let before, let after = whole.absoluteGap else {
            return text + "The whole re-solve's gain is indicative only: a proven gap is unknown."
        }
        // More money never lowers the best value: the gain is at least 0.
        let low = max(0, gain - before), high = gain + after
        text += "The decision explained is proven within \(NumberFormat.fixed(before, decimals: 3)) of its best value and "
            + "the whole re-solve within \(NumberFormat.fixed(after, decimals: 3)), so the true gain of the extra money, "
            + "every funder free, lies between \(NumberFormat.fixed(low, decimals: 3)) and \(NumberFormat.fixed(high, decimals: 3))"
        if before + after >= abs(gain) {
            text += ": wider than the gain itself, so the whole re-solve's figures are indicative only; the funder-alone "
                + "figures are the ones to quote."
        } else {
            text += "."
        }
        return text
    }

    private func wrapped(_ text: String, indent: String) -> String {
        TextTable.wrap(text, width: ProjectExplanation.width - indent.count)
            .enumerated().map { k, line in indent + (k == 0 ? line : "  " + line) }.joined(separator: "\n") + "\n"
    }
}
