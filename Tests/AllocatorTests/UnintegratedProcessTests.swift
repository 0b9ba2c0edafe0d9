import Allocator
import Testing

/// The un-integrated process (docs/compare.md) on hand-worked cases, its
/// fundings checked on generated scenarios by `DecisionChecker` (the
/// independent answer), and the integrated decision never worth less than it
/// whenever its fundings are a valid decision.
@Suite struct UnintegratedProcessTests {
    typealias Funding = UnintegratedProcess.Funding

    /// Village KK-01-03-05 in tambon KK-01-03, district KK-01, province KK.
    static let areas = [
        Area(id: "KK", kind: .province), Area(id: "KK-01", parent: "KK", kind: .district),
        Area(id: "KK-01-03", parent: "KK-01", kind: .tambon), Area(id: "KK-01-03-05", parent: "KK-01-03", kind: .village),
    ]
    static let village = "KK-01-03-05"

    /// (project id, funder id, start) of each funding, in the order made.
    static func named(_ fundings: [Funding], _ s: Scenario) -> [String] {
        fundings.map { "\(s.projects[$0.project].id)@\(s.funders[$0.funder].id)/\($0.start)" }
    }

    static func decision(_ fundings: [Funding], _ s: Scenario) -> Decision {
        var d = Decision(unfundedCount: s.projects.count)
        for f in fundings { d.assignments[f.project] = Decision.Assignment(funder: f.funder, start: f.start) }
        return d
    }

    static func close(_ a: Double, _ b: Double, _ relative: Double = 1e-9) -> Bool {
        abs(a - b) <= relative * max(1, abs(a), abs(b))
    }

    // MARK: Hand-worked cases

    /// Funders listed out of calendar order; the community acts first, then the LAO, the district, the ministry.
    ///
    /// * COM (60,000): requests E (self-reliant, 50,000, priority 1) and F (self-reliant,
    ///   100,000, priority 5). F first: too dear; E fits. F goes to no one else (rule 2).
    /// * LAO (1,000,000, at most 3): requests A 600,000 p9, B 500,000 p8, C 500,000 p7,
    ///   D 100,000 p2 (G has no strategy link: rule 5). A fits (600,000); B and C do
    ///   not (1,100,000); D fits (700,000). B and C are forwarded.
    /// * DIST (500,000): B fits (500,000), C does not (1,000,000).
    /// * MIN (water ministry, 500,000): C (water) fits.
    ///
    /// Value (no strategy weights): E 1 + A 9 + D 2 + B 8 × 0.999 + C 7 × 0.999³ = 26.97101...
    @Test func laoFundsByPriorityAndForwardsTheRest() throws {
        let s = Scenario(
            name: "forwarding", areas: Self.areas, strategies: [Strategy(id: "S1")],
            funders: [
                Funder(id: "MIN", level: .ministry, budget: [500_000], sectors: ["water"]),
                Funder(id: "DIST", level: .district, area: "KK-01", budget: [500_000]),
                Funder(id: "LAO", level: .lao, area: "KK-01-03", budget: [1_000_000], maxProjects: 3),
                Funder(id: "COM", level: .community, area: Self.village, budget: [60_000]),
            ],
            projects: [
                Project(id: "A", area: Self.village, cost: .total(600_000), priority: 9, sector: "roads", strategies: ["S1"]),
                Project(id: "B", area: Self.village, cost: .total(500_000), priority: 8, sector: "roads", strategies: ["S1"]),
                Project(id: "C", area: Self.village, cost: .total(500_000), priority: 7, sector: "water", strategies: ["S1"]),
                Project(id: "D", area: Self.village, cost: .total(100_000), priority: 2, sector: "roads", strategies: ["S1"]),
                Project(id: "E", area: Self.village, cost: .total(50_000), priority: 1, selfReliant: true),
                Project(id: "F", area: Self.village, cost: .total(100_000), priority: 5, selfReliant: true),
                Project(id: "G", area: Self.village, cost: .total(10_000), priority: 9),
            ])
        let fundings = UnintegratedProcess.run(s)
        #expect(Self.named(fundings, s) == ["E@COM/1", "A@LAO/1", "D@LAO/1", "B@DIST/1", "C@MIN/1"])
        let figures = IntegrationComparison.Figures(fundings: fundings, in: s)
        let expected = 1 + 9 + 2 + 8 * 0.999 + 7 * 0.999 * 0.999 * 0.999
        #expect(Self.close(figures.value, expected), "\(figures.value)")
        #expect(Self.close(figures.value, DecisionChecker.objective(of: Self.decision(fundings, s), in: s)))
        #expect(figures.projectsFunded == 5)
        #expect(figures.moneySpent == 1_750_000)
        #expect(figures.unspentBudget == 2_060_000 - 1_750_000)
        #expect(figures.duplicateProjects == 0 && figures.duplicateMoney == 0)
        #expect(DecisionChecker.violations(of: Self.decision(fundings, s), in: s) == [])
    }

