import Allocator
import Testing

/// The shared world of the model-rule tests (`ModelEligibilityTests`,
/// `ModelConstraintTests` and the objective tests below): a small area tree,
/// a policy with round numbers, and one assertion that solves to a proven
/// optimum and checks the decision, the objective and the independent checker.
///
/// Each test builds a scenario in which one rule of the spec is the only thing
/// standing between the solver and a more valuable decision, so a model that
/// dropped or bent that rule would return another decision or objective.
enum ModelRule {
    /// P (province) > D1 > T1 > V1, P > D2, and a second root Q that only a
    /// nationwide ministry serves.
    static let areas = [
        Area(id: "P"), Area(id: "D1", parent: "P"), Area(id: "T1", parent: "D1"),
        Area(id: "V1", parent: "T1"), Area(id: "D2", parent: "P"), Area(id: "Q"),
    ]

    /// 10% of value lost per level of escalation and per year of delay, no
    /// strategy requirement (rule 5 has its own test), proven optimum.
    static let policy = Policy(escalationPenalty: 0.1, delayDiscount: 0.1, strategyRequired: [], mipGap: 0)

    static func scenario(
        horizon: Int = 1, strategies: [Strategy] = [], funders: [Funder], projects: [Project],
        policy: Policy = policy
    ) -> Scenario {
        Scenario(
            name: "model rule", horizon: horizon, areas: areas, strategies: strategies,
            funders: funders, projects: projects, policy: policy)
    }

    /// The same amount in each of `horizon` plan years.
    static func years(_ amount: Double, _ horizon: Int = 1) -> [Double] {
        Array(repeating: amount, count: horizon)
    }

    /// Each project's assignment as "FUNDER-ID@start", or "-" when unfunded.
    static func describe(_ decision: Decision, in s: Scenario) -> [String] {
        decision.assignments.map { a in a.map { "\(s.funders[$0.funder].id)@\($0.start)" } ?? "-" }
    }

    /// Solves `s` to a proven optimum (mipGap 0) and checks that the decision is
    /// exactly `expected` (one entry per project, as `describe` writes it), that
    /// the objective the solve reports and the one `DecisionChecker` recomputes
    /// both equal `objective` (worked out by hand in each test), and that the
    /// checker finds no broken rule.
    static func expectOptimum(
        _ s: Scenario, _ expected: [String], objective: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try Allocation.solve(s, options: SolveOptions(mipGap: 0))
        #expect(result.status == .optimal, sourceLocation: sourceLocation)
        let decision = try #require(result.decision, sourceLocation: sourceLocation)
        #expect(describe(decision, in: s) == expected, sourceLocation: sourceLocation)
        #expect(DecisionChecker.violations(of: decision, in: s) == [], sourceLocation: sourceLocation)
        let tolerance = 1e-9 * max(1, abs(objective))
        let reported = result.objective ?? .nan
        #expect(abs(reported - objective) <= tolerance, "solve reports \(reported)", sourceLocation: sourceLocation)
        let checked = DecisionChecker.objective(of: decision, in: s)
        #expect(abs(checked - objective) <= tolerance, "checker computes \(checked)", sourceLocation: sourceLocation)
    }
}

