import Allocator
import Testing

/// `Explainer` on scenarios small enough to work out by hand: each reason, the
/// smallest extra budget and the smallest priority that fund a project (found
/// to within the stated precision, funding it when re-solved, and a little
/// less not), and why a funded project's funder is not a lower level.
@Suite struct ExplainerTests {
    static let areas = [Area(id: "R"), Area(id: "V", parent: "R")]
    /// No escalation penalty or strategy rule, so the figures are round; a proven optimum.
    static let policy = Policy(escalationPenalty: 0, strategyRequired: [], mipGap: 0)

    static func explain(_ s: Scenario, _ id: String, limits: ExplainLimits = ExplainLimits()) throws -> ProjectExplanation {
        let result = try Allocation.solve(s)
        #expect(result.status == .optimal)
        return try Explainer(result: result).explain(Explainer.project(withID: id, in: s), limits: limits)
    }

    /// Whether a solve of `s` with `change` made funds project `id`.
    static func funds(_ s: Scenario, _ change: ScenarioChange, _ id: String) throws -> Bool {
        let changed = change.applied(to: s)
        let result = try Allocation.solve(changed, options: SolveOptions(mipGap: 0))
        return result.decision?.assignments[try Explainer.project(withID: id, in: s)] != nil
    }

    static func budgetChange(_ e: ProjectExplanation, at funder: String) -> SmallestChange? {
        e.changes.first { change in
            if case .budget(let f, _) = change.kind { return e.scenario.funders[f].id == funder }
            return false
        }
    }

    /// L has 1,000 baht: A (600, priority 10) is funded, B (500, priority 6) does
    /// not fit beside it (400 left). By hand: B needs 100 baht more at L, or a
    /// priority above A's 10.5 (only one of the two fits, and B alone is then worth more).
    static let twoProjects = Scenario(
        name: "budget", fiscalYear: 2570, areas: areas,
        funders: [
            Funder(id: "C", level: .community, area: "V", budget: [100_000]),
            Funder(id: "L", level: .lao, area: "R", budget: [1000]),
        ],
        projects: [
            Project(id: "A", area: "V", cost: .total(600), priority: 10.5),
            Project(id: "B", area: "V", cost: .total(500), priority: 6),
        ],
        policy: policy)

    @Test func budgetGapIsFoundAndVerifiedByResolving() throws {
        let s = Self.twoProjects
        let e = try Self.explain(s, "B")
        #expect(e.reason?.code == "budget")
        let budget = try #require(Self.budgetChange(e, at: "L"))
        #expect(budget.outcome == .verified)
        #expect(budget.kind == .budget(funder: 1, years: 1 ... 1))
        #expect(budget.estimates == [100])
        let found = try #require(budget.funded)
        #expect(found.figure >= 100 && found.figure <= 101, "100 by hand, within 1%")
        #expect(found.figure - budget.notFunded <= 0.01 * found.figure)
        #expect(e.scenario.funders[found.funder!].id == "L")
        #expect(try Self.funds(s, .extraBudget(funder: 1, years: 1 ... 1, amount: found.figure), "B"))
        #expect(try !Self.funds(s, .extraBudget(funder: 1, years: 1 ... 1, amount: budget.notFunded), "B"))
        #expect(try !Self.funds(s, .extraBudget(funder: 1, years: 1 ... 1, amount: 99), "B"))

        let priority = try #require(e.changes.last)
        #expect(priority.kind == .priority)
        #expect(priority.outcome == .verified)
        let needed = try #require(priority.funded?.figure)
        #expect(priority.notFunded <= 10.5 && 10.5 < needed, "above A's 10.5 by hand")
        #expect(needed - priority.notFunded <= 0.01 * needed + 1e-9)
        #expect(try Self.funds(s, .priority(project: 1, priority: needed), "B"))
        #expect(try !Self.funds(s, .priority(project: 1, priority: priority.notFunded), "B"))
        #expect(e.resolves.allSatisfy { $0.status == .optimal && !$0.stoppedAtTimeLimit })
        #expect(e.text().contains("Each re-solve proved its decision optimal"))
    }

