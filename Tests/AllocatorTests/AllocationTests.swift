import XCTest
@testable import Allocator

/// The guideline example built in Swift (the same answer as scenarios/guideline-example.json,
/// worked out by hand in Tests/allocateTests/GuidelineExampleTests.swift), through the library.
final class AllocationTests: XCTestCase {
    func testGuidelineShapeByHand() throws {
        let s = Scenario(
            name: "g",
            areas: [Area(id: "KK"), Area(id: "KK-01", parent: "KK"), Area(id: "T", parent: "KK-01"), Area(id: "V", parent: "T")],
            strategies: [Strategy(id: "S1")],
            funders: [
                Funder(id: "C", level: .community, area: "V", budget: [60000]),
                Funder(id: "L", level: .lao, area: "T", budget: [1_000_000], maxProjects: 3),
                Funder(id: "D", level: .district, area: "KK-01", budget: [2_000_000]),
            ],
            projects: [
                Project(id: "P1", area: "V", cost: .total(500000), priority: 9, strategies: ["S1"]),
                Project(id: "P2", area: "V", cost: .total(300000), priority: 8, strategies: ["S1"]),
                Project(id: "P3", area: "V", cost: .total(300000), priority: 7, strategies: ["S1"]),
                Project(id: "P4", area: "V", cost: .total(200000), priority: 6, strategies: ["S1"]),
                Project(id: "P5", area: "V", cost: .total(150000), priority: 5, strategies: ["S1"]),
                Project(id: "P6", area: "V", cost: .total(50000), priority: 4, selfReliant: true),
            ],
            policy: Policy(mipGap: 0))
        let r = try Allocation.solve(s)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(DecisionChecker.violations(of: r.decision!, in: s), [])
        XCTAssertEqual(DecisionChecker.objective(of: r.decision!, in: s), r.objective!, accuracy: 1e-9)
        XCTAssertEqual(r.objective!, 38.988, accuracy: 1e-9)
        let funders = r.decision!.assignments.map { $0.map { s.funders[$0.funder].id } }
        XCTAssertEqual(funders, ["L", "L", "D", "L", "D", "C"])
    }
}
