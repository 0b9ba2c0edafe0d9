/// The explanation as a planning officer reads it in a terminal: the project,
/// the decision, the reason (or why its funder), the funders of its area with
/// their standing, and the smallest changes found, with how they were verified.
/// Money in whole baht; names as the scenario gives them.
extension ProjectExplanation {
    /// How plan year `t` is shown: its fiscal year when the scenario gives one, else "plan year t".
    static func yearLabel(_ t: Int, _ s: Scenario) -> String {
        s.fiscalYear.map { String($0 + t - 1) } ?? "plan year \(t)"
    }

    /// Plan years `a...b` as `yearLabel` shows them.
    static func yearsLabel(_ years: ClosedRange<Int>, _ s: Scenario) -> String {
        years.count == 1 ? yearLabel(years.lowerBound, s) : "each of \(yearLabel(years.lowerBound, s))-\(yearLabel(years.upperBound, s))"
    }

    /// Terminal columns of a wrapped sentence.
    static let width = 96

    public func text() -> String {
        let s = scenario
        let project = s.projects[self.project]
        var out = "\(s.name)\n"
        out += "Decision    \(decisionLine())\n\n"
        out += project.id + (project.name.map { "  \($0)" } ?? "") + "\n"
        out += wrapped(facts(), indent: "  ")

        if let a = assignment {
            let funder = s.funders[a.funder]
            out += "\nFunded by \(funder.id)" + (funder.name.map { " \($0)" } ?? "") + " (\(funder.level.name)) from "
                + "\(Self.yearLabel(a.start, s)): \(NumberFormat.baht(ModelBuilder.yearlyCost(of: project, at: funder).reduce(0, +))) baht"
                + (value.map { ", worth \(NumberFormat.fixed($0, decimals: 3))" } ?? "") + "\n"
            if let why = whyThisFunder {
                out += wrapped("Why this funder (\(why.code)): \(why.explanation)", indent: "  ")
            }
            if !lowerFunders.isEmpty {
                out += "\nFunders at a lower level\n" + funderTable(lowerFunders)
            }
            return out
        }
        guard let reason else { return out }
        out += "\nNot funded (\(reason.code))\n" + wrapped(reason.explanation, indent: "  ")
        if let overlap {
            let winner = s.projects[overlap.winner]
            var line = "\(winner.id)" + (winner.name.map { " \($0)" } ?? "") + " is funded instead"
            if let f = overlap.winnerFunder { line += " by \(s.funders[f].id)" }
            if let v = overlap.winnerValue { line += ", worth \(NumberFormat.fixed(v, decimals: 3))" }
            if let own = overlap.ownValue { line += "; this project would be worth at most \(NumberFormat.fixed(own, decimals: 3))" }
            out += wrapped(line + ".", indent: "  ")
        }
        if let requirement {
            let q = s.projects[requirement.project]
            var line = "\(q.id)" + (q.name.map { " \($0)" } ?? "") + " is not funded"
            if let r = requirement.reason { line += " (\(r.code)): \(r.explanation)" } else { line += "." }
            out += wrapped(line + " Explaining \(q.id) says more.", indent: "  ")
        }
        if !funders.isEmpty {
            out += "\nFunders of its area\n" + funderTable(funders)
        }
        if outsideArea > 0 {
            out += "  \(NumberFormat.counted(outsideArea, "other funder")) \(outsideArea == 1 ? "serves" : "serve") other areas (rule 1).\n"
        }
        if funders.contains(where: { f in f.valuePerBaht.map { own in f.weakestValuePerBaht.map { $0 < own } ?? false } ?? false }) {
            out += "\n" + wrapped(
                "Value per baht decides only roughly: the decision picks the most valuable set of projects as a whole, so a "
                    + "funder may keep a project worth less per baht than this one because it fits the money left, serves a "
                    + "minimum strategy share or is required by another project, or because the search stopped within its gap.",
                indent: "  ")
        }
        let binding = shares.filter(\.binds)
        if !binding.isEmpty {
            out += "\nMinimum strategy shares\n"
            for limit in binding {
                let strategy = s.strategies[limit.strategy]
                out += wrapped(
                    "\(strategy.id)" + (strategy.name.map { " \($0)" } ?? "") + " has \(NumberFormat.percent(limit.share, decimals: 2)) "
                        + "of the money, at least \(NumberFormat.percent(limit.minShare, decimals: 2)) required, "
                        + "\(NumberFormat.baht(max(0, limit.slack))) baht above its minimum; this project does not serve it and "
                        + "would raise that minimum by \(NumberFormat.baht(limit.needed)) baht, so it can be funded only if "
                        + "\(strategy.id) projects get \(limit.minShare < 1 ? NumberFormat.baht(limit.extraForStrategy) : "all the") baht more as well.",
                    indent: "  ")
            }
        }
        if !changes.isEmpty {
            out += "\nSmallest change that would fund it (each verified by re-solving the changed scenario)\n"
            for (k, change) in changes.enumerated() {
                out += changeText(change, number: k + 1)
            }
            for (f, why) in untried {
                out += wrapped("More money at \(s.funders[f].id) was not tried: \(why).", indent: "  ")
            }
            out += "\n" + wrapped(resolveSummary(), indent: "  ")
        }
        return out
    }