    /// L has 1,000 baht and funds A (1,000, priority 20). B (400, priority 8) is
    /// worth more per baht than C (500, priority 5), so more money at L goes to B
    /// first: by hand C is funded only with 900 more (A + B + C), not with the
    /// 500 it lacks beside A (A + B is worth more than A + C up to 1,899 baht).
    /// Its priority must exceed 12 (B + C worth more than A).
    static let competition = Scenario(
        name: "competition", areas: areas,
        funders: [Funder(id: "L", level: .lao, area: "R", budget: [1000])],
        projects: [
            Project(id: "A", area: "V", cost: .total(1000), priority: 20),
            Project(id: "B", area: "V", cost: .total(400), priority: 8),
            Project(id: "C", area: "V", cost: .total(500), priority: 5),
        ],
        policy: policy)

    @Test func moneyGoesToProjectsWorthMorePerBahtFirst() throws {
        let s = Self.competition
        let e = try Self.explain(s, "C")
        #expect(e.reason?.code == "budget")
        let budget = try #require(Self.budgetChange(e, at: "L"))
        #expect(budget.estimates == [500, 900], "what it lacks, then with B's 400 first")
        #expect(budget.outcome == .verified)
        let found = try #require(budget.funded?.figure)
        #expect(found >= 900 && found <= 909)
        #expect(try Self.funds(s, .extraBudget(funder: 0, years: 1 ... 1, amount: found), "C"))
        #expect(try !Self.funds(s, .extraBudget(funder: 0, years: 1 ... 1, amount: budget.notFunded), "C"))
        #expect(try !Self.funds(s, .extraBudget(funder: 0, years: 1 ... 1, amount: 500), "C"))

        let priority = try #require(e.changes.last)
        #expect(priority.outcome == .verified)
        let needed = try #require(priority.funded?.figure)
        #expect(priority.notFunded <= 12 && 12 < needed && needed <= 12 * 1.01 + 0.01)
        #expect(try Self.funds(s, .priority(project: 2, priority: needed), "C"))
        #expect(try !Self.funds(s, .priority(project: 2, priority: priority.notFunded), "C"))
    }

    /// Horizon 2: L has 1,000 a year and funds A1 in year 1 and A2 in year 2; B
    /// (600) may start in either. By hand: 600 more in year 1 funds it (the
    /// estimate picks the earliest of the equally short start years).
    @Test func extraBudgetGoesToTheYearsTheProjectWouldRun() throws {
        let s = Scenario(
            name: "years", horizon: 2, areas: Self.areas,
            funders: [Funder(id: "L", level: .lao, area: "R", budget: [1000, 1000])],
            projects: [
                Project(id: "A1", area: "V", cost: .total(1000), priority: 10, earliestStart: 1, latestStart: 1),
                Project(id: "A2", area: "V", cost: .total(1000), priority: 10, earliestStart: 2, latestStart: 2),
                Project(id: "B", area: "V", cost: .total(600), priority: 5),
            ],
            policy: Self.policy)
        let e = try Self.explain(s, "B")
        let budget = try #require(Self.budgetChange(e, at: "L"))
        #expect(budget.kind == .budget(funder: 0, years: 1 ... 1))
        #expect(budget.outcome == .verified)
        let found = try #require(budget.funded?.figure)
        #expect(found >= 600 && found <= 606)
        #expect(try !Self.funds(s, .extraBudget(funder: 0, years: 1 ... 1, amount: budget.notFunded), "B"))
        #expect(e.text().contains("the same amount in plan year 1"))
    }

