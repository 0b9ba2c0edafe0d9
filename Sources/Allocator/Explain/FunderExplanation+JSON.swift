/// The funder explanation for machines (`allocate explain --funder --json`):
/// the same facts as the text, as an `allocate-explain-funder/1` document
/// (docs/prices.md lists the keys).
extension FunderExplanation {
    public static let format = "allocate-explain-funder/1"

    public func json() -> JSONOutput {
        let s = scenario
        let funder = s.funders[self.funder]
        var members: [(String, JSONOutput)] = [
            ("format", .string(Self.format)),
            ("scenario", .string(s.name)),
            ("decision", .object([
                ("status", .string(status.rawValue)), ("gap", .number(gap)), ("mipGap", .number(mipGap)),
                ("timeLimit", .number(timeLimit)), ("objective", .number(objective)),
            ])),
            ("funder", .object([
                ("id", .string(funder.id)), ("name", .string(funder.name)), ("level", .string(funder.level.name)),
                ("area", .string(funder.area)), ("maxProjects", .number(funder.maxProjects.map(Double.init))),
                ("projects", .int(projects)), ("budget", .array(funder.budget.map { .number($0) })),
                ("used", .array(used.map { .number(ResultDocument.rounded($0)) })),
            ])),
            ("prices", .array(prices.map { ResultDocument.budgetPrice($0, model: model) })),
        ]
        if let extra {
            members.append(("extra", .object([
                ("amount", .number(extra.amount)), ("years", .array([.int(extra.years.lowerBound), .int(extra.years.upperBound)])),
                ("total", .number(totalExtra(extra))), ("basis", .string(extra.basis.rawValue)),
                ("marginal", .string(extra.marginal.map { s.projects[model.choices[$0].project].id })),
            ])))
        } else {
            members.append(("extra", .null))
        }
        members.append(("resolves", .array(resolves.map { resolveJSON($0) })))
        members.append(("cut", .string(cut?.rawValue)))
        members.append(("limits", .object([
            ("resolves", .int(limits.resolves)), ("resolveTimeLimit", .number(resolveTimeLimit)),
            ("totalTimeLimit", .number(limits.totalTimeLimit)),
        ])))
        members.append(("summary", .string(extra == nil ? nil : summary())))
        return .object(members)
    }

    private func resolveJSON(_ r: FunderResolve) -> JSONOutput {
        let s = scenario
        func ids(_ projects: [Int]) -> JSONOutput { .array(projects.map { .string(s.projects[$0].id) }) }
        return .object([
            ("kind", .string(r.kind.rawValue)), ("extra", .number(r.extra)), ("status", .string(r.status.rawValue)),
            ("objective", .number(r.objective)), ("gain", .number(r.gain)),
            ("gainPerMillion", .number(gainPerMillion(r).map(ResultDocument.rounded))),
            ("spentAtFunder", .number(r.spentAtFunder.map(ResultDocument.satang))),
            ("gap", .number(r.gap)), ("absoluteGap", .number(r.absoluteGap)), ("stoppedAtTimeLimit", .bool(r.stoppedAtTimeLimit)),
            ("newlyFunded", ids(r.changes.newlyFunded)), ("dropped", ids(r.changes.dropped)), ("moved", ids(r.changes.moved)),
        ])
    }
}
