import XCTest
@testable import Allocator

/// The start decision handed to branch and cut must satisfy every row.
final class GreedyStartTests: XCTestCase {
    func testGreedyStartIsFeasibleOnGeneratedScenarios() throws {
        for seed in UInt64(1) ... 5 {
            let scenario = ScenarioGenerator(projects: 400, seed: seed, horizon: seed == 5 ? 3 : 1).generate()
            let model = ModelBuilder.build(scenario)
            let columns = try XCTUnwrap(GreedyStart.decide(model), "seed \(seed)")
            let decision = model.decision(fromColumns: columns)
            XCTAssertEqual(DecisionChecker.violations(of: decision, in: scenario), [], "seed \(seed)")
            XCTAssertGreaterThan(columns.count, 0)
        }
    }

    func testStrategyShareIsRepairedNotIgnored() throws {
        // Cheap project A serves no strategy; dear project B serves S1 (minShare 0.5).
        // By value per baht A comes first; alone it breaks the share, so the start
        // must hold B (and then A fits: 100 of 400 is below the 50% that is not S1).
        let s = Scenario(
            name: "share", areas: [Area(id: "R")],
            strategies: [Strategy(id: "S1", minShare: 0.5), Strategy(id: "S2")],
            funders: [Funder(id: "F", level: .province, area: "R", budget: [1000])],
            projects: [
                Project(id: "A", area: "R", cost: .total(100), priority: 5, strategies: ["S2"]),
                Project(id: "B", area: "R", cost: .total(300), priority: 1, strategies: ["S1"]),
            ],
            policy: Policy(mipGap: 0))
        let model = ModelBuilder.build(s)
        let decision = model.decision(fromColumns: try XCTUnwrap(GreedyStart.decide(model)))
        XCTAssertEqual(DecisionChecker.violations(of: decision, in: s), [])
        XCTAssertNotNil(decision.assignments[1])
    }

    func testAFeasibleGuideIsKeptWhole() throws {
        // A requires B. By value per baht A comes first but cannot be taken
        // before B; C (unguided) must not take the money A needs meanwhile.
        let s = Scenario(
            name: "requires", areas: [Area(id: "R")], strategies: [Strategy(id: "S1")],
            funders: [Funder(id: "F", level: .province, area: "R", budget: [100])],
            projects: [
                Project(id: "A", area: "R", cost: .total(40), priority: 9, strategies: ["S1"], requires: ["B"]),
                Project(id: "B", area: "R", cost: .total(40), priority: 2, strategies: ["S1"]),
                Project(id: "C", area: "R", cost: .total(30), priority: 4, strategies: ["S1"]),
            ],
            policy: Policy(mipGap: 0))
        let model = ModelBuilder.build(s)
        var guide = [Double](repeating: 0, count: model.linear.columnCount)
        for j in model.choices.indices where model.choices[j].project != 2 { guide[j] = 1 }
        let columns = try XCTUnwrap(GreedyStart.decide(model, guide: guide))
        XCTAssertEqual(columns.map { model.choices[$0].project }.sorted(), [0, 1])
    }

    /// The brute-force optimum of a random scenario, given as the guide, comes
    /// back whole (it is feasible, so every one of its choices fits).
    func testTheOptimumAsGuideComesBackWhole() throws {
        for seed in UInt64(1) ... 300 {
            let scenario = RandomScenario.make(seed: seed)
            guard let optimum = try BruteForce.solve(scenario) else { continue }
            let model = ModelBuilder.build(scenario)
            let wanted = model.matchingColumns(of: optimum.decision)
            var guide = [Double](repeating: 0, count: model.linear.columnCount)
            for j in wanted { guide[j] = 1 }
            let columns = try XCTUnwrap(GreedyStart.decide(model, guide: guide), "seed \(seed)")
            XCTAssertTrue(Set(wanted).isSubset(of: columns), "seed \(seed)")
            XCTAssertEqual(model.objective(of: columns), optimum.objective, accuracy: 1e-6 * max(1, abs(optimum.objective)), "seed \(seed)")
        }
    }
}
