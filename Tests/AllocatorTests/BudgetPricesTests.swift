import Allocator
import Testing

/// `BudgetPrices` on scenarios small enough to solve the funder's LP by hand:
/// each comment works out the LP (the funder's own choices in [0, 1], every
/// other choice held as decided), its value per baht just above the budget,
/// the project that money buys, the one it pushes out and how far the price
/// holds; or, when money is worth nothing, the limit that binds instead.
@Suite struct BudgetPricesTests {
    static let areas = [Area(id: "R"), Area(id: "V", parent: "R")]
    /// Round figures: no escalation penalty, no delay discount, no strategy rule; a proven optimum.
    static let policy = Policy(escalationPenalty: 0, delayDiscount: 0, strategyRequired: [], mipGap: 0)

    static func scenario(
        budget: [Double], maxProjects: Int? = nil, horizon: Int = 1, strategies: [Strategy] = [], _ projects: [Project]
    ) -> Scenario {
        Scenario(
            name: "prices", horizon: horizon, areas: areas, strategies: strategies,
            funders: [
                Funder(id: "C", level: .community, area: "V", budget: Array(repeating: 100_000, count: horizon)),
                Funder(id: "L", level: .lao, area: "R", budget: budget, maxProjects: maxProjects),
            ],
            projects: projects, policy: policy)
    }

    /// Solves `s` (checking the decision is proven optimal) and prices its budgets.
    static func prices(_ s: Scenario) throws -> (AllocationResult, BudgetPrices) {
        let result = try Allocation.solve(s)
        #expect(result.status == .optimal)
        let decision = try #require(result.decision)
        return (result, try BudgetPrices.compute(model: result.model, decision: decision))
    }

    static func project(_ column: Int?, _ result: AllocationResult) -> String? {
        column.map { result.scenario.projects[result.model.choices[$0].project].id }
    }

    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    /// L has 1,000 baht; A (600, priority 10: 1/60 per baht) is funded, B (500,
    /// priority 6: 0.012 per baht) does not fit beside it. The LP takes A whole
    /// and 400/500 of B: the next baht buys more of B, at 6/500 = 0.012 per
    /// baht (12,000 per 1M baht), until B is whole, 100 baht later. The
    /// community fund C may fund neither (they are not self-reliant).
    @Test func nextBahtBuysMoreOfTheFractionalProject() throws {
        let s = Self.scenario(budget: [1000], [
            Project(id: "A", area: "V", cost: .total(600), priority: 10),
            Project(id: "B", area: "V", cost: .total(500), priority: 6),
        ])
        let (result, prices) = try Self.prices(s)
        #expect(result.decision?.assignments[1] == nil)
        let l = prices.price(funder: 1, year: 1)
        #expect(l.limit == .budget)
        #expect(Self.close(l.price, 0.012))
        #expect(Self.close(l.perMillion, 12_000))
        #expect(Self.project(l.marginal, result) == "B")
        #expect(l.displaced == nil)
        #expect(Self.close(l.range, 100, 1e-6))
        let c = prices.price(funder: 0, year: 1)
        #expect(c.price == 0 && c.limit == .nothingToFund && c.range == nil)
        #expect(prices.ranked.map(\.funder) == [1])
    }

    /// A (600, 10) and B (400, 6) spend L's 1,000 baht exactly; C (500,
    /// priority 4) is left out. At exactly 1,000 the LP's basis is degenerate
    /// (its dual may be anything from 0.008 to 0.015); the money just above it
    /// buys C at 4/500 = 0.008 per baht, for 500 baht.
    @Test func moneyExactlySpentIsPricedAtTheNextProject() throws {
        let s = Self.scenario(budget: [1000], [
            Project(id: "A", area: "V", cost: .total(600), priority: 10),
            Project(id: "B", area: "V", cost: .total(400), priority: 6),
            Project(id: "C", area: "V", cost: .total(500), priority: 4),
        ])
        let (result, prices) = try Self.prices(s)
        let l = prices.price(funder: 1, year: 1)
        #expect(l.limit == .budget)
        #expect(Self.close(l.price, 0.008))
        #expect(Self.project(l.marginal, result) == "C")
        #expect(Self.close(l.range, 500, 1e-6))
    }

    /// L has 600 baht and `maxProjects` 1; it funds C (600, priority 8.4)
    /// rather than A (400, priority 6). Money and the project limit both bind
    /// at exactly C; more money buys nothing, since C is whole and a second
    /// project breaks the limit: price 0, limit maxProjects.
    @Test func projectLimitMakesMoreMoneyWorthNothing() throws {
        let s = Self.scenario(budget: [600], maxProjects: 1, [
            Project(id: "A", area: "V", cost: .total(400), priority: 6),
            Project(id: "C", area: "V", cost: .total(600), priority: 8.4),
        ])
        let (result, prices) = try Self.prices(s)
        #expect(result.decision?.assignments[1] != nil)
        let l = prices.price(funder: 1, year: 1)
        #expect(l.price == 0)
        #expect(l.limit == .maxProjects)
        #expect(l.marginal == nil)
    }

