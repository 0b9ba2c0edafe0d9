import Allocator
import Testing

/// `Explainer.explain(funder:)` on scenarios worked out by hand: the default
/// extra money (what the marginal project lacks, or the price's range), the
/// projects it funds and the gain, in each re-solve; and the ids and years
/// it refuses.
@Suite struct FunderExplanationTests {
    static let areas = [Area(id: "R"), Area(id: "V", parent: "R")]
    static let policy = Policy(escalationPenalty: 0, delayDiscount: 0, strategyRequired: [], mipGap: 0)

    static func scenario(budget: Double, maxProjects: Int? = nil, _ projects: [Project]) -> Scenario {
        Scenario(
            name: "funder", fiscalYear: 2570, areas: areas,
            funders: [Funder(id: "LAO-1", level: .lao, area: "R", budget: [budget], maxProjects: maxProjects)],
            projects: projects, policy: policy)
    }

    static func explain(_ s: Scenario, extra: Double? = nil, limits: ExplainLimits = ExplainLimits()) throws -> FunderExplanation {
        let result = try Allocation.solve(s)
        #expect(result.status == .optimal)
        return try Explainer(result: result).explain(funder: 0, extra: extra, limits: limits)
    }

    static func ids(_ e: FunderExplanation, _ projects: [Int]) -> [String] {
        projects.map { e.scenario.projects[$0].id }
    }

    /// LAO-1 has 1,000 baht and funds A (600, priority 10); B (500, priority 6)
    /// lacks 100 baht beside it. The price is 6/500 per baht; the default extra
    /// is those 100 baht, with which B is funded: a gain of 6, whether LAO-1
    /// alone or the whole scenario is re-solved, for 500 baht newly spent
    /// (the 100 and the 400 left idle). Without extra money LAO-1 alone gains nothing.
    @Test func defaultExtraIsWhatTheMarginalProjectLacks() throws {
        let e = try Self.explain(Self.scenario(budget: 1000, [
            Project(id: "A", area: "V", cost: .total(600), priority: 10),
            Project(id: "B", area: "V", cost: .total(500), priority: 6),
        ]))
        #expect(abs(e.prices[0].price - 0.012) < 1e-12)
        let extra = try #require(e.extra)
        #expect(extra.amount == 100 && extra.years == 1 ... 1 && extra.basis == .shortfall)
        #expect(e.resolves.map(\.kind) == [.funderAlone, .funderAlone, .whole])
        #expect(e.resolves.map(\.extra) == [0, 100, 100])
        let gains = e.resolves.map { $0.gain ?? .nan }
        #expect(abs(gains[0]) < 1e-9 && abs(gains[1] - 6) < 1e-9 && abs(gains[2] - 6) < 1e-9, "\(gains)")
        for r in e.resolves.dropFirst() {
            #expect(Self.ids(e, r.changes.newlyFunded) == ["B"])
            #expect(r.changes.dropped.isEmpty && r.changes.moved.isEmpty)
            #expect(r.spentAtFunder.map { abs($0 - 500) < 1e-9 } == true)
            #expect(r.status == .optimal)
        }
        #expect(e.text().contains("+ B: newly funded by LAO-1, 500 baht"))
        #expect(e.text().contains("both re-solves gain 60,000.000 per 1M baht of the\n    extra money and 12,000.000 per 1M baht of the 500 baht LAO-1 newly spends"))
    }

    /// LAO-1 has 800 baht and maxProjects 2: A (100, priority 3), B (100, 2.5),
    /// C (800, 12); the decision funds C. The LP's marginal project is C
    /// itself (it buys C and gives up B, 9.5/700 per baht, for 100 baht), so
    /// the default extra is that range, 100 baht. With 900 baht LAO-1 funds
    /// A and C: a gain of 3 (A), 100 baht newly spent.
    @Test func defaultExtraIsTheRangeWhenTheMarginalProjectIsFunded() throws {
        let e = try Self.explain(Self.scenario(budget: 800, maxProjects: 2, [
            Project(id: "A", area: "V", cost: .total(100), priority: 3),
            Project(id: "B", area: "V", cost: .total(100), priority: 2.5),
            Project(id: "C", area: "V", cost: .total(800), priority: 12),
        ]))
        let extra = try #require(e.extra)
        #expect(extra.basis == .range)
        #expect(extra.amount == 100)
        let whole = try #require(e.resolve(.whole))
        #expect(abs((whole.gain ?? 0) - 3) < 1e-9)
        #expect(Self.ids(e, whole.changes.newlyFunded) == ["A"])
        #expect(whole.spentAtFunder.map { abs($0 - 100) < 1e-9 } == true)
        #expect(e.resolve(.funderAlone)?.changes == whole.changes)
    }