    /// The same canal proposed twice: V in the village plan, L in the LAO plan
    /// (overlap group "canal"). The LAO (300,000) funds V (200,000, p8), passes
    /// over L (it funded V of the same group itself) and funds R (100,000). L is
    /// forwarded; the district, which never saw V, funds it. L is the duplicate:
    /// 250,000 baht spent twice on one canal. The integrated plan funds V and R
    /// only (value 11 against L's 7 × 0.999 at the district).
    @Test func duplicatePairIsFundedTwiceByTwoBodies() throws {
        let s = Scenario(
            name: "duplicates", areas: Self.areas, strategies: [Strategy(id: "S1")],
            funders: [
                Funder(id: "LAO", level: .lao, area: "KK-01-03", budget: [300_000]),
                Funder(id: "DIST", level: .district, area: "KK-01", budget: [1_000_000]),
            ],
            projects: [
                Project(id: "V", area: Self.village, cost: .total(200_000), priority: 8, strategies: ["S1"], overlaps: ["canal"]),
                Project(id: "L", area: "KK-01-03", cost: .total(250_000), priority: 7, strategies: ["S1"], overlaps: ["canal"]),
                Project(id: "R", area: Self.village, cost: .total(100_000), priority: 3, strategies: ["S1"]),
            ],
            policy: Policy(mipGap: 0))
        let fundings = UnintegratedProcess.run(s)
        #expect(Self.named(fundings, s) == ["V@LAO/1", "R@LAO/1", "L@DIST/1"])
        #expect(IntegrationComparison.duplicates(in: fundings, scenario: s) == [false, false, true])
        let u = IntegrationComparison.Figures(fundings: fundings, in: s)
        #expect(u.duplicateProjects == 1)
        #expect(u.duplicateMoney == 250_000)
        #expect(u.moneySpent == 550_000)
        #expect(Self.close(u.value, 8 + 3 + 7 * 0.999))
        let violations = DecisionChecker.violations(of: Self.decision(fundings, s), in: s)
        #expect(violations == ["overlap group canal has 2 funded projects: V, L"])

        let comparison = IntegrationComparison(result: try Allocation.solve(s))
        #expect(comparison.unintegratedFundings == fundings)
        let i = try #require(comparison.integrated)
        #expect(Self.close(i.value, 11))
        #expect(i.projectsFunded == 2 && i.moneySpent == 300_000 && i.duplicateMoney == 0 && i.unspentBudget == 1_000_000)
        #expect(comparison.fundedOnlyByIntegrated == [])
        #expect(comparison.fundedOnlyByUnintegrated == [1])
        let d = IntegrationComparison.Figures.difference(i, u)
        #expect(d.duplicateMoney == -250_000 && d.projectsFunded == -1 && d.unspentBudget == 250_000)
    }