    /// L has 800 baht and `maxProjects` 2: A (100, priority 3), B (100, 2.5),
    /// C (800, 12); the decision is C alone (A + C costs 900). The LP takes A
    /// whole and splits the second place between B and C: with money M,
    /// 100 + 100 (1 - c) + 800 c = M, so c = (M - 200) / 700 and the value
    /// 5.5 + 9.5 c grows by 9.5 / 700 per baht (duals: money 0.0135714,
    /// the project limit 1.1429). More money buys C and pushes out B, until C
    /// is whole at 900 baht: 100 baht.
    @Test func moneyThatSwapsAProjectNamesTheOneDisplaced() throws {
        let s = Self.scenario(budget: [800], maxProjects: 2, [
            Project(id: "A", area: "V", cost: .total(100), priority: 3),
            Project(id: "B", area: "V", cost: .total(100), priority: 2.5),
            Project(id: "C", area: "V", cost: .total(800), priority: 12),
        ])
        let (result, prices) = try Self.prices(s)
        #expect(result.decision?.assignments.map { $0 != nil } == [false, false, true])
        let l = prices.price(funder: 1, year: 1)
        #expect(l.limit == .budget)
        #expect(Self.close(l.price, 9.5 / 700))
        #expect(Self.project(l.marginal, result) == "C")
        #expect(Self.project(l.displaced, result) == "B")
        #expect(Self.close(l.range, 100, 1e-6))
    }

    /// L has 2,000 baht and funds both A (600) and B (500): nothing is left to
    /// fund, 900 baht are left over.
    @Test func moneyLeftOverWithNothingToFund() throws {
        let s = Self.scenario(budget: [2000], [
            Project(id: "A", area: "V", cost: .total(600), priority: 10),
            Project(id: "B", area: "V", cost: .total(500), priority: 6),
        ])
        let (_, prices) = try Self.prices(s)
        #expect(prices.price(funder: 1, year: 1) == BudgetPrice(funder: 1, year: 1, price: 0, limit: .nothingToFund))
        #expect(prices.ranked.isEmpty)
    }

    /// S1 needs half the money. L has 1,000 baht and funds A (400, S1, priority
    /// 10); B (500, no strategy, priority 6) would bring S1's share to 4/9. In
    /// the LP, 200 a - 250 b >= 0 holds B to 0.8 of A: with A whole, 800 baht
    /// are spent and 200 left, the share binds, and money is worth 0.
    @Test func minimumShareMakesMoreMoneyWorthNothing() throws {
        let s = Self.scenario(budget: [1000], strategies: [Strategy(id: "S1", minShare: 0.5)], [
            Project(id: "A", area: "V", cost: .total(400), priority: 10, strategies: ["S1"]),
            Project(id: "B", area: "V", cost: .total(500), priority: 6),
        ])
        let (result, prices) = try Self.prices(s)
        #expect(result.decision?.assignments[1] == nil)
        let l = prices.price(funder: 1, year: 1)
        #expect(l.price == 0)
        #expect(l.limit == .minShare(strategy: 0))
    }

    /// Two plan years, L has 2,000 then 500 baht. B (300, starts in year 2,
    /// priority 10) is funded; P (500 a year for two years from year 1,
    /// priority 6) would need 500 in year 2, where 200 are left. In the LP, P
    /// is 0.4 funded: year 1 has money left (price 0, held by year 2's money),
    /// and year 2's next baht buys more of P at 6/500 = 0.012, for 300 baht.
    @Test func eachPlanYearHasItsOwnPrice() throws {
        let s = Self.scenario(budget: [2000, 500], horizon: 2, [
            Project(id: "B", area: "V", cost: .total(300), priority: 10, earliestStart: 2),
            Project(id: "P", area: "V", cost: .perYear([500, 500]), priority: 6, duration: 2, latestStart: 1),
        ])
        let (result, prices) = try Self.prices(s)
        #expect(result.decision?.assignments[1] == nil)
        let first = prices.price(funder: 1, year: 1)
        #expect(first.price == 0)
        #expect(first.limit == .otherYear(2))
        let second = prices.price(funder: 1, year: 2)
        #expect(second.limit == .budget)
        #expect(Self.close(second.price, 0.012))
        #expect(Self.project(second.marginal, result) == "P")
        #expect(Self.close(second.range, 300, 1e-6))
    }

