import Allocator
import Testing

/// Hand-made cases for `DecisionChecker`: each rule of the spec broken once
/// (and only that rule), next to a decision that keeps it; and the objective
/// worked out by hand.
@Suite struct DecisionCheckerTests {
    /// P > D1 > T1 and P > D2; a community in T1, an LAO in D1 with capacity
    /// limits, the province, and a nationwide health ministry.
    static func scenario(
        horizon: Int = 1, projects: [Project], strategies: [Strategy] = [
            Strategy(id: "S1", weight: 0.5), Strategy(id: "S2", weight: 1),
        ], policy: Policy = Policy()
    ) -> Scenario {
        let years = { (amount: Double) in Array(repeating: amount, count: horizon) }
        return Scenario(
            name: "checker", horizon: horizon,
            areas: [
                Area(id: "P"), Area(id: "D1", parent: "P"), Area(id: "D2", parent: "P"),
                Area(id: "T1", parent: "D1"),
            ],
            strategies: strategies,
            funders: [
                Funder(id: "C-T1", level: .community, area: "T1", budget: years(100)),
                Funder(id: "LAO-D1", level: .lao, area: "D1", budget: years(100), maxProjects: 2, maxProjectCost: 80),
                Funder(id: "PROV", level: .province, area: "P", budget: years(200)),
                Funder(id: "MIN-H", level: .ministry, budget: years(100), sectors: ["health"]),
            ],
            projects: projects, policy: policy)
    }

    static let community = 0, lao = 1, province = 2, ministry = 3

    /// A support-needing water project in T1 serving S1.
    static func project(_ id: String, area: String = "T1", cost: Double = 50) -> Project {
        Project(id: id, area: area, cost: .total(cost), priority: 4, sector: "water", strategies: ["S1"])
    }

    static func funded(_ pairs: (funder: Int, start: Int)?...) -> Decision {
        Decision(assignments: pairs.map { $0.map { Decision.Assignment(funder: $0.funder, start: $0.start) } })
    }

    static func violations(_ decision: Decision, _ scenario: Scenario) -> [String] {
        DecisionChecker.violations(of: decision, in: scenario)
    }

    /// Exactly one violation, containing `text`.
    static func expectOnly(_ text: String, _ decision: Decision, _ scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = violations(decision, scenario)
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        #expect(found.contains { $0.contains(text) }, "\(found)", sourceLocation: sourceLocation)
    }

    @Test func validDecisionHasNoViolations() {
        var self_ = Self.project("B")
        self_.selfReliant = true
        self_.strategies = []
        let health = Project(id: "H", area: "D2", cost: .total(100), priority: 1, sector: "health", strategies: ["S2"])
        let scenario = Self.scenario(projects: [Self.project("A"), self_, health, Self.project("D", area: "D2")])
        let decision = Self.funded((Self.lao, 1), (Self.community, 1), (Self.ministry, 1), (Self.province, 1))
        #expect(Self.violations(decision, scenario) == [])
        #expect(Self.violations(Decision(unfundedCount: 4), scenario) == [])
    }

    @Test func wrongLengthIsFlagged() {
        let scenario = Self.scenario(projects: [Self.project("A")])
        #expect(!Self.violations(Decision(unfundedCount: 2), scenario).isEmpty)
    }

    @Test func rule1AreaOutsideFunderSubtree() {
        let scenario = Self.scenario(projects: [Self.project("A", area: "D2")])
        Self.expectOnly("rule 1", Self.funded((Self.lao, 1)), scenario)
        // The province is an ancestor two steps up of T1, and a ministry without area serves anywhere.
        let deep = Self.scenario(projects: [Self.project("A")], policy: Policy(strategyRequired: []))
        #expect(Self.violations(Self.funded((Self.province, 1)), deep) == [])
        var health = Self.project("H", area: "D2")
        health.sector = "health"
        #expect(Self.violations(Self.funded((Self.ministry, 1)), Self.scenario(projects: [health])) == [])
        // A community funder in T1 does not serve its parent D1.
        var selfReliant = Self.project("S", area: "D1")
        selfReliant.selfReliant = true
        Self.expectOnly("rule 1", Self.funded((Self.community, 1)), Self.scenario(projects: [selfReliant]))
    }