    /// Horizon 2. The LAO (300,000 a year) takes mandatory M (priority 1) first;
    /// NEED (p9) requires Q, not funded yet, so it is passed over; W (400,000
    /// over 2 years) starts in year 1 (used 300,000 / 200,000); Q (100,000) does
    /// not fit year 1 and starts in year 2, the earliest that fits. NEED is
    /// forwarded; at the district, Q ends with year 2, so NEED could start only
    /// in year 3, past the horizon: it stays unfunded.
    @Test func mandatoryFirstRequiresOnlyWhenAlreadyFundedEarliestYearThatFits() throws {
        let s = Scenario(
            name: "requires", horizon: 2, areas: Self.areas, strategies: [Strategy(id: "S1")],
            funders: [
                Funder(id: "LAO", level: .lao, area: "KK-01-03", budget: [300_000, 300_000]),
                Funder(id: "DIST", level: .district, area: "KK-01", budget: [1_000_000, 1_000_000]),
            ],
            projects: [
                Project(id: "NEED", area: Self.village, cost: .total(100_000), priority: 9, strategies: ["S1"], requires: ["Q"]),
                Project(id: "Q", area: Self.village, cost: .total(100_000), priority: 5, strategies: ["S1"]),
                Project(id: "W", area: Self.village, cost: .total(400_000), priority: 6, strategies: ["S1"], duration: 2),
                Project(id: "M", area: Self.village, cost: .total(100_000), priority: 1, strategies: ["S1"], mandatory: true),
            ])
        let fundings = UnintegratedProcess.run(s)
        #expect(Self.named(fundings, s) == ["M@LAO/1", "W@LAO/1", "Q@LAO/2"])
        let figures = IntegrationComparison.Figures(fundings: fundings, in: s)
        #expect(Self.close(figures.value, 1 + 6 + 5 * 0.95))
        #expect(DecisionChecker.violations(of: Self.decision(fundings, s), in: s) == [])
    }

    /// NEED is passed over by the LAO (Q not yet funded), the LAO then funds Q
    /// in year 1, and the district funds NEED in year 2, after Q has ended.
    @Test func forwardedProjectWhoseRequirementIsNowFundedStartsAfterIt() throws {
        let s = Scenario(
            name: "requires later", horizon: 2, areas: Self.areas, strategies: [Strategy(id: "S1")],
            funders: [
                Funder(id: "DIST", level: .district, area: "KK-01", budget: [1_000_000, 1_000_000]),
                Funder(id: "LAO", level: .lao, area: "KK-01-03", budget: [300_000, 300_000]),
            ],
            projects: [
                Project(id: "NEED", area: Self.village, cost: .total(100_000), priority: 9, strategies: ["S1"], requires: ["Q"]),
                Project(id: "Q", area: Self.village, cost: .total(200_000), priority: 5, strategies: ["S1"]),
            ])
        let fundings = UnintegratedProcess.run(s)
        #expect(Self.named(fundings, s) == ["Q@LAO/1", "NEED@DIST/2"])
        #expect(DecisionChecker.violations(of: Self.decision(fundings, s), in: s) == [])
    }

