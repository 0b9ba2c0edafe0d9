import Allocator
import Testing

/// A warm start changes how a solve starts, never what it proves: a variation
/// of a random scenario, solved from the base scenario's decision and prices
/// (or from nonsense prices), reaches the brute-force optimum of the variation.
@Suite struct WarmStartTests {
    /// The scenario with every budget scaled and the priorities of every third project changed.
    static func variation(of base: Scenario, seed: UInt64) -> Scenario {
        var s = base
        let factor = [0.6, 0.8, 1.3][Int(seed % 3)]
        for f in s.funders.indices { s.funders[f].budget = s.funders[f].budget.map { $0 * factor } }
        for p in s.projects.indices where p % 3 == Int(seed % 3) { s.projects[p].priority += 2 }
        return s
    }

    @Test(arguments: UInt64(1) ... 150)
    func variationFromTheBaseReachesTheOptimum(seed: UInt64) throws {
        let base = RandomScenario.make(seed: seed)
        let variant = Self.variation(of: base, seed: seed)
        let expected = try BruteForce.solve(variant)
        let baseResult = try Allocation.solve(base)
        let warm = try Allocation.solve(variant, options: SolveOptions(warmStart: baseResult.warmStart))
        // Nonsense prices on every row the base priced, and a decision of the wrong size.
        var nonsense = baseResult.warmStart
        for (k, name) in nonsense.prices.keys.sorted().enumerated() { nonsense.prices[name] = k % 2 == 0 ? 1e6 : -3 }
        nonsense.decision = baseResult.decision.map { Decision(assignments: Array($0.assignments.prefix(2))) }
        let odd = try Allocation.solve(variant, options: SolveOptions(warmStart: nonsense))
        for result in [warm, odd] {
            guard let expected else {
                #expect(result.status == .infeasible, "seed \(seed)")
                continue
            }
            #expect(result.status == .optimal, "seed \(seed)")
            let decision = try #require(result.decision, "seed \(seed)")
            #expect(DecisionChecker.violations(of: decision, in: variant) == [], "seed \(seed)")
            let objective = DecisionChecker.objective(of: decision, in: variant)
            #expect(abs(objective - expected.objective) <= 1e-6 * max(1, abs(objective)), "seed \(seed)")
            #expect((result.bound ?? .infinity) >= expected.objective - 1e-6 * max(1, abs(objective)), "seed \(seed)")
        }
    }

    /// On a generated province (large enough for the Lagrangian step to run
    /// long) the prices come back by row name, and a warm solve of the same
    /// scenario starts from a decision at least as good as the one it was given.
    @Test func pricesComeBackAndTheDecisionIsKept() throws {
        let scenario = ScenarioGenerator(projects: 600, seed: 11).generate()
        let first = try Allocation.solve(scenario, options: SolveOptions(mipGap: 0.002, timeLimit: 3))
        #expect(!first.prices.isEmpty)
        let again = try Allocation.solve(
            scenario, options: SolveOptions(mipGap: 0.002, timeLimit: 3, warmStart: first.warmStart))
        #expect((again.objective ?? 0) >= (first.objective ?? .infinity) - 1e-9 * abs(first.objective ?? 1))
    }

    /// A budget cut: the base decision no longer holds, so the steps start
    /// from 0 and the base's prices only give a bound. It must be a true one
    /// (at least the value of a decision of the cut scenario, here a longer
    /// cold solve's), on this scenario it is tighter after a few steps than
    /// the cold solve's bound after 300 units of work, and the result's
    /// prices are the ones that gave it.
    @Test func theBasePricesGiveATrueBoundForACut() throws {
        let scenario = ScenarioGenerator(projects: 500, seed: 5).generate()
        var base = SolveOptions(mipGap: 0.0005, timeLimit: 60)
        base.workLimit = 300
        let first = try Allocation.solve(scenario, options: base)
        #expect(!first.prices.isEmpty)
        var cut = scenario
        for f in cut.funders.indices where cut.funders[f].level == .province {
            cut.funders[f].budget = cut.funders[f].budget.map { $0 * 0.8 }
        }
        // The base decision breaks the cut: the path under test.
        let cutModel = ModelBuilder.build(cut)
        let kept = cutModel.matchingColumns(of: try #require(first.decision))
        #expect(cutModel.linear.maximumViolation(ofColumns: kept) > 1e-6)
        let cold = try Allocation.solve(cut, options: base)
        var short = SolveOptions(mipGap: 0, timeLimit: 60)
        short.workLimit = 8
        short.warmStart = first.warmStart
        let warmShort = try Allocation.solve(cut, options: short)
        let value = try #require(cold.objective)
        let bound = try #require(warmShort.bound)
        #expect(bound >= value - 1e-9 * abs(value), "\(bound) < \(value)")
        #expect(bound < (cold.bound ?? .infinity), "\(bound) against the cold \(cold.bound ?? .infinity)")
        // The prices returned are the ones that gave the bound: the base's.
        #expect(!warmShort.prices.isEmpty)
        #expect(warmShort.prices.allSatisfy { first.prices[$0.key] == $0.value })
    }

    /// A budget raised: the base decision still holds every row, so a warm
    /// solve stopped almost at once returns at least its value (before, only
    /// the greedy repair of it was offered, which can be worth less).
    @Test func aDecisionThatStillHoldsIsKeptAsItIs() throws {
        let scenario = ScenarioGenerator(projects: 3000, seed: 7).generate()
        let first = try Allocation.solve(scenario, options: SolveOptions(mipGap: 0.0005, timeLimit: 4))
        var raised = scenario
        raised.funders[0].budget = raised.funders[0].budget.map { $0 + 1_000 }
        let again = try Allocation.solve(raised, options: SolveOptions(mipGap: 0, timeLimit: 0.001, warmStart: first.warmStart))
        let before = try #require(first.objective)
        #expect((again.objective ?? 0) >= before - 1e-9 * abs(before), "\(String(describing: again.objective)) < \(before)")
    }
}
