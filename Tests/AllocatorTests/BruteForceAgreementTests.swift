import Allocator
import Testing

/// The solver against exhaustive search on random small scenarios: same
/// status, a decision `DecisionChecker` accepts, the reported objective equal
/// to the checker's, and equal to the brute-force optimum (mipGap is 0).
@Suite struct BruteForceAgreementTests {
    static let seeds: ClosedRange<UInt64> = 1...300

    static func relativeDifference(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / max(1, abs(a), abs(b))
    }

    @Test(arguments: seeds)
    func solverAgreesWithBruteForce(seed: UInt64) throws {
        let scenario = RandomScenario.make(seed: seed)
        let expected = try BruteForce.solve(scenario)
        let result = try Allocation.solve(scenario)

        guard let expected else {
            #expect(result.status == .infeasible, "seed \(seed): brute force finds no valid decision")
            #expect(result.decision == nil)
            return
        }
        #expect(result.status == .optimal, "seed \(seed): brute force optimum \(expected.objective)")
        let decision = try #require(result.decision, "seed \(seed): no decision returned")
        let violations = DecisionChecker.violations(of: decision, in: scenario)
        #expect(violations == [], "seed \(seed)")
        let objective = try #require(result.objective)
        let recomputed = DecisionChecker.objective(of: decision, in: scenario)
        #expect(Self.relativeDifference(objective, recomputed) <= 1e-9,
                "seed \(seed): reported \(objective), recomputed \(recomputed)")
        #expect(Self.relativeDifference(recomputed, expected.objective) <= 1e-6,
                "seed \(seed): solver \(recomputed), brute force \(expected.objective) with \(expected.decision.assignments)")
    }

    /// Same seed, same scenario; small enough for brute force; and well formed:
    /// written as a file, the reader accepts it.
    @Test func generatorIsDeterministicSmallAndWellFormed() throws {
        for seed in Self.seeds {
            let scenario = RandomScenario.make(seed: seed)
            #expect(scenario == RandomScenario.make(seed: seed))
            #expect(BruteForce.columns(of: scenario).count <= BruteForce.maxColumns)
            #expect(scenario.policy.mipGap == 0)
            let text = ScenarioWriter.json(scenario).serialized()
            #expect(throws: Never.self, "seed \(seed)") { try ScenarioReader.read(bytes: Array(text.utf8)) }
        }
        #expect(RandomScenario.make(seed: 1) != RandomScenario.make(seed: 2))
    }

    /// The seeds together use every feature, and produce both feasible and
    /// infeasible scenarios, so the agreement test is not vacuous.
    @Test func generatorCoversEveryFeature() throws {
        var seen: Set<String> = []
        func note(_ feature: String, _ present: Bool) { if present { seen.insert(feature) } }
        var infeasible = 0
        var funding = 0
        var withoutColumns = 0
        for seed in Self.seeds {
            let s = RandomScenario.make(seed: seed)
            if BruteForce.columns(of: s).isEmpty { withoutColumns += 1 }
            note("horizon1", s.horizon == 1)
            note("horizon2", s.horizon == 2)
            note("horizon3", s.horizon == 3)
            note("depth3", s.areas.contains { area in s.areas.first { $0.id == area.parent }?.parent != nil })
            note("areaKind", s.areas.contains { $0.kind != nil })
            for level in Level.allCases { note("funder-\(level.name)", s.funders.contains { $0.level == level }) }
            note("ministryNoArea", s.funders.contains { $0.area == nil })
            note("sectors", s.funders.contains { $0.sectors != nil })
            note("maxProjects", s.funders.contains { $0.maxProjects != nil })
            note("maxProjectCost", s.funders.contains { $0.maxProjectCost != nil })
            note("budgetPerYear", s.funders.contains { Set($0.budget).count > 1 })
            note("weight", s.strategies.contains { $0.weight > 0 })
            note("minShare", s.strategies.contains { $0.minShare > 0 })
            note("strategyRequiredEmpty", s.policy.strategyRequired.isEmpty)
            note("escalation", s.policy.escalationPenalty > 0)
            note("delay", s.policy.delayDiscount > 0 && s.horizon > 1)
            for p in s.projects {
                note("selfReliant", p.selfReliant)
                note("levels", p.levels != nil)
                note("sector", p.sector != nil)
                note("strategyTwice", Set(p.strategies).count < p.strategies.count)
                note("overlaps", !p.overlaps.isEmpty)
                note("requires", !p.requires.isEmpty)
                note("requiresTimed", !p.requires.isEmpty && s.horizon > 1)
                note("mandatory", p.mandatory)
                note("exclude", p.exclude)
                note("pin", p.funder != nil)
                note("duration", p.duration > 1)
                note("costArray", { if case .perYear = p.cost { true } else { false } }())
                note("window", p.earliestStart > 1 || p.latestStart != nil)
                note("costAtLevel", p.costAt.contains { Level(name: $0.key) != nil })
                note("costAtFunder", p.costAt.contains { Level(name: $0.key) == nil })
                note("costAtArray", p.costAt.contains { if case .perYear = $0.value { true } else { false } })
                note("costAtScaled", p.costAt.contains { if case .total = $0.value, case .perYear = p.cost { true } else { false } })
                note("valueAtLevel", p.valueAt.contains { Level(name: $0.key) != nil })
                note("valueAtFunder", p.valueAt.contains { Level(name: $0.key) == nil })
            }
            if let optimum = try BruteForce.solve(s) {
                if optimum.decision.assignments.contains(where: { $0 != nil }) { funding += 1 }
            } else {
                infeasible += 1
            }
        }
        let all = [
            "horizon1", "horizon2", "horizon3", "depth3", "areaKind", "ministryNoArea", "sectors",
            "maxProjects", "maxProjectCost", "budgetPerYear", "weight", "minShare", "strategyRequiredEmpty",
            "escalation", "delay", "selfReliant", "levels", "sector", "strategyTwice", "overlaps",
            "requires", "requiresTimed", "mandatory", "exclude", "pin", "duration", "costArray", "window",
            "costAtLevel", "costAtFunder", "costAtArray", "costAtScaled", "valueAtLevel", "valueAtFunder",
        ] + Level.allCases.map { "funder-\($0.name)" }
        #expect(all.filter { !seen.contains($0) } == [])
        #expect(infeasible >= 10, "only \(infeasible) infeasible scenarios")
        #expect(withoutColumns >= 1, "no scenario where nothing can be funded")
        #expect(funding >= Self.seeds.count / 2, "only \(funding) scenarios fund anything")
    }

    /// Brute force on a case small enough to solve by hand.
    @Test func bruteForceFindsHandOptimum() throws {
        // One LAO with budget 100; A (60, value 5), B (50, value 4), C (40, value 2).
        // Best: A + C = 7 (A + B costs 110).
        let projects = [("A", 60.0, 5.0), ("B", 50, 4), ("C", 40, 2)].map { id, cost, priority in
            Project(id: id, area: "X", cost: .total(cost), priority: priority)
        }
        let scenario = Scenario(
            name: "hand", areas: [Area(id: "X")],
            funders: [Funder(id: "L", level: .lao, area: "X", budget: [100])],
            projects: projects, policy: Policy(escalationPenalty: 0, strategyRequired: [], mipGap: 0))
        #expect(BruteForce.columns(of: scenario).count == 3)
        let optimum = try #require(try BruteForce.solve(scenario))
        #expect(optimum.objective == 7)
        #expect(optimum.decision.assignments.map { $0 != nil } == [true, false, true])

        var mandatory = scenario
        mandatory.projects[1].mandatory = true
        mandatory.projects[2].mandatory = true
        #expect(try BruteForce.solve(mandatory)?.objective == 6)
        mandatory.projects[0].mandatory = true
        #expect(try BruteForce.solve(mandatory) == nil)
    }

    /// Nothing can be funded (the only project is self-reliant and the only
    /// funder an LAO): the empty decision is optimal with objective 0.
    @Test func solverAgreesWhenNothingIsFundable() throws {
        let scenario = Scenario(
            name: "nothing", areas: [Area(id: "X")],
            funders: [Funder(id: "L", level: .lao, area: "X", budget: [100])],
            projects: [Project(id: "P", area: "X", cost: .total(1), priority: 1, selfReliant: true)],
            policy: Policy(mipGap: 0))
        #expect(BruteForce.columns(of: scenario).isEmpty)
        #expect(try BruteForce.solve(scenario)?.objective == 0)
        let result = try Allocation.solve(scenario)
        #expect(result.status == .optimal)
        #expect(result.decision == Decision(unfundedCount: 1))
        #expect(result.objective == 0)
    }

    @Test func bruteForceRefusesLargeScenarios() {
        let projects = (1...15).map { Project(id: "P\($0)", area: "X", cost: .total(1), priority: 1) }
        let scenario = Scenario(
            name: "large", areas: [Area(id: "X")],
            funders: [Funder(id: "L", level: .lao, area: "X", budget: [100])],
            projects: projects, policy: Policy(strategyRequired: []))
        #expect(throws: BruteForce.TooLarge.self) { try BruteForce.solve(scenario) }
    }
}