    /// Three plan years of 1,000 baht, delay discount 10%: A (600, year 1 only,
    /// priority 12) and B (800, year 2 only, priority 12) are funded, E (900,
    /// priority 10, any year) starts in year 3 (worth 8.1), where it alone fits.
    /// The LP spreads E over the money left: 4/9 in year 1 (400 baht), 2/9 in
    /// year 2 (200), 3/9 in year 3. Year 1's next baht moves E from year 3 to
    /// year 1: (10 - 8.1)/900 per baht, for 300 baht (until year 3's part is
    /// gone). The default is not that range: E from year 1 lacks 900 - 400 = 500
    /// baht there, and with them E moves to year 1 for a gain of 1.9 (300 baht
    /// would move nothing).
    @Test func defaultExtraIsWhatTheMarginalStartYearLacks() throws {
        let s = Scenario(
            name: "years", fiscalYear: 2570, horizon: 3, areas: Self.areas,
            funders: [Funder(id: "LAO-1", level: .lao, area: "R", budget: [1000, 1000, 1000])],
            projects: [
                Project(id: "A", area: "V", cost: .total(600), priority: 12, earliestStart: 1, latestStart: 1),
                Project(id: "B", area: "V", cost: .total(800), priority: 12, earliestStart: 2, latestStart: 2),
                Project(id: "E", area: "V", cost: .total(900), priority: 10),
            ],
            policy: Policy(escalationPenalty: 0, delayDiscount: 0.1, strategyRequired: [], mipGap: 0))
        let e = try Self.explain(s)
        #expect(e.decision?.assignments[2] == Decision.Assignment(funder: 0, start: 3))
        let first = e.prices[0]
        #expect(abs(first.price - 1.9 / 900) < 1e-12)
        #expect(first.range.map { abs($0 - 300) < 1e-6 } == true)
        #expect(first.marginal.map { e.model.choices[$0].start } == 1)
        #expect(first.displaced.map { e.model.choices[$0].start } == 3)
        let extra = try #require(e.extra)
        #expect(extra.basis == .shortfall && extra.amount == 500 && extra.years == 1 ... 1)
        let whole = try #require(e.resolve(.whole))
        #expect(abs((whole.gain ?? 0) - 1.9) < 1e-9)
        #expect(whole.changes.moved == [2])
    }

    /// Money exactly spent on A and B, nothing else to fund: the price is 0,
    /// so there is no default amount and nothing is re-solved; with --extra
    /// 500 the re-solves run and fund nothing more.
    @Test func noDefaultWhenMoneyIsWorthNothing() throws {
        let s = Self.scenario(budget: 1000, [
            Project(id: "A", area: "V", cost: .total(600), priority: 10),
            Project(id: "B", area: "V", cost: .total(400), priority: 6),
        ])
        let e = try Self.explain(s)
        #expect(e.prices.map(\.limit) == [.nothingToFund])
        #expect(e.extra == nil && e.resolves.isEmpty)
        #expect(e.text().contains("give --extra BAHT to re-solve with an amount anyway"))
        let given = try Self.explain(s, extra: 500)
        #expect(given.extra?.basis == .given)
        #expect(given.resolves.count == 3)
        #expect(given.resolves.allSatisfy { $0.changes.isEmpty && abs($0.gain ?? 1) < 1e-9 })
    }

    /// `--resolves 1`: only the first re-solve is made, and the cut is said.
    @Test func resolvesAreBounded() throws {
        let e = try Self.explain(Self.scenario(budget: 1000, [
            Project(id: "A", area: "V", cost: .total(600), priority: 10),
            Project(id: "B", area: "V", cost: .total(500), priority: 6),
        ]), limits: ExplainLimits(resolves: 1))
        #expect(e.resolves.count == 1)
        #expect(e.cut == .resolves)
        #expect(e.summary().contains("the others were not made: --resolves allows 1"))
    }

    @Test func unknownFundersAndYearsAreRefused() throws {
        let s = Scenario(
            name: "years", fiscalYear: 2570, horizon: 3, areas: Self.areas,
            funders: [Funder(id: "LAO-KK-01-03", level: .lao, area: "R", budget: [1, 1, 1])], projects: [], policy: Self.policy)
        #expect(try Explainer.funder(withID: "LAO-KK-01-03", in: s) == 0)
        #expect(throws: ExplainError.unknownFunder("LAO-KK-01-04", suggestion: "LAO-KK-01-03")) {
            try Explainer.funder(withID: "LAO-KK-01-04", in: s)
        }
        #expect(throws: ExplainError.unknownFunder("DIST-9", suggestion: nil)) { try Explainer.funder(withID: "DIST-9", in: s) }
        #expect(try Explainer.planYear(2, in: s) == 2)
        #expect(try Explainer.planYear(2572, in: s) == 3)
        #expect(throws: ExplainError.unknownYear(2573, horizon: 3, fiscalYear: 2570)) { try Explainer.planYear(2573, in: s) }
        #expect(ExplainError.unknownYear(4, horizon: 3, fiscalYear: 2570).description
            == "--year 4 is not a plan year of the scenario: give 1 to 3 or the fiscal year 2570 to 2572")
    }
}