    /// The community fund (10,000 a year) cannot take a self-reliant project of
    /// 12,000: 2,000 more funds it; its priority cannot help; a funder at its
    /// project limit is not tried for money.
    @Test func tooLargeAndAtCapacity() throws {
        let s = Scenario(
            name: "limits", areas: Self.areas,
            funders: [
                Funder(id: "C", level: .community, area: "V", budget: [10_000]),
                Funder(id: "L", level: .lao, area: "R", budget: [10_000], maxProjects: 1),
            ],
            projects: [
                Project(id: "S", area: "V", cost: .total(12_000), priority: 5, selfReliant: true),
                Project(id: "A", area: "V", cost: .total(100), priority: 9),
                Project(id: "B", area: "V", cost: .total(100), priority: 4),
            ],
            policy: Self.policy)
        let e = try Self.explain(s, "S")
        #expect(e.reason?.code == "budget")
        let budget = try #require(Self.budgetChange(e, at: "C"))
        #expect(budget.outcome == .verified)
        #expect(budget.estimates == [2000])
        #expect((2000 ... 2020).contains(budget.funded?.figure ?? 0))
        guard case .notSearched = e.changes.last?.outcome else {
            Issue.record("priority cannot help a project too large for every funder")
            return
        }
        let b = try Self.explain(s, "B")
        #expect(b.untried.map { s.funders[$0.funder].id } == ["L"])
        #expect(Self.budgetChange(b, at: "L") == nil)
        let priority = try #require(b.changes.last)
        #expect(priority.outcome == .verified)
        let needed = try #require(priority.funded?.figure)
        #expect(priority.notFunded <= 9 && 9 < needed, "above A's 9: L takes one project")
    }

    @Test func noResolvesShowsEstimatesOnly() throws {
        let e = try Self.explain(Self.twoProjects, "B", limits: ExplainLimits(resolves: 0))
        #expect(e.resolves.isEmpty)
        let budget = try #require(Self.budgetChange(e, at: "L"))
        #expect(budget.estimates == [100])
        guard case .notSearched(let why) = budget.outcome else {
            Issue.record("nothing verified without re-solves")
            return
        }
        #expect(why.contains("--resolves 0"))
    }

    @Test func theResolvesAreCountedAndShared() throws {
        let e = try Self.explain(Self.competition, "C", limits: ExplainLimits(resolves: 3))
        #expect(e.resolves.count == 3)
        #expect(e.changes.map(\.resolves.count) == [2, 1])
        #expect(e.changes.first?.cut == .resolves)
        #expect(e.text().contains("the re-solves ran out (at most 3 in all)"))
    }