    /// Equal priorities go in scenario order; `maxProjects` stops the body;
    /// `costAt` gives each body its own cost (rule 4 and the budget use it);
    /// excluded and pinned projects follow rule 6.
    @Test func tiesCapacityOwnCostAndPins() throws {
        let s = Scenario(
            name: "ties", areas: Self.areas, strategies: [Strategy(id: "S1")],
            funders: [
                Funder(id: "LAO", level: .lao, area: "KK-01-03", budget: [100_000], maxProjects: 2, maxProjectCost: 50_000),
                Funder(id: "PROV", level: .province, area: "KK", budget: [1_000_000]),
            ],
            projects: [
                Project(id: "T1", area: Self.village, cost: .total(40_000), priority: 4, strategies: ["S1"]),
                Project(id: "T2", area: Self.village, cost: .total(40_000), priority: 4, strategies: ["S1"]),
                Project(id: "T3", area: Self.village, cost: .total(10_000), priority: 4, strategies: ["S1"]),
                Project(id: "BIG", area: Self.village, cost: .total(90_000), priority: 3, strategies: ["S1"],
                        costAt: [.init(key: "lao", value: .total(30_000))]),
                Project(id: "X", area: Self.village, cost: .total(1_000), priority: 9, strategies: ["S1"], exclude: true),
                Project(id: "PIN", area: Self.village, cost: .total(1_000), priority: 8, strategies: ["S1"], funder: "PROV"),
            ])
        let fundings = UnintegratedProcess.run(s)
        // LAO: T1, T2 (capacity 2 reached); T3 and BIG forwarded. PIN only at PROV; X nowhere.
        #expect(Self.named(fundings, s) == ["T1@LAO/1", "T2@LAO/1", "PIN@PROV/1", "T3@PROV/1", "BIG@PROV/1"])
        #expect(IntegrationComparison.Figures(fundings: fundings, in: s).moneySpent == 40_000 + 40_000 + 1_000 + 10_000 + 90_000)

        var roomy = s
        roomy.funders[0].maxProjects = nil
        // With room, the LAO takes T1, T2, T3 (90,000); BIG at its LAO cost 30,000 does not fit 10,000 left.
        #expect(Self.named(UnintegratedProcess.run(roomy), roomy) == ["T1@LAO/1", "T2@LAO/1", "T3@LAO/1", "PIN@PROV/1", "BIG@PROV/1"])
    }

    // MARK: Generated scenarios

    /// Seeds of the generated cases: 60 to 200 projects, every third with a horizon of 3.
    static let seeds: [UInt64] = Array(1 ... 16)

    static func generated(_ seed: UInt64) -> Scenario {
        let projects = 60 + Int((seed * 37) % 141)
        return ScenarioGenerator(projects: projects, seed: seed, horizon: seed % 3 == 0 ? 3 : 1).generate()
    }

    /// `s` with the rules the un-integrated process does not promise removed:
    /// overlap groups (optional), minimum shares, and mandatory.
    static func relaxed(_ s: Scenario, keepOverlaps: Bool) -> Scenario {
        var r = s
        for k in r.strategies.indices { r.strategies[k].minShare = 0 }
        for p in r.projects.indices {
            r.projects[p].mandatory = false
            if !keepOverlaps { r.projects[p].overlaps = [] }
        }
        return r
    }

