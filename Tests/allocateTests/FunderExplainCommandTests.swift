import Allocator
import Foundation
import XCTest

/// `allocate explain RESULT_OR_SCENARIO --funder ID` run as a user would: the
/// hand-worked budget scenario of `ExplainCommandTests` (L has 1,000 baht,
/// funds A at 600; B, 500 baht and priority 6, lacks 100), its price in
/// result.json and in the explanation, the extra money's re-solves checked
/// here by solving the changed scenario, and bad input refused with nothing
/// printed on stdout.
final class FunderExplainCommandTests: XCTestCase {
    private func directory() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    private func write(_ text: String, _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func object(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// By hand: the next baht at L buys B at 6/500 = 0.012 per baht, 12,000 per
    /// 1M baht, for 100 baht; the default extra is those 100 baht, which fund
    /// B (a gain of 6). Solving the scenario with L's budget at 1,100 says the
    /// same; the result file of the scenario carries the same price entry.
    func testPriceAndExtraMoneyAreVerifiedByResolving() throws {
        let dir = try directory()
        let scenario = try write(ExplainCommandTests.budgetScenario(), "budget.json", in: dir)
        let run = try CommandRunner.run(["explain", scenario.path, "--funder", "L", "--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try object(run.stdout)
        XCTAssertEqual(json["format"] as? String, "allocate-explain-funder/1")
        let prices = try XCTUnwrap(json["prices"] as? [[String: Any]])
        XCTAssertEqual(prices.count, 1)
        XCTAssertEqual(prices[0]["perMillion"] as? Double, 12_000)
        XCTAssertEqual(prices[0]["limit"] as? String, "budget")
        XCTAssertEqual(prices[0]["marginal"] as? String, "B")
        XCTAssertEqual(prices[0]["range"] as? Double, 100)
        let extra = try XCTUnwrap(json["extra"] as? [String: Any])
        XCTAssertEqual(extra["amount"] as? Double, 100)
        XCTAssertEqual(extra["basis"] as? String, "shortfall")
        let resolves = try XCTUnwrap(json["resolves"] as? [[String: Any]])
        XCTAssertEqual(resolves.map { $0["kind"] as? String }, ["funderAlone", "funderAlone", "whole"])
        XCTAssertEqual(resolves.map { $0["gain"] as? Double }, [0, 6, 6])
        XCTAssertEqual(resolves.map { $0["newlyFunded"] as? [String] }, [[], ["B"], ["B"]])
        XCTAssertEqual(resolves[2]["gainPerMillion"] as? Double, 60_000)
        XCTAssertEqual(resolves[2]["spentAtFunder"] as? Double, 500)

        let changed = try write(ExplainCommandTests.budgetScenario(budget: 1100), "changed.json", in: dir)
        let changedResult = dir.appendingPathComponent("changed-result.json")
        XCTAssertEqual(try CommandRunner.run([changed.path, "--output", changedResult.path, "--no-timings"]).status, 0)
        let changedJSON = try CommandRunner.json(at: changedResult)
        XCTAssertEqual(try XCTUnwrap(changedJSON["objective"] as? Double), 16, accuracy: 1e-9, "A and B: 10 + 6")
        XCTAssertEqual((changedJSON["projects"] as? [[String: Any]])?[1]["funder"] as? String, "L")

        let result = dir.appendingPathComponent("result.json")
        XCTAssertEqual(try CommandRunner.run([scenario.path, "--output", result.path, "--no-timings"]).status, 0)
        let text = try String(contentsOf: result, encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("{\"funder\": \"L\", \"year\": 1,") })
        let explained = try XCTUnwrap(run.stdout.split(separator: "\n").first { $0.contains("{\"funder\": \"L\", \"year\": 1,") })
        XCTAssertEqual(line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ",")),
                       explained.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ",")),
                       "result.json and the explanation give the same price")
        let fromResult = try CommandRunner.run(["explain", result.path, "--funder", "L", "--scenario", scenario.path, "--json"])
        XCTAssertEqual(fromResult.status, 0, fromResult.stderr)
        XCTAssertEqual(fromResult.stdout, run.stdout, "the same decision, the same re-solves, the same bytes")
    }

    /// The text: the price's sentence, the re-solves, the project funded, and how far they can be trusted.
    func testTextNamesTheMarginalProjectAndTheChanges() throws {
        let dir = try directory()
        let scenario = try write(ExplainCommandTests.budgetScenario(), "budget.json", in: dir)
        let run = try CommandRunner.run(["explain", scenario.path, "--funder", "L", "--extra", "600"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        for line in [
            "L  อบต.ทดสอบ\n",
            "  2570: budget 1,000 baht, used 600, left 400\n",
            "  2570: 12,000.000 per 1M baht: money binds; the next baht buys part of B โครงการบี (worth 6.000\n",
            "With 600 baht more at L in 2570 (--extra)\n",
            "    + B โครงการบี: newly funded by L, 500 baht\n",
            "The whole re-solve\n    and the decision explained are both proven optimal: the whole gain is exact.",
        ] {
            XCTAssertTrue(run.stdout.contains(line), "missing \(line) in\n\(run.stdout)")
        }
    }

    /// The solve command's summary lists L's price.
    func testSummaryListsWhereOneMoreBahtIsWorthMost() throws {
        let dir = try directory()
        let scenario = try write(ExplainCommandTests.budgetScenario(), "budget.json", in: dir)
        let run = try CommandRunner.run([scenario.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Where one more baht is worth most"), run.stdout)
        XCTAssertTrue(run.stdout.contains("  Money binds 1 of 3 budgets (funder and plan year); 2 with nothing more to fund.\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("  L       อบต.ทดสอบ  lao     12,000.000  B                          100\n"), run.stdout)
    }

    // MARK: Errors

    private func assertRefused(_ arguments: [String], status: Int32 = 2, stderr expected: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try CommandRunner.run(["explain"] + arguments)
        XCTAssertEqual(run.status, status, run.stderr, file: file, line: line)
        XCTAssertEqual(run.stdout, "", "nothing written", file: file, line: line)
        for text in expected {
            XCTAssertTrue(run.stderr.contains(text), "missing \(text) in\n\(run.stderr)", file: file, line: line)
        }
    }

    /// An unknown funder or year is refused before anything is solved: on the 12,000-project province at once.
    func testUnknownFunderAndYearAreRefusedWithASuggestion() throws {
        let began = Date()
        try assertRefused(["scenarios/khon-kaen-generated-12k.json", "--funder", "DIS-KK-1"],
                          stderr: ["allocate: no funder \"DIS-KK-1\" in the scenario (did you mean \"DIS-KK-01\"?)\n"])
        XCTAssertLessThan(Date().timeIntervalSince(began), 30, "no solve before the id is checked")
        try assertRefused([ExplainCommandTests.guideline, "--funder", "NOBODY"], stderr: ["allocate: no funder \"NOBODY\" in the scenario\n"])
        try assertRefused([ExplainCommandTests.guideline, "--funder", "DIST-KK-01", "--year", "2571"],
                          stderr: ["allocate: --year 2571 is not a plan year of the scenario: give 1 or the fiscal year 2570\n"])
        let dir = try directory()
        let result = dir.appendingPathComponent("result.json")
        XCTAssertEqual(try CommandRunner.run([ExplainCommandTests.guideline, "--output", result.path]).status, 0)
        try assertRefused([result.path, "--funder", "DIST-KK-1", "--scenario", ExplainCommandTests.guideline],
                          stderr: ["(did you mean \"DIST-KK-01\"?)"])
    }

    func testUsageErrors() throws {
        let g = ExplainCommandTests.guideline
        try assertRefused([g, "P1", "--funder", "DIST-KK-01"], status: 64, stderr: ["give a project-id to explain, or --funder ID (not both)"])
        try assertRefused([g, "P1", "--extra", "100"], status: 64, stderr: ["--extra and --year go with --funder"])
        try assertRefused([g, "--funder", "DIST-KK-01", "--extra=-5"], status: 64, stderr: ["--extra must be a positive number of baht"])
        try assertRefused([g, "--funder", "DIST-KK-01", "--extra", "nan"], status: 64, stderr: ["--extra must be a positive number of baht"])
    }
}
