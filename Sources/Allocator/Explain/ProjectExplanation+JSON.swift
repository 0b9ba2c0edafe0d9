/// The explanation for machines (`allocate explain --json`): the same facts as
/// the text, as an `allocate-explain/1` document (docs/explain.md lists the keys).
/// Nothing in it depends on the clock, so the same decision and limits give the
/// same bytes whenever the re-solves end by themselves.
extension ProjectExplanation {
    public static let format = "allocate-explain/1"

    public func json() -> JSONOutput {
        let s = scenario
        let project = s.projects[self.project]
        var members: [(String, JSONOutput)] = [
            ("format", .string(Self.format)),
            ("scenario", .string(s.name)),
            ("decision", .object([
                ("status", .string(status.rawValue)), ("gap", .number(gap)), ("mipGap", .number(mipGap)),
                ("timeLimit", .number(timeLimit)),
            ])),
            ("project", .object([
                ("id", .string(project.id)), ("name", .string(project.name)), ("area", .string(project.area)),
                ("priority", .number(project.priority)), ("cost", .number(project.cost.total)),
            ])),
            ("funded", .bool(assignment != nil)),
        ]
        if let a = assignment {
            let funder = s.funders[a.funder]
            members += [
                ("funder", .string(funder.id)), ("level", .string(funder.level.name)), ("start", .int(a.start)),
                ("cost", .number(ModelBuilder.yearlyCost(of: project, at: funder).reduce(0, +))), ("value", .number(value)),
            ]
            if let why = whyThisFunder {
                members.append(("whyThisFunder", .object([("code", .string(why.code)), ("explanation", .string(why.explanation))])))
            }
        } else if let reason {
            members += [("reason", .string(reason.code)), ("explanation", .string(reason.explanation))]
        }
        if let overlap {
            members.append(("overlap", .object([
                ("group", .string(overlap.group)), ("fundedInstead", .string(s.projects[overlap.winner].id)),
                ("funder", .string(overlap.winnerFunder.map { s.funders[$0].id })), ("value", .number(overlap.winnerValue)),
                ("ownValue", .number(overlap.ownValue)),
            ])))
        }
        if let requirement {
            members.append(("requirement", .object([
                ("project", .string(s.projects[requirement.project].id)),
                ("reason", .string(requirement.reason?.code)), ("explanation", .string(requirement.reason?.explanation)),
            ])))
        }
        let shown = assignment == nil ? funders : lowerFunders
        if !shown.isEmpty || outsideArea > 0 {
            members.append(("funders", .array(shown.map(funderJSON))))
        }
        if assignment == nil, !funders.isEmpty || outsideArea > 0 {
            members.append(("fundersOutsideArea", .int(outsideArea)))
        }
        if !shares.isEmpty {
            members.append(("strategyShares", .array(shares.map { limit in
                .object([
                    ("strategy", .string(s.strategies[limit.strategy].id)), ("share", .number(ResultDocument.rounded(limit.share))),
                    ("minShare", .number(limit.minShare)), ("slack", .number(ResultDocument.rounded(limit.slack))),
                    ("needed", .number(ResultDocument.rounded(limit.needed))), ("binds", .bool(limit.binds)),
                    ("extraForStrategy", .number(limit.extraForStrategy.isFinite ? ResultDocument.rounded(limit.extraForStrategy) : nil)),
                ])
            })))
        }
        if !changes.isEmpty {
            members.append(("changes", .array(changes.map(changeJSON))))
            members.append(("untried", .array(untried.map { .object([("funder", .string(s.funders[$0.funder].id)), ("why", .string($0.why))]) })))
            members.append(("resolves", .object([
                ("count", .int(resolves.count)), ("maximum", .int(limits.resolves)),
                ("timeLimit", .number(resolveTimeLimit)), ("totalTimeLimit", .number(limits.totalTimeLimit)),
                ("precision", .number(limits.precision)), ("summary", .string(resolveSummary())),
            ])))
        }
        return .object(members)
    }

    private func funderJSON(_ f: ExplainedFunder) -> JSONOutput {
        let s = scenario
        let funder = s.funders[f.funder]
        var entry: [(String, JSONOutput)] = [
            ("id", .string(funder.id)), ("name", .string(funder.name)), ("level", .string(funder.level.name)),
            ("standing", .string(f.standing.kind.code)),
        ]
        switch f.standing.kind {
        case .ineligible(let rules): entry.append(("rules", .array(rules.map { .string($0.code) })))
        case .tooLarge(let year, let budget): entry += [("year", .int(year)), ("budget", .number(budget))]
        case .atCapacity(let limit): entry.append(("maxProjects", .int(limit)))
        case .noCapacity: entry.append(("maxProjects", .int(0)))
        case .budgetFull(let start, let year, let left, let needed):
            entry += [("start", .int(start)), ("year", .int(year)), ("left", .number(ResultDocument.rounded(left))), ("needed", .number(needed))]
        case .room(let start), .funds(let start): entry.append(("start", .int(start)))
        case .noStartYear: break
        }
        entry += [
            ("cost", .number(f.standing.totalCost)), ("value", .number(f.value)),
            ("valuePerBaht", .number(f.valuePerBaht)), ("projects", .int(f.projects)),
            ("weakestProject", .string(f.weakestProject.map { s.projects[$0].id })),
            ("weakestValuePerBaht", .number(f.weakestValuePerBaht)),
            ("explanation", .string(f.sentence(project: project, in: s))),
        ]
        return .object(entry)
    }

    private func changeJSON(_ c: SmallestChange) -> JSONOutput {
        let s = scenario
        var entry: [(String, JSONOutput)]
        switch c.kind {
        case .budget(let f, let years):
            entry = [("kind", .string("budget")), ("funder", .string(s.funders[f].id)),
                     ("years", .array([.int(years.lowerBound), .int(years.upperBound)]))]
        case .priority:
            entry = [("kind", .string("priority"))]
        }
        let outcome: String
        switch c.outcome {
        case .verified: outcome = "verified"
        case .bracketed: outcome = "bracketed"
        case .notFound: outcome = "notFound"
        case .inconclusive: outcome = "inconclusive"
        case .notSearched: outcome = "notSearched"
        }
        entry += [
            ("outcome", .string(outcome)), ("base", .number(c.base)), ("estimates", .array(c.estimates.map { .number($0) })),
            ("funded", .number(c.funded?.figure)), ("fundedBy", .string(c.funded?.funder.map { s.funders[$0].id })),
            ("notFunded", .number(c.notFunded)), ("cut", .string(c.cut?.rawValue)), ("why", .string(c.notSearchedBecause)),
            ("resolves", .array(c.resolves.map { r in
                .object([
                    ("figure", .number(r.figure)), ("status", .string(r.status.rawValue)),
                    ("funded", r.funds.map { .bool($0) } ?? .null), ("funder", .string(r.funder.map { s.funders[$0].id })),
                    ("gap", .number(r.gap)), ("absoluteGap", .number(r.absoluteGap)), ("stoppedAtTimeLimit", .bool(r.stoppedAtTimeLimit)),
                ])
            })),
        ]
        return .object(entry)
    }
}
