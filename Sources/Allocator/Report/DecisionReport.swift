/// The HTML report of one decision (`allocate SCENARIO --report FILE`), for
/// planning staff: budget use per level and per funder, money by strategy
/// against minimum shares, the bottom-up flow of the linked plans, the
/// integrated plan against the un-integrated process, and the unfunded
/// projects with their reasons. docs/report.md says how each part is computed.
///
/// `page` is a `ReportPage` of `sections`; the what-if report (`WhatIfReport`)
/// shows these sections of the base decision after its own.
public struct DecisionReport: Sendable {
    public let result: AllocationResult
    public let figures: ResultFigures
    public let comparison: IntegrationComparison
    public let plans: LinkedPlans

    /// Runs the un-integrated process on the result's scenario (no solver; about
    /// as long as reading the scenario) and links the plans of the decision.
    ///
    /// - Parameter figures: `ResultFigures(model: result.model, decision: result.decision)`, as result.json uses.
    public init(result: AllocationResult, figures: ResultFigures) {
        self.result = result
        self.figures = figures
        comparison = IntegrationComparison(result: result)
        let recorded = RecordedDecision(
            status: result.status,
            decision: result.decision ?? Decision(unfundedCount: result.scenario.projects.count),
            reasons: figures.reasons)
        plans = LinkedPlans(scenario: result.scenario, recorded: recorded)
    }

    /// The sections, in the order the page shows them.
    public var sections: [any ReportSection] {
        let s = result.scenario
        return [
            BudgetUseSection(scenario: s, figures: figures),
            StrategySharesSection(scenario: s, figures: figures),
            BottomUpFlowSection(flows: LevelFlow.all(plans)),
            IntegrationSection(comparison: comparison),
            UnfundedSection(scenario: s, reasons: figures.reasons),
        ]
    }

    /// The lines under the title: the decision's status, value, projects and money.
    public var facts: [(label: String, text: String)] {
        let s = result.scenario
        var facts: [(label: String, text: String)] = []
        if let year = s.fiscalYear {
            facts.append(("Fiscal year", s.horizon > 1 ? "\(year)–\(year + s.horizon - 1) (\(s.horizon) plan years)" : String(year)))
        }
        facts.append(("Decision", Summary.statusLine(result)))
        if let objective = result.objective {
            var text = NumberFormat.fixed(objective, decimals: 3)
            if let bound = result.bound { text += " (bound \(NumberFormat.fixed(bound, decimals: 3)))" }
            facts.append(("Value", text))
        }
        let budgets = s.funders.reduce(0.0) { $0 + $1.budget.reduce(0, +) }
        let requested = s.projects.reduce(0.0) { $0 + $1.cost.total }
        facts.append(("Projects", "\(NumberFormat.grouped(figures.fundedCount)) of \(NumberFormat.grouped(s.projects.count)) funded"))
        facts.append(("Money", "\(NumberFormat.baht(figures.fundedCost)) baht funded of \(NumberFormat.baht(requested)) requested; budgets \(NumberFormat.baht(budgets))"))
        return facts
    }

    public var page: ReportPage {
        ReportPage(title: result.scenario.name, facts: facts, sections: sections)
    }

    /// The whole page; the same result gives the same bytes.
    public func html() -> String {
        page.html()
    }
}
