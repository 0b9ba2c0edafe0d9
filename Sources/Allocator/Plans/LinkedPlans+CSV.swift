/// The linked plans as CSV for spreadsheets (docs/plans.md lists the columns):
/// one row per body and request, UTF-8 with a byte order mark so Excel keeps
/// the Thai text.
extension LinkedPlans {
    /// The column names: the body, the project, what became of it, who funds it,
    /// from which plan year, at what cost in all and in each plan year, and why not.
    public func csvHeader() -> [String] {
        ["body", "body_name", "body_level", "body_area", "project", "project_name", "project_area", "priority",
         "outcome", "funder", "funder_name", "funder_level", "start", "cost"]
            + (1 ... scenario.horizon).map { "year_\($0)" } + ["reason", "explanation"]
    }

    /// The plans of `bodies` (scenario funder indices, in the order given), each
    /// request in plan order; with `includeUnrouted`, then one row per project
    /// that reaches no body, its body columns empty.
    ///
    /// Amounts are plain numbers (no thousands separators, `.` before decimals,
    /// rounded to 15 significant digits as in result.json). A year column is
    /// empty outside the years the funding spans, and every funding column is
    /// empty for an unfunded request.
    public func csv(bodies: [Int], includeUnrouted: Bool = false) -> String {
        var out = CSV.byteOrderMark + CSV.row(csvHeader().map(CSV.Cell.text))
        for f in bodies {
            let plan = plan(of: f)
            for request in plan.requests { out += CSV.row(csvFields(request, body: f)) }
        }
        if includeUnrouted {
            for p in unrouted {
                let request = PlanRequest(project: p, outcome: .unfunded(recorded.reasons[p] ?? Self.noReason),
                                          yearly: Array(repeating: 0, count: scenario.horizon))
                out += CSV.row(csvFields(request, body: nil))
            }
        }
        return out
    }

    /// The fields of one row.
    private func csvFields(_ r: PlanRequest, body: Int?) -> [CSV.Cell] {
        let s = scenario
        let project = s.projects[r.project]
        var fields: [CSV.Cell]
        if let body {
            let funder = s.funders[body]
            fields = [.text(funder.id), .text(funder.name ?? ""), .text(funder.level.name), .text(funder.area ?? "")]
        } else {
            fields = ["", "", "", ""]
        }
        fields += [.text(project.id), .text(project.name ?? ""), .text(project.area), .exactNumber(project.priority),
                   .text(r.outcome.code)]
        if let f = body.flatMap({ r.funder(body: $0) }), let start = r.start {
            let funder = s.funders[f]
            fields += [.text(funder.id), .text(funder.name ?? ""), .text(funder.level.name), .integer(start), .number(r.cost)]
            let span = start ... start + project.duration - 1
            fields += (1 ... s.horizon).map { span.contains($0) ? .number(r.yearly[$0 - 1]) : "" }
        } else {
            fields += ["", "", "", "", ""] + Array(repeating: "", count: s.horizon)
        }
        if case .unfunded(let reason) = r.outcome {
            fields += [.text(reason.code), .text(reason.explanation)]
        } else {
            fields += ["", ""]
        }
        return fields
    }
}