    /// Status, gap and limits of the decision explained.
    func decisionLine() -> String {
        Self.decisionLine(status: status, gap: gap, mipGap: mipGap, timeLimit: timeLimit)
    }

    /// "optimal, proven gap 0.000% (mipGap 0.000%, time limit 60 s)", or that there is no decision.
    static func decisionLine(status: SolveStatus, gap: Double?, mipGap: Double, timeLimit: Double) -> String {
        guard status.hasDecision else { return "\(status.rawValue): no decision, nothing is funded" }
        var line = status.rawValue
        if let gap { line += ", proven gap \(NumberFormat.percent(gap, decimals: 3))" }
        return line + " (mipGap \(NumberFormat.percent(mipGap, decimals: 3)), time limit \(NumberFormat.seconds(timeLimit)) s)"
    }

    /// Area, priority, cost, sector, strategies and levels of the project.
    private func facts() -> String {
        let s = scenario
        let project = s.projects[self.project]
        let areaName = s.areas.first { $0.id == project.area }?.name
        var parts = ["area " + (areaName.map { "\($0) (\(project.area))" } ?? project.area)]
        parts.append("priority \(LinkedPlans.plain(project.priority))")
        parts.append("cost \(NumberFormat.baht(project.cost.total)) baht" + (project.duration > 1 ? " over \(project.duration) years" : ""))
        if let sector = project.sector { parts.append("sector \(sector)") }
        parts.append(project.strategies.isEmpty ? "no strategy" : "strategies " + project.strategies.joined(separator: ", "))
        parts.append("levels " + project.allowedLevels.map(\.name).joined(separator: ", "))
        if let pinned = project.funder { parts.append("pinned to \(pinned)") }
        if !project.requires.isEmpty { parts.append("requires " + project.requires.joined(separator: ", ")) }
        if !project.overlaps.isEmpty { parts.append("overlap groups " + project.overlaps.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// Funders with their standing, the sentence wrapped in the last column.
    private func funderTable(_ list: [ExplainedFunder]) -> String {
        let s = scenario
        var table = TextTable(headers: ["funder", "name", "level", "standing"], alignments: [.left, .left, .left, .left])
        for f in list {
            let funder = s.funders[f.funder]
            let lines = TextTable.wrap(f.sentence(project: project, in: s), width: 60)
            for (k, line) in lines.enumerated() {
                table.add(k == 0 ? [funder.id, funder.name ?? "", funder.level.name, line] : ["", "", "", "  " + line])
            }
        }
        return table.render(maxWidth: 60)
    }

    /// One search for the smallest change: what changes, the figure found, how it was verified.
    private func changeText(_ change: SmallestChange, number: Int) -> String {
        let s = scenario
        let unit: String
        var title: String
        switch change.kind {
        case .budget(let f, let years):
            let funder = s.funders[f]
            title = "More money at \(funder.id)" + (funder.name.map { " \($0)" } ?? "") + " (\(funder.level.name)), "
                + "the same amount in \(Self.yearsLabel(years, s))"
            unit = " baht"
        case .priority:
            title = "A higher priority (now \(LinkedPlans.plain(change.base)))"
            unit = ""
        }
        func figure(_ x: Double) -> String {
            switch change.kind {
            case .budget: NumberFormat.baht(x) + unit
            case .priority: "priority " + NumberFormat.fixed(x, decimals: 2)
            }
        }
        let precision = NumberFormat.percent(change.precision, decimals: 0)
        var out = "  \(number). \(title)\n"
        var lines: [String] = []
        let below = change.notFunded == change.base
            ? (change.kind == .priority ? "at its own priority it is not funded (the decision explained)" : "without more money it is not funded (the decision explained)")
            : "with \(figure(change.notFunded)) it is not"
        switch change.outcome {
        case .verified:
            let r = change.funded!
            lines.append("\(figure(r.figure)): verified, the re-solve funds it (at \(s.funders[r.funder!].id)); \(below); "
                + "the smallest figure is found to within \(precision).")
        case .bracketed:
            let r = change.funded!
            lines.append("between \(figure(change.notFunded)) and \(figure(r.figure)): the re-solve with \(figure(r.figure)) funds it "
                + "(at \(s.funders[r.funder!].id)), \(below); \(cutText(change.cut)) before narrowing it to \(precision).")
        case .notFound:
            lines.append("not found: no figure tried funded it (the largest tried: \(figure(change.notFunded))); \(cutText(change.cut)).")
        case .inconclusive:
            let r = change.resolves.first { $0.funds == nil }!
            lines.append("not concluded: the re-solve with \(figure(r.figure)) returned no decision (\(r.status.rawValue)), so the search stopped.")
        case .notSearched(let why):
            lines.append("not searched: \(why).")
        }
        if !change.estimates.isEmpty {
            lines.append("Estimated from the decision (docs/explain.md)" + (change.resolves.isEmpty ? "" : ", tried first") + ": "
                + change.estimates.map(figure).joined(separator: ", ") + ".")
        }
        if !change.resolves.isEmpty {
            lines.append("Re-solves: " + change.resolves.map { r in
                let what = switch r.funds {
                case true?: "funded by \(s.funders[r.funder!].id)"
                case false?: "not funded"
                case nil: "no decision"
                }
                return "\(figure(r.figure)) \(what)"
            }.joined(separator: "; ") + ".")
        }
        for line in lines { out += wrapped(line, indent: "     ") }
        return out
    }

    private func cutText(_ cut: SmallestChange.Cut?) -> String {
        switch cut {
        case .resolves?: "the re-solves ran out (at most \(limits.resolves) in all)"
        case .time?: "the time for re-solves ran out (at most \(NumberFormat.seconds(limits.totalTimeLimit)) s in all)"
        case nil: "the search stopped"
        }
    }

    /// How many re-solves, under which limits, and how approximate they are.
    func resolveSummary() -> String {
        let all = resolves
        guard !all.isEmpty else {
            return "No re-solve was made (at most \(limits.resolves), \(NumberFormat.seconds(limits.totalTimeLimit)) s in all)."
        }
        var text = "\(NumberFormat.counted(all.count, "re-solve")) (at most \(limits.resolves) within "
            + "\(NumberFormat.seconds(limits.totalTimeLimit)) s), each a whole solve of the changed scenario under "
            + "mipGap \(NumberFormat.percent(mipGap, decimals: 3)) and at most \(NumberFormat.seconds(resolveTimeLimit)) s"
        if resolveTimeLimit < timeLimit { text += " (the decision had \(NumberFormat.seconds(timeLimit)) s)" }
        text += ". "
        let exact = mipGap == 0 && all.allSatisfy { $0.status == .optimal }
        if exact {
            return text + "Each re-solve proved its decision optimal, so each figure is exact to the precision stated."
        }
        let timed = all.filter(\.stoppedAtTimeLimit).count
        let gaps = all.compactMap(\.gap)
        let absolute = all.compactMap(\.absoluteGap).max()
        let worth = ([value] + funders.map(\.value)).compactMap { $0 }.max()
        text += "A re-solve at a non-zero gap is itself approximate: it ends once its decision is proven within "
            + "mipGap of the best possible value"
        if timed > 0 { text += " or at its time limit (\(timed) of them did)" }
        if let worst = gaps.max(), let absolute {
            text += "; their proven gaps reach \(NumberFormat.percent(worst, decimals: 3)), "
                + "\(NumberFormat.fixed(absolute, decimals: 3)) in value"
        }
        if let worth { text += ", while this project is worth at most \(NumberFormat.fixed(worth, decimals: 3))" }
        if let absolute, let worth, absolute >= worth {
            text += ". A gap that large can leave this project out, or take it in, for reasons other than the change: "
                + "the figures are indicative, not exact."
        } else {
            text += ". So the figures are close, not exact."
        }
        return text
    }

    /// `text` wrapped to `width` columns, each line indented.
    private func wrapped(_ text: String, indent: String) -> String {
        TextTable.wrap(text, width: Self.width - indent.count)
            .enumerated().map { k, line in indent + (k == 0 ? line : "  " + line) }.joined(separator: "\n") + "\n"
    }
}
