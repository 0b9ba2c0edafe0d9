/// The gain from integration: the integrated decision beside the un-integrated
/// process the guideline replaces, with the figures of `allocate compare`
/// (`IntegrationComparison`, docs/compare.md), and what only one of them funds.
public struct IntegrationSection: ReportSection {
    /// How many projects each "funded only by" list names.
    public static let listedProjects = IntegrationComparison.listedProjects

    public let anchor = "integration"
    public let title = "Integrated plan against the un-integrated process"
    let comparison: IntegrationComparison

    public init(comparison: IntegrationComparison) {
        self.comparison = comparison
    }

    /// One row of the table: its label, its key in the `allocate-compare/1` JSON, its value, its text.
    private typealias Figure = (label: String, key: String, value: (IntegrationComparison.Figures) -> Double, text: (Double) -> String)

    private static var figures: [Figure] {[
        ("value (objective)", "value", { $0.value }, { NumberFormat.fixed($0, decimals: 3) }),
        ("projects funded", "projectsFunded", { Double($0.projectsFunded) }, { NumberFormat.baht($0) }),
        ("money spent (baht)", "moneySpent", { $0.moneySpent }, { NumberFormat.baht($0) }),
        ("money on duplicates (baht)", "duplicateMoney", { $0.duplicateMoney }, { NumberFormat.baht($0) }),
        ("duplicate projects", "duplicateProjects", { Double($0.duplicateProjects) }, { NumberFormat.baht($0) }),
        ("unspent budget (baht)", "unspentBudget", { $0.unspentBudget }, { NumberFormat.baht($0) }),
    ]}

    public func write(into html: inout HTMLDocument) {
        let c = comparison
        html.element("p", [], """
            The un-integrated process is what the guideline replaces, simulated on the same scenario: each body, \
            in calendar order (community, then LAO, district, province, ministry; within a level in scenario \
            order), funds the projects it may fund that no earlier body has funded, mandatory ones first, then \
            by priority, within its budget and project limit, and forwards the rest upward. It sees no other \
            plan, so the same need proposed in two plans can be funded twice (duplicates), and nobody checks \
            the minimum strategy shares. It takes no solver; the exact rule is in docs/compare.md \
            (allocate compare prints the same figures).
            """)
        let integratedStatus = Summary.statusLine(c.result)
        html.element("p", [("class", "note")], "Integrated decision: \(integratedStatus).")
        let difference = c.integrated.map { IntegrationComparison.Figures.difference($0, c.unintegrated) }
        html.element("table", [("class", "comparison")]) { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    html.element("th", [], "")
                    for heading in ["un-integrated", "integrated", "difference"] {
                        html.element("th", [("class", "number")], heading)
                    }
                }
            }
            html.element("tbody") { html in
                for figure in Self.figures {
                    html.element("tr", [("data-figure", figure.key)]) { html in
                        html.element("th", [], figure.label)
                        Self.cell(&html, "unintegrated", figure, c.unintegrated, signed: false)
                        Self.cell(&html, "integrated", figure, c.integrated, signed: false)
                        Self.cell(&html, "difference", figure, difference, signed: true)
                    }
                    html.newline()
                }
            }
        }
        html.newline()
        let budget = c.scenario.funders.reduce(0.0) { $0 + $1.budget.reduce(0, +) }
        var bars: [SVGBarChart.Bar] = []
        for (process, name, figures) in [("unintegrated", "un-integrated", Optional(c.unintegrated)), ("integrated", "integrated", c.integrated)] {
            guard let figures else { continue }
            bars.append(SVGBarChart.Bar(
                label: "\(name): money spent", title: "\(name): money spent of all budgets", value: figures.moneySpent,
                reference: budget, caption: BudgetUseSection.caption(used: figures.moneySpent, budget: budget, projects: figures.projectsFunded),
                data: [
                    ("data-process", process), ("data-money-spent", ReportNumber.data(figures.moneySpent)),
                    ("data-projects", ReportNumber.data(figures.projectsFunded)), ("data-budget", ReportNumber.data(budget)),
                ]))
        }
        SVGBarChart(name: "integration", description: "Money spent of all budgets, un-integrated and integrated", reference: .capacity, bars: bars)
            .write(into: &html)
        if c.integrated == nil {
            html.element("p", [], "The integrated solve returned no decision (\(c.result.status.rawValue)).")
            return
        }
        list(&html, "Funded by the integrated plan, left unfunded by the un-integrated process", "only-integrated", c.fundedOnlyByIntegrated)
        list(&html, "Funded by the un-integrated process, left unfunded by the integrated plan", "only-unintegrated", c.fundedOnlyByUnintegrated)
    }

    private static func cell(
        _ html: inout HTMLDocument, _ process: String, _ figure: Figure, _ figures: IntegrationComparison.Figures?, signed: Bool
    ) {
        guard let figures else {
            html.element("td", [("class", "number"), ("data-process", process)], "-")
            return
        }
        let value = figure.value(figures)
        var text = figure.text(value)
        if signed, text != figure.text(0), !text.hasPrefix("-") { text = "+" + text }
        html.element("td", [("class", "number"), ("data-process", process), ("data-value", ReportNumber.data(value))], text)
    }

    private func list(_ html: inout HTMLDocument, _ heading: String, _ name: String, _ projects: [Int]) {
        let s = comparison.scenario
        html.element("h3", [], "\(heading): \(NumberFormat.counted(projects.count, "project"))")
        guard !projects.isEmpty else { return }
        html.element("ul", [("class", "projects"), ("data-list", name), ("data-count", ReportNumber.data(projects.count))]) { html in
            for p in projects.prefix(Self.listedProjects) {
                let project = s.projects[p]
                html.element("li", [("data-id", project.id)], project.id + (project.name.map { "  " + $0 } ?? ""))
            }
        }
        if projects.count > Self.listedProjects {
            html.element("p", [("class", "note")],
                         "… and \(NumberFormat.grouped(projects.count - Self.listedProjects)) more (allocate compare --output lists all).")
        }
    }
}