    @Test func rule2LevelNotAllowed() {
        var selfReliant = Self.project("A")
        selfReliant.selfReliant = true
        Self.expectOnly("rule 2", Self.funded((Self.lao, 1)), Self.scenario(projects: [selfReliant]))
        Self.expectOnly("rule 2", Self.funded((Self.community, 1)), Self.scenario(projects: [Self.project("A")]))
        // `levels` overrides the selfReliant rule.
        var listed = Self.project("A")
        listed.selfReliant = true
        listed.levels = [.lao]
        #expect(Self.violations(Self.funded((Self.lao, 1)), Self.scenario(projects: [listed])) == [])
        Self.expectOnly("rule 2", Self.funded((Self.province, 1)), Self.scenario(projects: [listed]))
    }

    @Test func rule3SectorNotFunded() {
        Self.expectOnly("rule 3", Self.funded((Self.ministry, 1)), Self.scenario(projects: [Self.project("A")]))
        var noSector = Self.project("A")
        noSector.sector = nil
        Self.expectOnly("rule 3", Self.funded((Self.ministry, 1)), Self.scenario(projects: [noSector]))
        // A funder without `sectors` takes a project without sector.
        #expect(Self.violations(Self.funded((Self.province, 1)), Self.scenario(projects: [noSector])) == [])
    }

    @Test func rule4CostAboveMaxProjectCost() {
        Self.expectOnly("rule 4", Self.funded((Self.lao, 1)), Self.scenario(projects: [Self.project("A", cost: 90)]))
        #expect(Self.violations(Self.funded((Self.lao, 1)), Self.scenario(projects: [Self.project("A", cost: 80)])) == [])
        // costAt by level brings it under the limit; a funder id wins over the level.
        var cheaper = Self.project("A", cost: 90)
        cheaper.costAt = [.init(key: "lao", value: .total(60))]
        #expect(Self.violations(Self.funded((Self.lao, 1)), Self.scenario(projects: [cheaper])) == [])
        cheaper.costAt.append(.init(key: "LAO-D1", value: .total(85)))
        Self.expectOnly("rule 4", Self.funded((Self.lao, 1)), Self.scenario(projects: [cheaper]))
        // An array costAt is judged by its total.
        var years = Self.project("A", cost: 40)
        years.duration = 2
        years.costAt = [.init(key: "LAO-D1", value: .perYear([50, 40]))]
        Self.expectOnly("rule 4", Self.funded((Self.lao, 1)), Self.scenario(horizon: 2, projects: [years]))
    }

    @Test func rule5StrategyRequired() {
        var unlinked = Self.project("A")
        unlinked.strategies = []
        Self.expectOnly("rule 5", Self.funded((Self.province, 1)), Self.scenario(projects: [unlinked]))
        #expect(Self.violations(Self.funded((Self.province, 1)), Self.scenario(projects: [unlinked], policy: Policy(strategyRequired: []))) == [])
        Self.expectOnly("rule 5", Self.funded((Self.province, 1)), Self.scenario(projects: [unlinked], policy: Policy(strategyRequired: [.province])))
    }

    @Test func rule6PinnedFunderAndExclusion() {
        var pinned = Self.project("A")
        pinned.funder = "PROV"
        Self.expectOnly("rule 6", Self.funded((Self.lao, 1)), Self.scenario(projects: [pinned]))
        #expect(Self.violations(Self.funded((Self.province, 1)), Self.scenario(projects: [pinned])) == [])
        var excluded = Self.project("A")
        excluded.exclude = true
        Self.expectOnly("excluded", Self.funded((Self.lao, 1)), Self.scenario(projects: [excluded]))
        #expect(Self.violations(Decision(unfundedCount: 1), Self.scenario(projects: [excluded])) == [])
    }

    @Test func startYearOutsideWindow() {
        var windowed = Self.project("A")
        windowed.earliestStart = 2
        windowed.latestStart = 2
        let scenario = Self.scenario(horizon: 3, projects: [windowed])
        Self.expectOnly("earliestStart", Self.funded((Self.lao, 1)), scenario)
        Self.expectOnly("latestStart", Self.funded((Self.lao, 3)), scenario)
        #expect(Self.violations(Self.funded((Self.lao, 2)), scenario) == [])
        var long = Self.project("A")
        long.duration = 2
        let longScenario = Self.scenario(horizon: 3, projects: [long])
        Self.expectOnly("past the horizon", Self.funded((Self.lao, 3)), longScenario)
        #expect(Self.violations(Self.funded((Self.lao, 2)), longScenario) == [])
        // latestStart defaults to the horizon.
        let open = Self.violations(Self.funded((Self.lao, 4)), Self.scenario(horizon: 3, projects: [Self.project("A")]))
        #expect(open.contains { $0.contains("after its latestStart 3") }, "\(open)")
    }