    /// Checks the un-integrated fundings of `s` against the rule with
    /// DecisionChecker's code only: each project funded once; eligibility,
    /// start years, budgets per year, `maxProjects` and `requires` hold (on the
    /// scenario relaxed of overlaps, shares and mandatory); no body funds two
    /// projects of one group; bodies act in calendar order and take their
    /// requests by (mandatory, priority, scenario order); the value is
    /// DecisionChecker's objective; and when the process ends, no unfunded
    /// project without `requires` still fits a body that may fund it (what a
    /// body has left only shrinks, so it did not fit when the body saw it either).
    static func checkRule(_ s: Scenario, _ label: String) -> [Funding] {
        let fundings = UnintegratedProcess.run(s)
        #expect(Set(fundings.map(\.project)).count == fundings.count, "\(label): a project funded twice")
        let decision = Self.decision(fundings, s)
        #expect(DecisionChecker.violations(of: decision, in: Self.relaxed(s, keepOverlaps: false)) == [], "\(label)")
        let figures = IntegrationComparison.Figures(fundings: fundings, in: s)
        #expect(Self.close(figures.value, DecisionChecker.objective(of: decision, in: s)), "\(label)")
        let spent = fundings.reduce(0.0) { $0 + DecisionChecker.totalCost(of: s.projects[$1.project], at: s.funders[$1.funder]) }
        #expect(Self.close(figures.moneySpent, spent), "\(label)")

        for (a, b) in zip(fundings, fundings.dropFirst()) {
            let (fa, fb) = (s.funders[a.funder], s.funders[b.funder])
            #expect(fa.level < fb.level || (fa.level == fb.level && a.funder <= b.funder), "\(label): bodies out of calendar order")
            if a.funder == b.funder {
                let (pa, pb) = (s.projects[a.project], s.projects[b.project])
                let inOrder = pa.mandatory != pb.mandatory ? pa.mandatory
                    : pa.priority != pb.priority ? pa.priority > pb.priority : a.project < b.project
                #expect(inOrder, "\(label): \(pa.id) before \(pb.id) at \(fa.id)")
            }
        }

        var used = s.funders.map { _ in Array(repeating: 0.0, count: s.horizon) }
        var count = Array(repeating: 0, count: s.funders.count)
        var groups = Array(repeating: Set<String>(), count: s.funders.count)
        for f in fundings {
            let p = s.projects[f.project]
            #expect(p.overlaps.allSatisfy { !groups[f.funder].contains($0) }, "\(label): \(s.funders[f.funder].id) funds two of one group")
            groups[f.funder].formUnion(p.overlaps)
            count[f.funder] += 1
            for (k, amount) in DecisionChecker.yearlyCost(of: p, at: s.funders[f.funder]).enumerated() {
                used[f.funder][f.start - 1 + k] += amount
            }
        }
        let funded = Set(fundings.map(\.project))
        for (p, project) in s.projects.enumerated() where !funded.contains(p) && project.requires.isEmpty && !project.exclude {
            for (f, funder) in s.funders.enumerated()
            where DecisionChecker.eligibilityProblems(project: p, funder: f, in: s).isEmpty {
                if let limit = funder.maxProjects, count[f] >= limit { continue }
                if project.overlaps.contains(where: groups[f].contains) { continue }
                let yearly = DecisionChecker.yearlyCost(of: project, at: funder)
                let fitting = (1 ... s.horizon).filter { t in
                    DecisionChecker.startProblems(project: p, start: t, in: s).isEmpty
                        && yearly.enumerated().allSatisfy { k, amount in
                            used[f][t - 1 + k] + amount <= funder.budget[t - 1 + k] * (1 + 1e-12)
                        }
                }
                #expect(fitting.isEmpty, "\(label): \(project.id) unfunded but fits \(funder.id) from year \(fitting.first ?? 0)")
            }
        }
        return fundings
    }

    @Test(arguments: seeds)
    func generatedScenariosFollowTheRule(seed: UInt64) throws {
        let s = Self.generated(seed)
        let fundings = Self.checkRule(s, "seed \(seed)")
        #expect(fundings.count > s.projects.count / 4, "seed \(seed): \(fundings.count) funded")
    }

    /// The brute-force scenarios use every feature of the format (costAt,
    /// levels, pins, sectors, requires with timing, per-year budgets...). Each
    /// follows the rule; and whenever its fundings break no rule of the
    /// scenario without minimum shares, the exhaustive optimum (an answer
    /// independent of GLPK and of the model) is worth at least as much.
    @Test func randomScenariosFollowTheRuleAndNeverBeatTheOptimum() throws {
        var compared = 0
        for seed in BruteForceAgreementTests.seeds {
            var s = RandomScenario.make(seed: seed)
            for k in s.strategies.indices { s.strategies[k].minShare = 0 }
            let fundings = Self.checkRule(s, "random seed \(seed)")
            guard DecisionChecker.violations(of: Self.decision(fundings, s), in: s).isEmpty else { continue }
            let optimum = try #require(try BruteForce.solve(s), "random seed \(seed): the fundings are a valid decision")
            let value = IntegrationComparison.Figures(fundings: fundings, in: s).value
            #expect(optimum.objective >= value - 1e-9 * max(1, value), "random seed \(seed): optimum \(optimum.objective) < \(value)")
            compared += 1
        }
        #expect(compared >= BruteForceAgreementTests.seeds.count / 2, "only \(compared) scenarios compared")
    }

