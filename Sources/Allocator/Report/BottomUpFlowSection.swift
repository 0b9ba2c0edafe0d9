/// The bottom-up flow of the linked plans, level by level: what each level
/// funds and what it forwards upward (`LevelFlow`), as the guideline says it:
/// "of 5 requests the LAO funds 3, the other 2 go to the district plan".
public struct BottomUpFlowSection: ReportSection {
    public let anchor = "flow"
    public let title = "Bottom-up flow: what each level funds and forwards"
    let flows: [LevelFlow]

    public init(flows: [LevelFlow]) {
        self.flows = flows
    }

    public func write(into html: inout HTMLDocument) {
        html.element("p", [], """
            A level's requests are the projects that reach one of its bodies: projects of the body's area, \
            at a level allowed for them (a community body: all of them), within its sector mandate, that no \
            lower level funds (the rule of allocate plans, docs/plans.md). Each project counts once per level. \
            Money in baht, at the funder that funds it.
            """)
        html.element("p", [("class", "legend")]) { html in
            html.element("span", [("class", "used")], "")
            html.add("funded by the level")
            html.element("span", [("class", "forwarded")], "")
            html.add("forwarded upward and funded by a higher level")
        }
        var bars: [SVGBarChart.Bar] = []
        for flow in flows {
            let name = flow.level.name
            bars.append(SVGBarChart.Bar(
                label: "\(name): funds", title: "\(name) funds", value: flow.fundsMoney, reference: nil,
                caption: "\(NumberFormat.baht(flow.fundsMoney)) baht, \(NumberFormat.counted(flow.funds, "project"))",
                data: [
                    ("data-level", name), ("data-flow", "funds"), ("data-projects", ReportNumber.data(flow.funds)),
                    ("data-money", ReportNumber.data(flow.fundsMoney)),
                ]))
            bars.append(SVGBarChart.Bar(
                label: "\(name): forwards upward", title: "\(name) forwards upward", value: flow.forwardedMoney, reference: nil,
                caption: "\(NumberFormat.baht(flow.forwardedMoney)) baht, \(NumberFormat.counted(flow.forwarded, "project"))",
                data: [
                    ("data-level", name), ("data-flow", "forwarded"), ("data-projects", ReportNumber.data(flow.forwarded)),
                    ("data-money", ReportNumber.data(flow.forwardedMoney)),
                ],
                kind: "forwarded"))
        }
        SVGBarChart(name: "flow", description: "Money each level funds and forwards upward", reference: .capacity, bars: bars)
            .write(into: &html)
        html.element("table", [("class", "flow")]) { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    html.element("th", [], "level")
                    for heading in ["requests", "funds", "forwards upward", "unfunded", "funds (baht)", "forwards (baht)"] {
                        html.element("th", [("class", "number")], heading)
                    }
                }
            }
            html.element("tbody") { html in
                for flow in flows {
                    html.element("tr", [("data-level", flow.level.name)]) { html in
                        html.element("td", [], flow.level.name)
                        for n in [flow.requests, flow.funds, flow.forwarded, flow.unfunded] {
                            html.element("td", [("class", "number")], NumberFormat.grouped(n))
                        }
                        html.element("td", [("class", "number")], NumberFormat.baht(flow.fundsMoney))
                        html.element("td", [("class", "number")], NumberFormat.baht(flow.forwardedMoney))
                    }
                    html.newline()
                }
            }
        }
        html.newline()
    }
}
