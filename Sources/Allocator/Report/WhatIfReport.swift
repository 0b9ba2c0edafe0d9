/// The HTML report of a what-if batch (`allocate whatif ... --report FILE`,
/// and `allocate whatif merge ... --report FILE`): the variations side by side
/// (status, objective against the base's, projects, money and unspent budget),
/// projects and money per level per variation, each variation's changed
/// projects, then the base decision's own sections (`DecisionReport`).
/// docs/report.md says how each part is computed.
///
/// Made from the comparison alone, so a merge of shards writes the bytes the
/// whole batch writes; like the comparison with `--no-timings`, it holds no time.
public struct WhatIfReport: Sendable {
    public let comparison: WhatIfComparison

    public init(comparison: WhatIfComparison) {
        self.comparison = comparison
    }

    /// The sections, in the order the page shows them: the variations', then the base's.
    public var sections: [any ReportSection] {
        let base = DecisionReport(result: comparison.baseResult, figures: comparison.baseFigures)
        return [
            VariationsSection(comparison: comparison),
            VariationLevelsSection(comparison: comparison),
            VariationChangesSection(comparison: comparison),
        ] + base.sections.map { BaseSection(section: $0) }
    }

    /// The lines under the title: the scenario's year, the base's status, the variations.
    public var facts: [(label: String, text: String)] {
        let s = comparison.scenario
        var facts: [(label: String, text: String)] = []
        if let year = s.fiscalYear {
            facts.append(("Fiscal year", s.horizon > 1 ? "\(year)–\(year + s.horizon - 1) (\(s.horizon) plan years)" : String(year)))
        }
        facts.append(("Base", Summary.statusLine(comparison.baseResult)))
        let variations = comparison.runs.dropFirst()
        let decided = variations.filter(\.hasDecision).count
        facts.append(("Variations", "\(NumberFormat.grouped(variations.count)) (\(NumberFormat.grouped(decided)) with a decision)"))
        if let part = comparison.shard {
            facts.append(("Shard", "\(part.shard.number) of \(part.shard.count): \(NumberFormat.grouped(variations.count)) of the batch's \(NumberFormat.counted(part.variationCount, "variation"))"))
        }
        return facts
    }

    public var page: ReportPage {
        ReportPage(title: "\(comparison.scenario.name): what if", facts: facts, sections: sections)
    }

    /// The whole page; the same comparison gives the same bytes.
    public func html() -> String {
        page.html()
    }
}
