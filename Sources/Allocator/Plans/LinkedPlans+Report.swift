/// The linked plans as a planning officer reads them in a terminal: for each
/// body, its money per plan year, then what it funds, what it forwards and
/// to whom, and what stays unfunded and why. Money in whole baht.
extension LinkedPlans {
    /// How plan year `t` is headed: the fiscal year (Buddhist Era) when the
    /// scenario gives `fiscalYear` (plan year 1 is that year), else "year t".
    public func yearLabel(_ t: Int) -> String {
        scenario.fiscalYear.map { String($0 + t - 1) } ?? "year \(t)"
    }

    /// The plans of `bodies` (scenario funder indices, in the order given);
    /// with `includeUnrouted`, then the projects that reach no body.
    public func text(bodies: [Int], includeUnrouted: Bool = false) -> String {
        let s = scenario
        var out = "\(s.name)\n"
        let funded = recorded.decision.assignments.filter { $0 != nil }.count
        if recorded.status.hasDecision {
            out += "Decision    \(recorded.status.rawValue); \(NumberFormat.grouped(funded)) of "
                + "\(NumberFormat.counted(s.projects.count, "project")) funded\n"
        } else {
            out += "Decision    \(recorded.status.rawValue): no decision, nothing is funded\n"
        }
        if let fiscalYear = s.fiscalYear {
            out += s.horizon == 1
                ? "Plan year   fiscal year \(fiscalYear)\n"
                : "Plan years  1-\(s.horizon) = fiscal years \(fiscalYear)-\(fiscalYear + s.horizon - 1)\n"
        } else {
            out += "Plan years  \(s.horizon)\n"
        }
        out += "Money in baht. A body's requests: the projects in its area that no lower level funds, at a level\n"
            + "allowed for them (for a community body, all of them) and within its mandate (docs/plans.md).\n"
        for f in bodies {
            out += "\n" + text(of: plan(of: f))
        }
        if includeUnrouted, !unrouted.isEmpty {
            out += "\nReaching no body: \(NumberFormat.counted(unrouted.count, "project")) "
                + "(no funder serves its area at a level allowed for it and within its mandate)\n"
            out += unfundedTable(unrouted.map { p in
                PlanRequest(project: p, outcome: .unfunded(recorded.reasons[p] ?? Self.noReason),
                            yearly: Array(repeating: 0, count: s.horizon))
            })
        }
        return out
    }

    /// One body's plan.
    func text(of plan: BodyPlan) -> String {
        let s = scenario
        let funder = s.funders[plan.funder]
        var out = funder.id + (funder.name.map { "  \($0)" } ?? "") + "\n"
        var place = funder.level.name + ", "
        if let id = funder.area {
            let name = index.areaIndex[id].flatMap { s.areas[$0].name }
            place += name.map { "\($0) (\(id))" } ?? id
        } else {
            place += "nationwide"
        }
        if let sectors = funder.sectors { place += ", mandate: " + (sectors.isEmpty ? "none" : sectors.joined(separator: ", ")) }
        let (funds, forwarded, sameLevel, unfunded) = (plan.funded, plan.forwarded, plan.sameLevel, plan.unfunded)
        var counts = "\(NumberFormat.counted(plan.requests.count, "request")): funds \(funds.count), forwards \(forwarded.count)"
        if !sameLevel.isEmpty { counts += ", \(sameLevel.count) funded by another \(funder.level.name) body" }
        counts += ", \(unfunded.count) unfunded"
        out += "  \(place); \(counts)\n\n"

        let years = Array(1 ... s.horizon)
        var money = TextTable(headers: ["plan year"] + years.map(yearLabel) + (s.horizon > 1 ? ["total"] : []),
                              alignments: [.left] + Array(repeating: .right, count: s.horizon + (s.horizon > 1 ? 1 : 0)))
        let left = zip(plan.budget, plan.used).map { $0 - $1 }
        for (label, amounts) in [("budget", plan.budget), ("funds", plan.used), ("left", left)] {
            money.add([label] + amounts.map(NumberFormat.baht) + (s.horizon > 1 ? [NumberFormat.baht(amounts.reduce(0, +))] : []))
        }
        out += money.render()

        if !funds.isEmpty {
            out += "\n  Funds: \(NumberFormat.counted(funds.count, "project"))\n"
            let startHeader = s.horizon > 1 ? ["start"] : []
            var table = TextTable(
                headers: ["project", "name", "area", "priority"] + startHeader + years.map(yearLabel) + (s.horizon > 1 ? ["total"] : []),
                alignments: [.left, .left, .left, .right] + Array(repeating: .right, count: startHeader.count + s.horizon + (s.horizon > 1 ? 1 : 0)))
            for r in funds {
                let project = s.projects[r.project]
                let span = (r.start ?? 1) ... (r.start ?? 1) + project.duration - 1
                var row = projectCells(r.project)
                if s.horizon > 1 { row.append(yearLabel(r.start ?? 1)) }
                row += years.map { span.contains($0) ? NumberFormat.baht(r.yearly[$0 - 1]) : "" }
                if s.horizon > 1 { row.append(NumberFormat.baht(r.cost)) }
                table.add(row)
            }
            out += table.render()
        }
        if !forwarded.isEmpty {
            out += "\n  Forwarded upward: \(NumberFormat.counted(forwarded.count, "project")), funded by a higher level\n"
            out += takenTable(forwarded, body: plan.funder)
        }
        if !sameLevel.isEmpty {
            out += "\n  Funded by another \(funder.level.name) body: \(NumberFormat.counted(sameLevel.count, "project"))\n"
            out += takenTable(sameLevel, body: plan.funder)
        }
        if !unfunded.isEmpty {
            out += "\n  Unfunded: \(NumberFormat.counted(unfunded.count, "project"))\n"
            out += unfundedTable(unfunded)
        }
        if plan.requests.isEmpty { out += "\n  No request reaches it.\n" }
        return out
    }

