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
}