    /// The same decision gives the same prices, whatever the number of threads.
    @Test func pricesDoNotDependOnTheThreads() throws {
        let s = Self.scenario(budget: [800], maxProjects: 2, [
            Project(id: "A", area: "V", cost: .total(100), priority: 3),
            Project(id: "B", area: "V", cost: .total(100), priority: 2.5),
            Project(id: "C", area: "V", cost: .total(800), priority: 12),
        ])
        let (result, prices) = try Self.prices(s)
        let decision = try #require(result.decision)
        #expect(try BudgetPrices.compute(model: result.model, decision: decision, threads: 1) == prices)
    }

    /// A and B on L's 1,000 baht, as in the first test: two funders, one of them (L) with a price.
    static func twoFunders() throws -> (AllocationResult, BudgetPrices, Decision) {
        let s = Self.scenario(budget: [1000], [
            Project(id: "A", area: "V", cost: .total(600), priority: 10),
            Project(id: "B", area: "V", cost: .total(500), priority: 6),
        ])
        let (result, prices) = try Self.prices(s)
        return (result, prices, try #require(result.decision))
    }

    /// A deadline already past prices no funder: the set is empty, incomplete,
    /// and names both funders as not priced. A deadline far ahead prices them
    /// all, the same as without one.
    @Test func aDeadlinePastLeavesEveryFunderOut() throws {
        let (result, prices, decision) = try Self.twoFunders()
        #expect(prices.isComplete && prices.unpriced.isEmpty)
        let late = try BudgetPrices.compute(model: result.model, decision: decision, until: .now - .seconds(1))
        #expect(late.all.isEmpty)
        #expect(late.unpriced == [0, 1])
        #expect(!late.isComplete)
        let early = try BudgetPrices.compute(model: result.model, decision: decision, until: .now + .seconds(3600))
        #expect(early == prices)
        #expect(early.isComplete)
    }

    /// The funder's LP is not solved once its deadline has passed (GLPK would
    /// be given no time), and is solved with time left.
    @Test func aFundersLPIsNotSolvedAfterItsDeadline() throws {
        let (result, _, decision) = try Self.twoFunders()
        let columns = try #require(result.model.columns(of: decision))
        let lp = FunderLPBuilder(model: result.model, decision: columns).lp(of: 1)
        #expect(!lp.columns.isEmpty)
        #expect(try FunderLPSolver.solve(lp, until: .now - .seconds(1)) == nil)
        #expect(try FunderLPSolver.solve(lp, until: .now + .seconds(3600)) != nil)
        #expect(try FunderLPSolver.solve(lp) != nil)
    }

    /// A set cut after funder C (L priced, C not): L's price is still found by
    /// its funder, and result.json and the summary say the set is incomplete
    /// and how many funders it leaves out; a complete set says it is complete.
    @Test func aCutSetSaysSoInTheResultAndTheSummary() throws {
        var (result, prices, decision) = try Self.twoFunders()
        let cut = BudgetPrices(horizon: 1, all: [prices.price(funder: 1, year: 1)], unpriced: [0])
        #expect(cut.price(funder: 1, year: 1) == prices.price(funder: 1, year: 1))
        #expect(!cut.isComplete)
        let figures = ResultFigures(model: result.model, decision: decision)

        result.budgetPrices = prices
        let whole = ResultDocument.json(result, model: result.model, figures: figures, includeTimings: false).serialized()
        #expect(whole.contains("\"budgetPricesComplete\": true,\n  \"budgetPrices\": ["))
        #expect(!whole.contains("unpricedFunders"))
        #expect(!Summary.text(result, model: result.model, figures: figures).contains("Cut by the time limit"))

        result.budgetPrices = cut
        let json = ResultDocument.json(result, model: result.model, figures: figures, includeTimings: false).serialized()
        #expect(json.contains("\"budgetPricesComplete\": false,\n  \"unpricedFunders\": 1,\n  \"budgetPrices\": ["))
        #expect(json.contains("{\"funder\": \"L\", \"year\": 1,"))
        #expect(!json.contains("{\"funder\": \"C\""))
        let summary = Summary.text(result, model: result.model, figures: figures)
        #expect(summary.contains(
            "  Cut by the time limit: 1 of 2 funders not priced (left out of budgetPrices); a longer --time-limit prices them all.\n"
            + "  Money binds 1 of 1 budget (funder and plan year)."), "\(summary)")

        result.budgetPrices = BudgetPrices(horizon: 1, all: [], unpriced: [0, 1])
        let none = Summary.text(result, model: result.model, figures: figures)
        #expect(none.hasSuffix("  Cut by the time limit: 2 of 2 funders not priced (left out of budgetPrices); a longer --time-limit prices them all.\n"), "\(none)")
    }
}
