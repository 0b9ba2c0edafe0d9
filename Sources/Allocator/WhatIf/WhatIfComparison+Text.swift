/// The terminal comparison (docs/whatif.md): the variations and their changes,
/// one table row per run, projects and money per level, then the projects
/// whose decision changed against the base, at most `listedProjects` per variation.
extension WhatIfComparison {
    /// Changed projects listed per variation in the terminal (CSV and JSON list them all).
    public static let listedProjects = 12
    /// Terminal columns a project name may take in those lists (longer names end in "…").
    static let nameWidth = 36

    /// - Parameter includeTimings: false leaves out the closing line with the
    ///   times, so the same batch prints the same bytes.
    public func text(includeTimings: Bool = true) -> String {
        let s = scenario
        let count = runs.count - 1
        var out = "\(s.name): what if, "
        if let part = shard {
            out += "shard \(part.shard.number) of \(part.shard.count): \(NumberFormat.grouped(count)) of \(NumberFormat.counted(part.variationCount, "variation"))\n"
        } else {
            out += "\(NumberFormat.counted(count, "variation"))\n"
        }
        out += "Base        \(Summary.statusLine(baseResult))\n"

        out += "\nVariations\n"
        var variations = TextTable(headers: ["#", "variation", "changes"], alignments: [.right, .left, .left])
        for run in runs.dropFirst() {
            for (k, change) in run.changes.enumerated() {
                variations.add([k == 0 ? "\(run.index)" : "", k == 0 ? run.name : "", change])
            }
            if let description = run.description {
                for line in TextTable.wrap(description, width: 60) { variations.add(["", "", line]) }
            }
        }
        out += variations.render(maxWidth: 60)

        out += "\nResults\n"
        var table = TextTable(
            headers: ["#", "variation", "status", "objective", "vs base", "gap", "projects", "funded (baht)",
                      "unspent (baht)", "newly funded", "dropped", "moved"],
            alignments: [.right, .left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right])
        for (k, run) in runs.enumerated() {
            let hasDecision = run.hasDecision
            table.add([
                "\(run.index)", run.name, run.status.rawValue,
                run.objective.map { NumberFormat.fixed($0, decimals: 3) } ?? "-",
                k == 0 ? "" : objectiveChange(run).map { Self.signed($0, decimals: 3) } ?? "-",
                run.gap.map { NumberFormat.percent($0, decimals: 3) } ?? "-",
                hasDecision ? NumberFormat.grouped(run.fundedCount) : "-",
                hasDecision ? NumberFormat.baht(run.fundedCost) : "-",
                hasDecision ? NumberFormat.baht(run.unspentBudget) : "-",
                k == 0 ? "" : NumberFormat.grouped(run.changed(.newlyFunded).count),
                k == 0 ? "" : NumberFormat.grouped(run.changed(.dropped).count),
                k == 0 ? "" : NumberFormat.grouped(run.changed(.moved).count),
            ])
        }
        out += table.render()

        let levels = base.levels.map(\.level)
        if !levels.isEmpty {
            out += "\nProjects funded per level\n" + levelTable(levels, decision: true) { NumberFormat.grouped($0.projects) }
            out += "\nMoney funded per level (baht)\n" + levelTable(levels, decision: true) { NumberFormat.baht($0.cost) }
            out += "\nBudget per level (baht)\n" + levelTable(levels, decision: false) { NumberFormat.baht($0.budget) }
        }

        out += "\nDecisions changed against the base\n"
        for run in runs.dropFirst() {
            out += changeListing(run)
        }
        if includeTimings {
            if let shards = timings.shards {
                out += "\nSolved on \(NumberFormat.counted(shards, "shard")): the base in up to \(NumberFormat.fixed(timings.base, decimals: 1)) s, "
                    + "\(NumberFormat.counted(count, "variation")) in up to \(NumberFormat.fixed(timings.variations, decimals: 1)) s a shard "
                    + "(\(timings.workers) at a time in all)\n"
            } else {
                out += "\nSolved the base in \(NumberFormat.fixed(timings.base, decimals: 1)) s, "
                    + "\(NumberFormat.counted(count, "variation")) in \(NumberFormat.fixed(timings.variations, decimals: 1)) s "
                    + "(\(timings.workers) at a time)\n"
            }
        }
        return out
    }

    /// One row per run, one column per level, the cell given by `cell`;
    /// "-" for a run without a decision when the figure is the `decision`'s.
    private func levelTable(
        _ levels: [Level], decision: Bool, _ cell: (ResultFigures.LevelTotals) -> String
    ) -> String {
        var table = TextTable(
            headers: ["#", "variation"] + levels.map(\.name),
            alignments: [.right, .left] + levels.map { _ in .right })
        for run in runs {
            let totals = run.levels
            let shown = !decision || run.hasDecision
            table.add(["\(run.index)", run.name] + levels.map { level in
                shown ? totals.first { $0.level == level }.map(cell) ?? "-" : "-"
            })
        }
        return table.render()
    }

    /// A variation's changed projects: `+` newly funded (by whom), `-` dropped
    /// (who funded it), `>` moved (from whom to whom), in scenario order.
    private func changeListing(_ run: WhatIfRun) -> String {
        let s = scenario
        var out = "  \(run.index)  \(run.name): "
        if !run.hasDecision {
            out += "no decision (\(run.status.rawValue))"
            if base.hasDecision { out += "; every project the base funds is dropped" }
            return out + "\n"
        }
        let all = run.changed
        guard !all.isEmpty else { return out + "no project's decision changed\n" }
        out += "\(NumberFormat.grouped(run.changed(.newlyFunded).count)) newly funded, "
            + "\(NumberFormat.grouped(run.changed(.dropped).count)) dropped, \(NumberFormat.grouped(run.changed(.moved).count)) moved\n"
        func funder(_ a: Decision.Assignment) -> String {
            s.funders[a.funder].id + (s.horizon > 1 ? " (year \(a.start))" : "")
        }
        var table = TextTable(headers: ["", "project", "name", "decision"], alignments: [.left, .left, .left, .left])
        for change in all.prefix(Self.listedProjects) {
            let project = s.projects[change.project]
            let before = baseAssignment(change.project)
            let after = change.assignment
            let (mark, decision): (String, String) = switch change.kind {
            case .newlyFunded: ("+", "funded by \(after.map(funder) ?? "")")
            case .dropped: ("-", "was funded by \(before.map(funder) ?? "")")
            case .moved: (">", "\(before.map(funder) ?? "") → \(after.map(funder) ?? "")")
            }
            let name = project.name.map { DisplayWidth.of($0) > Self.nameWidth ? DisplayWidth.pad($0, to: Self.nameWidth) : $0 }
            table.add([mark, project.id, name ?? "", decision])
        }
        out += table.render(indent: "     ", maxWidth: 60)
        if all.count > Self.listedProjects {
            out += "     ... and \(NumberFormat.grouped(all.count - Self.listedProjects)) more (the CSV and JSON list them all)\n"
        }
        return out
    }

    /// A difference with its sign: "+1.500", "-0.500", "0.000".
    static func signed(_ x: Double, decimals: Int) -> String {
        let text = NumberFormat.fixed(x, decimals: decimals)
        let zero = NumberFormat.fixed(0, decimals: decimals)
        return text == zero || text.hasPrefix("-") ? text : "+" + text
    }
}