    /// S needs half of all money: A (S, 100) is funded, and B (150, not S) beside
    /// it would bring S to 40%. By hand: S has 50 baht above its minimum, B raises
    /// the minimum by 75, so S projects need 50 baht more ((75 - 50) / (1 - 0.5))
    /// before B fits; more money at L or a higher priority does not help.
    @Test func aBindingMinimumShareIsNamed() throws {
        let s = Scenario(
            name: "share", areas: Self.areas, strategies: [Strategy(id: "S", minShare: 0.5)],
            funders: [Funder(id: "L", level: .lao, area: "R", budget: [1000])],
            projects: [
                Project(id: "A", area: "V", cost: .total(100), priority: 1, strategies: ["S"]),
                Project(id: "B", area: "V", cost: .total(150), priority: 10),
            ],
            policy: Self.policy)
        let e = try Self.explain(s, "B", limits: ExplainLimits(resolves: 6))
        #expect(e.reason?.code == "notChosen")
        #expect(e.shares == [ShareLimit(strategy: 0, share: 1, minShare: 0.5, slack: 50, needed: 75)])
        #expect(e.shares.first?.extraForStrategy == 50)
        let words = e.text().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("so it can be funded only if S projects get 50 baht more as well."))
        #expect(e.changes.allSatisfy { $0.funded == nil }, "money and priority cannot break the minimum")
    }

    /// Overlap and requires name the other project; the required one's own reason is given.
    @Test func overlapAndRequiresNameTheOtherProject() throws {
        let s = Scenario(
            name: "links", areas: Self.areas,
            funders: [Funder(id: "L", level: .lao, area: "R", budget: [1000])],
            projects: [
                Project(id: "W", area: "V", cost: .total(100), priority: 9, overlaps: ["g"]),
                Project(id: "O", area: "V", cost: .total(100), priority: 3, overlaps: ["g"]),
                Project(id: "Q", area: "V", cost: .total(5000), priority: 9),
                Project(id: "P", area: "V", cost: .total(100), priority: 9, requires: ["Q"]),
            ],
            policy: Self.policy)
        let o = try Self.explain(s, "O")
        #expect(o.reason?.code == "overlap")
        #expect(o.overlap?.winner == 0 && o.overlap?.winnerValue == 9 && o.overlap?.ownValue == 3)
        #expect(o.changes.isEmpty && o.funders.isEmpty)
        let p = try Self.explain(s, "P")
        #expect(p.reason?.code == "requires")
        #expect(p.requirement?.project == 2)
        #expect(p.requirement?.reason?.code == "budget")
        #expect(p.text().contains("Q is not funded (budget): It costs more in some year than the whole yearly budget"))
    }

    /// The guideline's shape: the LAO (at most 3 projects) cannot take P3, so the
    /// district does; P1 is at the LAO, the lowest level allowed; a lower funder
    /// with room but worth less there (valueAt) is said so.
    @Test func whyThatFunder() throws {
        let s = Scenario(
            name: "why", areas: Self.areas,
            funders: [
                Funder(id: "C", level: .community, area: "V", budget: [100_000]),
                Funder(id: "L", level: .lao, area: "R", budget: [1_000_000], maxProjects: 3),
                Funder(id: "D", level: .district, area: "R", budget: [2_000_000]),
            ],
            projects: [
                Project(id: "P1", area: "V", cost: .total(500_000), priority: 9),
                Project(id: "P2", area: "V", cost: .total(300_000), priority: 8),
                Project(id: "P3", area: "V", cost: .total(300_000), priority: 7),
                Project(id: "P4", area: "V", cost: .total(200_000), priority: 6),
                Project(id: "P7", area: "V", cost: .total(10_000), priority: 5, levels: [.community, .district],
                        valueAt: [.init(key: "community", value: 1)]),
            ],
            policy: Policy(strategyRequired: [], mipGap: 0))
        let p3 = try Self.explain(s, "P3")
        #expect(p3.assignment.map { s.funders[$0.funder].id } == "D")
        #expect(p3.lowerFunders.map { s.funders[$0.funder].id } == ["C", "L"])
        #expect(p3.lowerFunders.map(\.standing.kind) == [.ineligible([.levelNotAllowed]), .atCapacity(limit: 3)])
        #expect(p3.whyThisFunder?.code == "lowerCouldNot")
        #expect(p3.text().contains("No lower level could take it: L is at its project limit (3)."))
        #expect(p3.changes.isEmpty && p3.resolves.isEmpty)

        let p1 = try Self.explain(s, "P1")
        #expect(p1.whyThisFunder == FunderChoiceReason(code: "lowestAllowedLevel", explanation: "L is at the lowest level allowed for it (lao)."))

        let p7 = try Self.explain(s, "P7")
        #expect(p7.assignment.map { s.funders[$0.funder].id } == "D")
        #expect(p7.whyThisFunder?.code == "lowerHadRoom")
        #expect(p7.whyThisFunder?.explanation.hasPrefix("C had room for it, but it is worth no more there") == true)
    }

    @Test func sameDecisionSameExplanation() throws {
        let first = try Self.explain(Self.competition, "C").json().serialized()
        let second = try Self.explain(Self.competition, "C").json().serialized()
        #expect(first == second)
    }

    @Test func unknownProjectSuggestsTheClosestId() {
        #expect(throws: ExplainError.unknownProject("P-0017", suggestion: "P-0071")) {
            try Explainer.project(withID: "P-0017", in: Scenario(
                name: "ids", areas: Self.areas, funders: [],
                projects: [Project(id: "P-0071", area: "V", cost: .total(1), priority: 1)]))
        }
    }
}
