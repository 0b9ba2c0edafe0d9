import Foundation
import XCTest

/// The guideline's own example (scenarios/guideline-example.json), solved by hand:
///
/// Community บ้านหนองแวง asks support for 5 projects (P1-P5) and solves P6 itself.
/// The LAO (budget 1,000,000, at most 3 projects) can take 3 of them; any project
/// the district takes loses 0.1% of its value (escalationPenalty 0.001, one step
/// above the LAO). So the LAO takes the 3-project set of highest priority that
/// fits 1,000,000 baht:
///
/// | LAO set | cost | priorities |
/// |---|---|---|
/// | P1 P2 P3 | 1,100,000 | over budget |
/// | P1 P2 P4 | 1,000,000 | 9 + 8 + 6 = 23 (best) |
/// | P1 P3 P4 | 1,000,000 | 22 |
/// | P1 P2 P5 |   950,000 | 22 |
/// | P2 P3 P4 |   800,000 | 21 |
///
/// The district (2,000,000) takes P3 and P5 (450,000); the community fund
/// (60,000) takes P6 (50,000). Strategies have no weight, so value = priority:
/// objective = 23 + (7 + 5) × 0.999 + 4 = 38.988.
final class GuidelineExampleTests: XCTestCase {
    func testLAOFundsThreeAndForwardsTwoToTheDistrict() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let output = dir.appendingPathComponent("result.json")
        let run = try CommandRunner.run(["scenarios/guideline-example.json", "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let result = try CommandRunner.json(at: output)
        XCTAssertEqual(result["status"] as? String, "optimal")
        XCTAssertEqual(try XCTUnwrap(result["objective"] as? Double), 38.988, accuracy: 1e-9)
        let projects = try XCTUnwrap(result["projects"] as? [[String: Any]])
        let funders = projects.map { $0["funder"] as? String }
        XCTAssertEqual(funders, ["LAO-KK-01-03", "LAO-KK-01-03", "DIST-KK-01", "LAO-KK-01-03", "DIST-KK-01", "COM-KK-01-03-05"])
        let used = try XCTUnwrap(result["funders"] as? [[String: Any]]).map { ($0["used"] as? [Double])?.first }
        XCTAssertEqual(used, [50000, 1_000_000, 450_000, 0])
        XCTAssertTrue(run.stdout.contains("optimal"), run.stdout)
        XCTAssertTrue(run.stdout.contains("1,000,000"), run.stdout)
    }
}
