/// The unfunded projects: how many per reason code (all of them), then a
/// sortable table of the projects with their reason code and sentence, the
/// same as result.json's `reason` and `explanation`.
///
/// On a large province thousands of projects may be unfunded; the table lists
/// at most `listedLimit` of them, highest `priority` first (ties in scenario
/// order), and says how many it lists, so the file stays small enough to open
/// and mail (about 0.5 KB a row). result.json and `--csv` have every one.
public struct UnfundedSection: ReportSection {
    /// The most rows the table lists.
    public static let listedLimit = 1000

    public let anchor = "unfunded"
    public let title = "Unfunded projects and why"
    let scenario: Scenario
    let reasons: [UnfundedReason?]
    let limit: Int

    /// - Parameter reasons: one per scenario project, nil for funded ones (`ResultFigures.reasons`).
    public init(scenario: Scenario, reasons: [UnfundedReason?], limit: Int = UnfundedSection.listedLimit) {
        self.scenario = scenario
        self.reasons = reasons
        self.limit = limit
    }

    /// The unfunded projects the table lists, highest priority first, ties in scenario order.
    public var listed: [Int] {
        let unfunded = reasons.indices.filter { reasons[$0] != nil }
        let projects = scenario.projects
        return Array(unfunded.sorted { a, b in
            projects[a].priority != projects[b].priority ? projects[a].priority > projects[b].priority : a < b
        }.prefix(limit))
    }

    /// Reason codes with their counts, most frequent first, ties by code.
    public var counts: [(code: String, count: Int)] {
        var counts: [(code: String, count: Int)] = []
        for reason in reasons.compactMap({ $0 }) {
            if let k = counts.firstIndex(where: { $0.code == reason.code }) {
                counts[k].count += 1
            } else {
                counts.append((reason.code, 1))
            }
        }
        return counts.sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
    }

    public func write(into html: inout HTMLDocument) {
        let total = reasons.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        guard total > 0 else {
            html.element("p", [], "Every project is funded.")
            return
        }
        html.element("p", [], "\(NumberFormat.grouped(total)) of \(NumberFormat.counted(scenario.projects.count, "project")) are not funded. The reason codes are those of result.json (docs/result-format.md).")
        html.element("table", [("class", "reasons")]) { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    html.element("th", [], "reason")
                    html.element("th", [("class", "number")], "projects")
                }
            }
            html.element("tbody") { html in
                for (code, count) in counts {
                    html.element("tr", [("data-reason", code), ("data-count", ReportNumber.data(count))]) { html in
                        html.element("td", [], code)
                        html.element("td", [("class", "number")], NumberFormat.grouped(count))
                    }
                }
            }
        }
        html.newline()
        let listed = self.listed
        let note = listed.count == total
            ? "All \(NumberFormat.grouped(total)) are listed, highest priority first. Click a heading to sort."
            : "The \(NumberFormat.grouped(listed.count)) with the highest priority of the \(NumberFormat.grouped(total)) are listed; result.json and the --csv files have every one. Click a heading to sort."
        html.element("p", [("class", "note"), ("data-listed", ReportNumber.data(listed.count)), ("data-unfunded", ReportNumber.data(total))], note)
        html.element("table", [("class", "sortable unfunded")]) { html in
            html.element("thead") { html in
                html.element("tr") { html in
                    for (heading, numeric) in [
                        ("project", false), ("name", false), ("area", false), ("priority", true), ("cost (baht)", true),
                        ("reason", false), ("why", false),
                    ] {
                        html.element("th", numeric ? [("class", "number"), ("data-type", "number")] : []) { html in
                            html.element("button", [("type", "button")], heading)
                        }
                    }
                }
            }
            html.newline()
            html.element("tbody") { html in
                for (order, p) in listed.enumerated() {
                    let project = scenario.projects[p]
                    guard let reason = reasons[p] else { continue }
                    html.element("tr", [("data-order", String(order)), ("data-id", project.id), ("data-reason", reason.code)]) { html in
                        html.element("td", [], project.id)
                        html.element("td", [], project.name ?? "")
                        html.element("td", [], project.area)
                        html.element("td", [("class", "number"), ("data-sort", ReportNumber.data(project.priority))],
                                     NumberFormat.seconds(project.priority))
                        html.element("td", [("class", "number"), ("data-sort", ReportNumber.data(project.cost.total))],
                                     NumberFormat.baht(project.cost.total))
                        html.element("td", [], reason.code)
                        html.element("td", [("class", "explanation")], reason.explanation)
                    }
                    html.newline()
                }
            }
        }
        html.newline()
    }
}