    @Test func mandatoryUnfunded() {
        var must = Self.project("A")
        must.mandatory = true
        let scenario = Self.scenario(projects: [must])
        Self.expectOnly("mandatory", Decision(unfundedCount: 1), scenario)
        #expect(Self.violations(Self.funded((Self.lao, 1)), scenario) == [])
    }

    @Test func overlapGroupWithTwoFunded() {
        var a = Self.project("A", cost: 10)
        var b = Self.project("B", cost: 10)
        var c = Self.project("C", cost: 10)
        a.overlaps = ["canal"]
        b.overlaps = ["canal", "canal"]
        c.overlaps = ["road"]
        let scenario = Self.scenario(projects: [a, b, c])
        Self.expectOnly("overlap group canal", Self.funded((Self.lao, 1), (Self.province, 1), nil), scenario)
        #expect(Self.violations(Self.funded((Self.lao, 1), nil, (Self.province, 1)), scenario) == [])
    }

    @Test func budgetExceeded() {
        let scenario = Self.scenario(projects: [Self.project("A", cost: 60), Self.project("B", cost: 50)])
        Self.expectOnly("over its budget", Self.funded((Self.lao, 1), (Self.lao, 1)), scenario)
        #expect(Self.violations(Self.funded((Self.province, 1), (Self.lao, 1)), scenario) == [])
    }

    @Test func budgetPerYearSpreadsTotalsAndKeepsArrays() {
        // Budget 100 a year at the LAO. A total of 120 over 2 years is 60 a year; [90, 30] is as written.
        var even = Self.project("E", cost: 120)
        even.duration = 2
        var front = Self.project("F", cost: 1)
        front.cost = .perYear([90, 30])
        front.duration = 2
        var lao = Self.scenario(horizon: 3, projects: [even, front], policy: Policy(strategyRequired: []))
        lao.funders[Self.lao].maxProjectCost = nil
        lao.funders[Self.province].budget = [60, 90, 30]
        // 60 + 90 in year 2 at the LAO: over.
        Self.expectOnly("plan year 2", Self.funded((Self.lao, 1), (Self.lao, 2)), lao)
        // F at the province in years 2-3 (90, 30) fits [60, 90, 30].
        #expect(Self.violations(Self.funded((Self.lao, 1), (Self.province, 2)), lao) == [])
        // E at the province in years 2-3 (60, 60) breaks year 3's 30.
        Self.expectOnly("plan year 3", Self.funded((Self.province, 2), (Self.lao, 1)), lao)
        // A costAt total on an array cost scales the profile: 60 -> [45, 15].
        var scaled = front
        scaled.costAt = [.init(key: "province", value: .total(60))]
        lao.projects = [scaled]
        lao.funders[Self.province].budget = [45, 15, 0]
        #expect(Self.violations(Self.funded((Self.province, 1)), lao) == [])
        lao.funders[Self.province].budget = [44, 16, 0]
        Self.expectOnly("plan year 1", Self.funded((Self.province, 1)), lao)
        // A costAt array replaces the yearly costs.
        scaled.costAt = [.init(key: "PROV", value: .perYear([10, 50]))]
        lao.projects = [scaled]
        lao.funders[Self.province].budget = [10, 50, 0]
        #expect(Self.violations(Self.funded((Self.province, 1)), lao) == [])
        Self.expectOnly("plan year 3", Self.funded((Self.province, 2)), lao)
    }

    @Test func maxProjectsExceeded() {
        let projects = (1...3).map { Self.project("A\($0)", cost: 10) }
        let scenario = Self.scenario(projects: projects)
        Self.expectOnly("maxProjects", Self.funded((Self.lao, 1), (Self.lao, 1), (Self.lao, 1)), scenario)
        #expect(Self.violations(Self.funded((Self.lao, 1), (Self.lao, 1), (Self.province, 1)), scenario) == [])
    }