    /// Generated scenarios with one plan year, their overlap groups and minimum
    /// shares removed: the un-integrated fundings then break no rule (checked),
    /// so the integrated optimum is worth at least as much, and so is GLPK's
    /// proven bound. With overlap groups every generated scenario has
    /// duplicates funded twice, so it would not qualify. The solve stops at a
    /// proven gap of 1% (mipGap 0.01, well under the 2-8% by which the integrated
    /// decision beats these fundings), so it ends by itself, not by the clock,
    /// and the integrated plan itself is checked to be worth at least as much.
    /// The smallest horizon-1 seeds only, with a time limit: in a debug build a
    /// 200-project solve to 1% can take minutes. A solve cut by the clock still
    /// has a proven bound, which must lie above the un-integrated value.
    @Test(arguments: seeds.filter { generated($0).horizon == 1 && generated($0).projects.count <= 110 })
    func integratedNeverWorseWhenUnintegratedIsValid(seed: UInt64) throws {
        var s = Self.generated(seed)
        for k in s.strategies.indices { s.strategies[k].minShare = 0 }
        for p in s.projects.indices { s.projects[p].overlaps = [] }
        s.policy.mipGap = 0.01
        s.policy.timeLimit = 20
        let fundings = UnintegratedProcess.run(s)
        try #require(DecisionChecker.violations(of: Self.decision(fundings, s), in: s) == [], "seed \(seed)")
        let comparison = IntegrationComparison(result: try Allocation.solve(s))
        let u = comparison.unintegrated
        let i = try #require(comparison.integrated, "seed \(seed): the un-integrated fundings are a valid decision")
        let bound = try #require(comparison.result.bound)
        #expect(bound >= u.value - 1e-9 * max(1, u.value), "seed \(seed): bound \(bound) below \(u.value)")
        if comparison.result.status == .optimal {
            #expect(i.value >= u.value, "seed \(seed): integrated \(i.value) < un-integrated \(u.value)")
        }
        #expect(Self.close(i.value, try #require(comparison.result.objective)))
        #expect(DecisionChecker.violations(of: try #require(comparison.result.decision), in: s) == [])
    }

    /// The integrated figures are those of the result's decision; projects only
    /// one side funds are listed in scenario order; duplicates on a generated
    /// scenario are what the definition says.
    @Test func comparisonFiguresMatchTheDecision() throws {
        var s = Self.generated(5)
        s.policy.timeLimit = 10
        let result = try Allocation.solve(s)
        let comparison = IntegrationComparison(result: result)
        let decision = try #require(result.decision)
        #expect(DecisionChecker.violations(of: decision, in: s) == [])
        let i = try #require(comparison.integrated)
        #expect(Self.close(i.value, DecisionChecker.objective(of: decision, in: s)))
        #expect(i.projectsFunded == decision.assignments.compactMap { $0 }.count)
        let budget = s.funders.reduce(0.0) { $0 + $1.budget.reduce(0, +) }
        #expect(Self.close(i.unspentBudget, budget - i.moneySpent))
        let unfunded = Set(comparison.unintegratedFundings.map(\.project))
        #expect(comparison.fundedOnlyByIntegrated == s.projects.indices.filter { decision.assignments[$0] != nil && !unfunded.contains($0) })
        #expect(comparison.fundedOnlyByUnintegrated == s.projects.indices.filter { decision.assignments[$0] == nil && unfunded.contains($0) })

        let fundings = comparison.unintegratedFundings
        let flags = IntegrationComparison.duplicates(in: fundings, scenario: s)
        for (k, funding) in fundings.enumerated() {
            let groups = Set(s.projects[funding.project].overlaps)
            let sharesWithEarlier = fundings[..<k].contains { !groups.isDisjoint(with: s.projects[$0.project].overlaps) }
            #expect(flags[k] == sharesWithEarlier)
        }
    }
}
