/// The `allocate-result/1` document: the required core of the result format
/// plus the keys documented in docs/result-format.md.
public enum ResultDocument {
    public static let format = "allocate-result/1"

    /// - Parameter includeTimings: false leaves out `timings`, so the file is byte-identical across runs.
    public static func json(
        _ result: AllocationResult, model: AllocationModel, figures: ResultFigures, includeTimings: Bool = true
    ) -> JSONOutput {
        let s = model.scenario
        let projects: [JSONOutput] = s.projects.enumerated().map { p, project in
            var members: [(String, JSONOutput)] = [("id", .string(project.id))]
            if let a = result.decision?.assignments[p] {
                let funder = s.funders[a.funder]
                members += [
                    ("funded", .bool(true)), ("funder", .string(funder.id)), ("level", .string(funder.level.name)),
                    ("start", .int(a.start)), ("cost", .number(figures.projectCost[p])),
                ]
            } else {
                members += [
                    ("funded", .bool(false)), ("funder", .null), ("level", .null), ("start", .null), ("cost", .null),
                ]
                if let detail = figures.details[p] {
                    members += [("reason", .string(detail.reason.code)), ("explanation", .string(detail.reason.explanation))]
                    members += facts(detail, in: s)
                }
            }
            return .object(members)
        }
        let funders: [JSONOutput] = s.funders.enumerated().map { f, funder in
            .object([
                ("id", .string(funder.id)), ("level", .string(funder.level.name)),
                ("budget", .array(funder.budget.map { .number($0) })),
                ("used", .array(figures.funders[f].used.map { .number(rounded($0)) })),
                ("projects", .int(figures.funders[f].projects)),
            ])
        }
        let strategies: [JSONOutput] = figures.strategies.map {
            .object([("id", .string($0.id)), ("fundedCost", .number(rounded($0.fundedCost))), ("share", .number(rounded($0.share)))])
        }
        var members: [(String, JSONOutput)] = [
            ("format", .string(format)),
            ("scenario", .string(s.name)),
            ("status", .string(result.status.rawValue)),
            ("termination", .string(result.termination.rawValue)),
            ("objective", .number(result.objective)),
            ("bound", .number(result.bound)),
            ("gap", .number(result.gap)),
            ("mipGap", .number(result.mipGap)),
            ("timeLimit", .number(result.timeLimit)),
            ("workLimit", .number(result.workLimit.rounded())),
            ("work", .number(result.work.rounded())),
            ("summary", .object([
                ("projects", .int(s.projects.count)),
                ("funded", .int(figures.fundedCount)),
                ("fundedCost", .number(rounded(figures.fundedCost))),
                ("levels", .array(figures.levels.map {
                    .object([
                        ("level", .string($0.level.name)), ("projects", .int($0.projects)),
                        ("cost", .number(rounded($0.cost))), ("budget", .number($0.budget)),
                    ])
                })),
                ("model", .object([
                    ("columns", .int(result.columns)), ("rows", .int(result.rows)), ("nonzeros", .int(result.nonzeros)),
                ])),
            ])),
            ("projects", .array(projects)),
            ("funders", .array(funders)),
            ("strategies", .array(strategies)),
        ]
        if let prices = result.budgetPrices {
            // Said before the entries: a reader of a cut set learns it first.
            members.append(("budgetPricesComplete", .bool(prices.isComplete)))
            if !prices.isComplete { members.append(("unpricedFunders", .int(prices.unpriced.count))) }
            members.append(("budgetPrices", .array(prices.all.map { budgetPrice($0, model: model) })))
        }
        if let diagnosis = result.infeasibility {
            members.append(("infeasibility", .object([
                ("proven", .bool(diagnosis.proven)),
                ("conflicts", .array(diagnosis.conflicts.map { conflict($0, in: s) })),
            ])))
        }
        if includeTimings {
            let t = result.timings
            members.append(("timings", .object([
                ("read", .number(t.read)), ("build", .number(t.build)), ("solve", .number(t.solve)),
            ] + (result.budgetPrices == nil ? [] : [("prices", .number(t.prices))]) + [
                ("total", .number(t.total)),
            ])))
        }
        return .object(members)
    }