    @Test func requiresFundedAndTimed() {
        var q = Self.project("Q", cost: 10)
        q.duration = 2
        var p = Self.project("P1", cost: 10)
        p.requires = ["Q"]
        let one = Self.scenario(projects: [Self.project("Q", cost: 10), p])
        Self.expectOnly("requires, Q, is not", Self.funded(nil, (Self.lao, 1)), one)
        // With horizon 1 the same start year is fine.
        #expect(Self.violations(Self.funded((Self.lao, 1), (Self.lao, 1)), one) == [])
        #expect(Self.violations(Self.funded((Self.lao, 1), nil), one) == [])
        let three = Self.scenario(horizon: 3, projects: [q, p])
        Self.expectOnly("has ended", Self.funded((Self.province, 1), (Self.lao, 2)), three)
        #expect(Self.violations(Self.funded((Self.province, 1), (Self.lao, 3)), three) == [])
    }

    @Test func minShareOfStrategy() {
        // S1 must get half of all money. A serves S1 (listed twice, counted once); B serves S2.
        var a = Self.project("A", cost: 40)
        a.strategies = ["S1", "S1"]
        var b = Self.project("B", cost: 50)
        b.strategies = ["S2"]
        let strategies = [Strategy(id: "S1", minShare: 0.5), Strategy(id: "S2")]
        let scenario = Self.scenario(projects: [a, b], strategies: strategies)
        Self.expectOnly("minShare", Self.funded((Self.lao, 1), (Self.province, 1)), scenario)
        #expect(Self.violations(Self.funded((Self.lao, 1), nil), scenario) == [])
        #expect(Self.violations(Decision(unfundedCount: 2), scenario) == [])
        // The share is measured at the funder's cost: B costs 40 at the province, so 40 >= 0.5 * 80.
        var cheaper = b
        cheaper.costAt = [.init(key: "PROV", value: .total(40))]
        let atCost = Self.scenario(projects: [a, cheaper], strategies: strategies)
        #expect(Self.violations(Self.funded((Self.lao, 1), (Self.province, 1)), atCost) == [])
    }

    @Test func objectiveByHand() {
        // horizon 2, escalationPenalty 0.1, delayDiscount 0.2.
        // A: priority 4, strategies S1 (0.5), S2 (1), S1 again -> v = 4 * 2.5 = 10;
        //    province is 2 steps above lao; starts in year 2: 10 * 0.9^2 * 0.8 = 6.48.
        // B: valueAt province 7, PROV 9 -> the funder id wins: 9 * 0.81 = 7.29.
        // C: self-reliant, community, priority 3, no strategies: 3.
        // D: levels [district, ministry] at the ministry: 2 steps; priority 5 with S2: 10 * 0.81 * 0.8 = 6.48.
        var a = Self.project("A")
        a.strategies = ["S1", "S2", "S1"]
        var b = Self.project("B")
        b.valueAt = [.init(key: "province", value: 7), .init(key: "PROV", value: 9)]
        var c = Self.project("C")
        c.selfReliant = true
        c.strategies = []
        c.priority = 3
        let d = Project(id: "D", area: "D2", cost: .total(10), priority: 5, sector: "health", strategies: ["S2"], levels: [.district, .ministry])
        let scenario = Self.scenario(
            horizon: 2, projects: [a, b, c, d],
            policy: Policy(escalationPenalty: 0.1, delayDiscount: 0.2))
        let decision = Self.funded((Self.province, 2), (Self.province, 1), (Self.community, 1), (Self.ministry, 2))
        #expect(Self.violations(decision, scenario) == [])
        let objective = DecisionChecker.objective(of: decision, in: scenario)
        #expect(abs(objective - (6.48 + 7.29 + 3 + 6.48)) < 1e-12)
        #expect(DecisionChecker.objective(of: Decision(unfundedCount: 4), in: scenario) == 0)
        // valueAt by level when no funder id matches.
        var e = b
        e.valueAt = [.init(key: "province", value: 7)]
        let levelOnly = Self.scenario(horizon: 2, projects: [e], policy: Policy(escalationPenalty: 0.1, delayDiscount: 0.2))
        #expect(abs(DecisionChecker.objective(of: Self.funded((Self.province, 1)), in: levelOnly) - 7 * 0.81) < 1e-12)
    }
}