    /// Requests another body funds: who, at which level, from which plan year, at what cost.
    private func takenTable(_ requests: [PlanRequest], body: Int) -> String {
        let s = scenario
        let startHeader = s.horizon > 1 ? ["start"] : []
        var table = TextTable(
            headers: ["project", "name", "area", "priority", "to", "level"] + startHeader + ["cost"],
            alignments: [.left, .left, .left, .right, .left, .left] + startHeader.map { _ in .right } + [.right])
        for r in requests {
            guard let f = r.funder(body: body) else { continue }
            var row = projectCells(r.project) + [s.funders[f].id, s.funders[f].level.name]
            if s.horizon > 1 { row.append(yearLabel(r.start ?? 1)) }
            row.append(NumberFormat.baht(r.cost))
            table.add(row)
        }
        return table.render()
    }

    /// Requests nobody funds, with the result's reason code and its sentence wrapped.
    private func unfundedTable(_ requests: [PlanRequest]) -> String {
        var table = TextTable(headers: ["project", "name", "area", "priority", "reason", "explanation"],
                              alignments: [.left, .left, .left, .right, .left, .left])
        for r in requests {
            guard case .unfunded(let reason) = r.outcome else { continue }
            let lines = TextTable.wrap(reason.explanation, width: Self.explanationWidth)
            for (k, line) in (lines.isEmpty ? [""] : lines).enumerated() {
                table.add(k == 0 ? projectCells(r.project) + [reason.code, line] : ["", "", "", "", "", "  " + line])
            }
        }
        return table.render(maxWidth: Self.explanationWidth)
    }

    /// Project id, name, area and priority.
    private func projectCells(_ p: Int) -> [String] {
        let project = scenario.projects[p]
        var name = DisplayWidth.pad(project.name ?? "", to: Self.nameWidth)
        while name.hasSuffix(" ") { name.removeLast() }
        return [project.id, name, project.area, Self.plain(project.priority)]
    }

    /// Terminal columns for a project's name (longer names end in "…").
    static let nameWidth = 40

    /// Terminal columns for an explanation line.
    static let explanationWidth = 60

    /// Stand-in when a result gives no reason for an unfunded project (the reader requires one).
    static let noReason = UnfundedReason(code: "noDecision", explanation: "The result gives no reason.")

    /// A number as written in a scenario, without trailing zeros (at most 3 decimals): 7, 7.5.
    static func plain(_ x: Double) -> String {
        var text = NumberFormat.fixed(x, decimals: 3)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