    /// One funder's budget in one plan year: its price (objective units per baht,
    /// and per 1,000,000 baht), the limit that binds, the choices more money buys
    /// and pushes out, and the baht over which the price holds (docs/result-format.md).
    static func budgetPrice(_ price: BudgetPrice, model: AllocationModel) -> JSONOutput {
        let s = model.scenario
        func project(_ column: Int?) -> JSONOutput { .string(column.map { s.projects[model.choices[$0].project].id }) }
        let limitOn: JSONOutput = switch price.limit {
        case .otherYear(let year): .int(year)
        case .minShare(let k): .string(s.strategies[k].id)
        case .overlap(let group): .string(group)
        case .requires(let p, _): .string(s.projects[p].id)
        case .budget, .maxProjects, .nothingToFund: .null
        }
        return .object([
            ("funder", .string(s.funders[price.funder].id)), ("year", .int(price.year)),
            ("price", .number(significant(price.price))), ("perMillion", .number(rounded(price.perMillion))),
            ("limit", .string(price.limit.code)), ("limitOn", limitOn),
            ("marginal", project(price.marginal)), ("marginalStart", .number(price.marginal.map { Double(model.choices[$0].start) })),
            ("displaced", project(price.displaced)), ("range", .number(price.range.map(satang))),
        ])
    }

    /// One rule of an infeasibility diagnosis: its kind, what it names, the amount and the sentence.
    static func conflict(_ c: RuleConflict, in s: Scenario) -> JSONOutput {
        var members: [(String, JSONOutput)]
        switch c.rule {
        case .budget(let f, let year):
            members = [("rule", .string("budget")), ("funder", .string(s.funders[f].id)), ("year", .int(year))]
        case .minShare(let k): members = [("rule", .string("minShare")), ("strategy", .string(s.strategies[k].id))]
        case .mandatory(let p): members = [("rule", .string("mandatory")), ("project", .string(s.projects[p].id))]
        case .maxProjects(let f): members = [("rule", .string("maxProjects")), ("funder", .string(s.funders[f].id))]
        case .overlap(let group): members = [("rule", .string("overlap")), ("group", .string(group))]
        case .requires(let p, let q):
            members = [("rule", .string("requires")), ("project", .string(s.projects[p].id)),
                       ("required", .string(s.projects[q].id))]
        }
        members += [("amount", .number(rounded(c.amount))), ("explanation", .string(c.explanation))]
        return .object(members)
    }

    /// The facts behind an unfunded project's reason, as extra keys of its entry
    /// (docs/result-format.md): the standing of each funder of its area (for
    /// `budget` and `notChosen` only the eligible ones, to keep the file small),
    /// the project that won its overlap group, the required project left unfunded.
    static func facts(_ detail: UnfundedDetail, in s: Scenario) -> [(String, JSONOutput)] {
        var members: [(String, JSONOutput)] = []
        if let (group, winner) = detail.overlap {
            members += [("overlapGroup", .string(group)), ("fundedInstead", .string(s.projects[winner].id))]
        }
        if let q = detail.missingRequirement {
            members.append(("unfundedRequirement", .string(s.projects[q].id)))
        }
        if detail.reason.code == "noEligibleFunder" {
            members.append(("funders", .array(detail.standings.map { standing in
                var entry: [(String, JSONOutput)] = [
                    ("id", .string(s.funders[standing.funder].id)), ("standing", .string(standing.kind.code)),
                ]
                if case .ineligible(let rules) = standing.kind {
                    entry.append(("rules", .array(rules.map { .string($0.code) })))
                }
                return .object(entry)
            })))
            members.append(("fundersOutsideArea", .int(detail.outsideArea)))
        } else if !detail.standings.isEmpty {
            members.append(("funders", .array(detail.standings.filter(\.isEligible).map { standing in
                .object([("id", .string(s.funders[standing.funder].id)), ("standing", .string(standing.kind.code))])
            })))
        }
        return members
    }

    /// A price (objective units per baht, often 1e-7 or less) to 12 significant
    /// digits: the dual values of the simplex method carry dust in the last ones.
    /// Values below 1e-290 are returned as they are: the scale that would
    /// round them is not a finite Double.
    static func significant(_ x: Double) -> Double {
        guard x.isFinite, x != 0, abs(x) >= 1e-290 else { return x }
        var scale = 1.0
        while abs(x) * scale < 1e11 { scale *= 10 }
        while abs(x) * scale >= 1e12 { scale /= 10 }
        return (x * scale).rounded() / scale
    }

    /// An amount of baht to the satang.
    static func satang(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        return (x * 100).rounded() / 100
    }

    /// Sums of many amounts carry floating-point dust (0.30000000000000004):
    /// keep 15 significant digits (at most 9 decimals), readable and exact to the satang.
    static func rounded(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        var scale = 1e9
        while scale > 1, abs(x) * scale >= 1e15 { scale /= 10 }
        return (x * scale).rounded() / scale
    }
}