/// The parts of the spec's objective,
/// `v(p,f) * (1 - escalationPenalty)^steps(p,f) * (1 - delayDiscount)^(t-1)`,
/// each one deciding a solve or its objective.
@Suite struct ModelRuleTests {
    /// `steps` counts places in community < lao < district < province < ministry
    /// above the lowest level rule 2 allows, not above community and not
    /// positions in the `levels` list.
    @Test func escalationPenaltyStepsFromLowestAllowedLevel() throws {
        let s = ModelRule.scenario(
            funders: [
                Funder(id: "COMM-T1", level: .community, area: "T1", budget: [1000]),
                Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [1000]),
                Funder(id: "DIST-D1", level: .district, area: "D1", budget: [1000]),
                Funder(id: "MIN", level: .ministry, budget: [1000]),
            ],
            projects: [
                // Levels [district, ministry], pinned to the ministry: 2 steps above district.
                Project(id: "A", area: "T1", cost: .total(10), priority: 10, levels: [.district, .ministry], funder: "MIN"),
                // Worth 10.5 at the district, but 10.5 * 0.9 = 9.45 < 10 at the LAO: subsidiarity wins.
                Project(id: "B", area: "T1", cost: .total(10), priority: 10, valueAt: [.init(key: "district", value: 10.5)]),
                // Self-reliant: the community is 0 steps.
                Project(id: "C", area: "T1", cost: .total(10), priority: 10, selfReliant: true),
                // Support-needing, pinned to the ministry: 3 steps above lao.
                Project(id: "D", area: "T1", cost: .total(10), priority: 10, funder: "MIN"),
            ])
        // A 10 * 0.9^2 = 8.1; B 10; C 10; D 10 * 0.9^3 = 7.29; total 35.39.
        try ModelRule.expectOptimum(s, ["MIN@1", "LAO-T1@1", "COMM-T1@1", "MIN@1"], objective: 35.39)
    }

    /// One start per year fits the LAO's budget; the discount is (1 - 0.1)^(t-1),
    /// so the most valuable project goes first.
    @Test func delayDiscountPerYear() throws {
        let s = ModelRule.scenario(
            horizon: 3,
            funders: [Funder(id: "LAO-T1", level: .lao, area: "T1", budget: ModelRule.years(10, 3))],
            projects: [
                Project(id: "A", area: "T1", cost: .total(10), priority: 10),
                Project(id: "B", area: "T1", cost: .total(10), priority: 6),
                Project(id: "C", area: "T1", cost: .total(10), priority: 1, earliestStart: 2),
            ])
        // A@1 B@2 C@3: 10 + 6 * 0.9 + 1 * 0.81 = 16.21. Next best: A@2 B@1 C@3 = 9 + 6 + 0.81 = 15.81,
        // A@1 B@3 C@2 = 10 + 4.86 + 0.9 = 15.76.
        try ModelRule.expectOptimum(s, ["LAO-T1@1", "LAO-T1@2", "LAO-T1@3"], objective: 16.21)
    }

    /// A funder-id key of `valueAt` or `costAt` beats a level key, wherever it stands in the file.
    @Test func valueAtAndCostAtByFunderIdWinOverLevel() throws {
        let s = ModelRule.scenario(
            funders: [
                Funder(id: "LAO-A", level: .lao, area: "T1", budget: [50]),
                Funder(id: "LAO-B", level: .lao, area: "D1", budget: [50]),
            ],
            projects: [
                // Worth 50 at LAO-A (its id), 2 at LAO-B (the level).
                Project(id: "V", area: "T1", cost: .total(10), priority: 10,
                        valueAt: [.init(key: "lao", value: 2), .init(key: "LAO-A", value: 50)]),
                // Worth 20 at LAO-A but costs 100 there (its id), over the budget of 50;
                // costs 10 at LAO-B (the level).
                Project(id: "W", area: "T1", cost: .total(10), priority: 10,
                        costAt: [.init(key: "lao", value: .total(10)), .init(key: "LAO-A", value: .total(100))],
                        valueAt: [.init(key: "LAO-A", value: 20)]),
            ])
        // V at LAO-A 50 + W at LAO-B 10 = 60.
        try ModelRule.expectOptimum(s, ["LAO-A@1", "LAO-B@1"], objective: 60)
    }

    /// `priority * (1 + sum of weights of distinct strategies)`: a strategy listed twice counts once.
    @Test func strategyWeightsCountOncePerDistinctStrategy() throws {
        let s = ModelRule.scenario(
            strategies: [Strategy(id: "S1", weight: 0.5), Strategy(id: "S2", weight: 0.25)],
            funders: [
                Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [10]),
                Funder(id: "LAO-D2", level: .lao, area: "D2", budget: [10]),
            ],
            projects: [
                // 8 * (1 + 0.5 + 0.25) = 14 (18 if S1 counted twice, which would beat B).
                Project(id: "A", area: "T1", cost: .total(10), priority: 8, strategies: ["S1", "S1", "S2"]),
                Project(id: "B", area: "T1", cost: .total(10), priority: 15),
                // 4 * 1.75 = 7.
                Project(id: "E", area: "D2", cost: .total(10), priority: 4, strategies: ["S2", "S1", "S2"]),
            ])
        // LAO-T1 has room for one: B 15 > A 14. E 7. Total 22.
        try ModelRule.expectOptimum(s, ["-", "LAO-T1@1", "LAO-D2@1"], objective: 22)
    }
}
