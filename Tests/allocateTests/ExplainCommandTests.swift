import Allocator
import Foundation
import XCTest

/// `allocate explain RESULT_OR_SCENARIO PROJECT_ID` run as a user would: why
/// the guideline example's district funds P3 (the LAO is at its project
/// limit), the same answer from the result file and from the scenario, a
/// hand-built scenario whose smallest extra budget (100 baht) is found,
/// verified and checked again here by solving the changed scenario, every
/// eligibility rule named, and each kind of bad input refused.
final class ExplainCommandTests: XCTestCase {
    static let guideline = "scenarios/guideline-example.json"

    /// L (อบต.ทดสอบ) has 1,000 baht: A (600, priority 10) is funded, B (500,
    /// priority 6) lacks 100 baht beside it; H (water, 6,000) may be funded by
    /// nobody: C is a community fund, L's maxProjectCost is 5,000 and M funds
    /// only health.
    static func budgetScenario(budget: Int = 1000) -> String {
        """
        {
          "format": "allocate/1", "name": "explain: budget", "fiscalYear": 2570,
          "policy": {"mipGap": 0, "escalationPenalty": 0, "strategyRequired": []},
          "areas": [{"id": "R", "name": "ต.ทดสอบ"}, {"id": "V", "parent": "R", "name": "บ้านทดสอบ"}],
          "funders": [
            {"id": "C", "level": "community", "area": "V", "budget": 100000},
            {"id": "L", "name": "อบต.ทดสอบ", "level": "lao", "area": "R", "budget": \(budget), "maxProjectCost": 5000},
            {"id": "M", "level": "ministry", "budget": 50000, "sectors": ["health"]}
          ],
          "projects": [
            {"id": "A", "area": "V", "cost": 600, "priority": 10},
            {"id": "B", "name": "โครงการบี", "area": "V", "cost": 500, "priority": 6},
            {"id": "H", "area": "V", "cost": 6000, "priority": 6, "sector": "water"}
          ]
        }
        """
    }

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

    func testGuidelineDistrictFundsP3BecauseTheLAOIsAtItsProjectLimit() throws {
        let run = try CommandRunner.run(["explain", Self.guideline, "P3"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), [
            "ตัวอย่างตามแนวทาง: ชุมชนบ้านหนองแวง (guideline example)",
            "Decision    optimal, proven gap 0.000% (mipGap 0.000%, time limit 60 s)",
            "",
            "P3  ขยายเขตประปาหมู่บ้าน",
            "  area บ้านหนองแวง (KK-01-03-05); priority 7; cost 300,000 baht; sector water; strategies S1;",
            "    levels lao, district, province, ministry",
            "",
            "Funded by DIST-KK-01 อำเภอบ้านฝาง (district) from 2570: 300,000 baht, worth 6.993",
            "  Why this funder (lowerCouldNot): No lower level could take it: LAO-KK-01-03 is at its project",
            "    limit (3).",
            "",
            "Funders at a lower level",
            "  funder           name               level      standing",
            "  ───────────────  ─────────────────  ─────────  ────────────────────────────────────────────────────────────",
            "  COM-KK-01-03-05  กองทุนหมู่บ้านหนองแวง  community  not eligible: level community may not fund it (level;",
            "                                                   allowed: lao, district, province, ministry)",
            "  LAO-KK-01-03     อบต.หนองบัว         lao        at its project limit: it funds 3 of at most 3 projects;",
            "                                                   value per 1M baht: this project 23.33 here, the 3 projects",
            "                                                   it funds from 18.00 (P1)",
            "",
        ])
    }

    /// A result file read with its scenario explains exactly as solving the scenario does.
    func testResultFileAndScenarioGiveTheSameExplanation() throws {
        let dir = try directory()
        let result = dir.appendingPathComponent("result.json")
        XCTAssertEqual(try CommandRunner.run([Self.guideline, "--output", result.path, "--no-timings"]).status, 0)
        for id in ["P1", "P5", "P6"] {
            let fromResult = try CommandRunner.run(["explain", result.path, id, "--scenario", Self.guideline])
            let fromScenario = try CommandRunner.run(["explain", Self.guideline, id])
            XCTAssertEqual(fromResult.status, 0, fromResult.stderr)
            XCTAssertEqual(fromResult.stdout, fromScenario.stdout)
        }
        let p1 = try CommandRunner.run(["explain", result.path, "P1", "--scenario", Self.guideline, "--json"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(p1.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["format"] as? String, "allocate-explain/1")
        XCTAssertEqual(json["funder"] as? String, "LAO-KK-01-03")
        XCTAssertEqual((json["whyThisFunder"] as? [String: Any])?["code"] as? String, "lowestAllowedLevel")
    }

    /// By hand B needs 100 baht more at L; explain finds it, 99 does not fund it,
    /// and solving the scenario with L's budget at 1,100 and 1,099 says the same.
    func testSmallestExtraBudgetIsVerifiedByResolving() throws {
        let dir = try directory()
        let scenario = try write(Self.budgetScenario(), "budget.json", in: dir)
        let run = try CommandRunner.run(["explain", scenario.path, "B", "--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["reason"] as? String, "budget")
        let changes = try XCTUnwrap(json["changes"] as? [[String: Any]])
        XCTAssertEqual(changes.map { $0["kind"] as? String }, ["budget", "priority"])
        XCTAssertEqual(changes[0]["funder"] as? String, "L")
        XCTAssertEqual(changes[0]["outcome"] as? String, "verified")
        XCTAssertEqual(changes[0]["funded"] as? Double, 100)
        XCTAssertEqual(changes[0]["notFunded"] as? Double, 99)
        XCTAssertEqual(changes[0]["fundedBy"] as? String, "L")

        for (budget, funded) in [(1100, true), (1099, false)] {
            let changed = try write(Self.budgetScenario(budget: budget), "changed.json", in: dir)
            let output = dir.appendingPathComponent("changed-result.json")
            XCTAssertEqual(try CommandRunner.run([changed.path, "--output", output.path, "--no-timings"]).status, 0)
            let projects = try XCTUnwrap(CommandRunner.json(at: output)["projects"] as? [[String: Any]])
            XCTAssertEqual(projects[1]["funded"] as? Bool, funded, "L with \(budget) baht")
        }

        let text = try CommandRunner.run(["explain", scenario.path, "B"])
        XCTAssertTrue(text.stdout.contains("""
              1. More money at L อบต.ทดสอบ (lao), the same amount in 2570
                 100 baht: verified, the re-solve funds it (at L); with 99 baht it is not; the smallest
                   figure is found to within 1%.
            """), text.stdout)
        XCTAssertTrue(text.stdout.contains("Each re-solve proved its decision optimal"), text.stdout)

        let result = dir.appendingPathComponent("result.json")
        XCTAssertEqual(try CommandRunner.run([scenario.path, "--output", result.path]).status, 0)
        let fromResult = try CommandRunner.run(["explain", result.path, "B", "--scenario", scenario.path, "--json"])
        XCTAssertEqual(fromResult.stdout, run.stdout, "the same decision, the same re-solves, the same bytes")
    }

    func testNoEligibleFunderNamesTheRuleForEachFunder() throws {
        let dir = try directory()
        let scenario = try write(Self.budgetScenario(), "budget.json", in: dir)
        let run = try CommandRunner.run(["explain", scenario.path, "H"])
        XCTAssertEqual(run.status, 0, run.stderr)
        for line in [
            "Not funded (noEligibleFunder)",
            "  C       ",
            "community  not eligible: level community may not fund it (level;",
            "lao        not eligible: it costs 6,000 there, more than its\n",
            "  maxProjectCost 5,000 (maxProjectCost)\n",
            "ministry   not eligible: its mandate (health) does not cover sector\n",
        ] {
            XCTAssertTrue(run.stdout.contains(line), "missing \(line) in\n\(run.stdout)")
        }
        XCTAssertFalse(run.stdout.contains("Smallest change"), "money cannot fund a project no funder may fund")
    }

    // MARK: Errors

    private func assertRefused(_ arguments: [String], status: Int32 = 2, stderr expected: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try CommandRunner.run(["explain"] + arguments)
        XCTAssertEqual(run.status, status, run.stderr, file: file, line: line)
        XCTAssertEqual(run.stdout, "", file: file, line: line)
        for text in expected {
            XCTAssertTrue(run.stderr.contains(text), "missing \(text) in\n\(run.stderr)", file: file, line: line)
        }
    }

    /// An unknown id is refused before anything is solved: on the 12,000-project province at once.
    func testUnknownProjectIsRefusedWithASuggestion() throws {
        let began = Date()
        try assertRefused(["scenarios/khon-kaen-generated-12k.json", "P-0004"],
                          stderr: ["allocate: no project \"P-0004\" in the scenario (did you mean \"P-00004\"?)\n"])
        XCTAssertLessThan(Date().timeIntervalSince(began), 30, "no solve before the id is checked")
        try assertRefused([Self.guideline, "P9"], stderr: ["allocate: no project \"P9\" in the scenario\n"])
    }

    func testFilesThatCannotBeUsedAreRefused() throws {
        let dir = try directory()
        try assertRefused([dir.appendingPathComponent("missing.json").path, "P1"],
                          stderr: ["missing.json was rejected: 1 problem\n", "No such file or directory"])
        let other = dir.appendingPathComponent("five.json")
        XCTAssertEqual(try CommandRunner.run(["scenarios/five-year-plan.json", "--output", other.path]).status, 0)
        try assertRefused([other.path, "P1", "--scenario", Self.guideline],
                          stderr: ["five.json was not made from scenarios/guideline-example.json (or the scenario changed since)"])
        let broken = try write("{\"format\": \"allocate-result/1\", \"scenario\": 3}", "broken.json", in: dir)
        try assertRefused([broken.path, "P1", "--scenario", Self.guideline], stderr: ["broken.json was rejected"])
    }

    func testUsageErrors() throws {
        let dir = try directory()
        let result = dir.appendingPathComponent("result.json")
        XCTAssertEqual(try CommandRunner.run([Self.guideline, "--output", result.path]).status, 0)
        try assertRefused([result.path, "P1"], status: 64, stderr: ["is a result file: give the scenario it was made from with --scenario FILE"])
        try assertRefused([Self.guideline, "P1", "--scenario", Self.guideline], status: 64,
                          stderr: ["--scenario is for a result file"])
        try assertRefused([result.path, "P1", "--scenario", Self.guideline, "--gap", "0.01"], status: 64,
                          stderr: ["--gap and --time-limit are for solving a scenario"])
        try assertRefused([Self.guideline, "P1", "--resolves=-1"], status: 64, stderr: ["--resolves must be 0 or more"])
        try assertRefused([Self.guideline], status: 64, stderr: ["project-id"])
    }

    /// A mandatory project no funder may fund: the scenario has no decision (exit 1), and the explanation says so.
    func testInfeasibleScenarioIsExplainedWithExitStatus1() throws {
        let dir = try directory()
        let scenario = try write("""
            {"format": "allocate/1", "name": "infeasible", "areas": [{"id": "R"}],
             "funders": [{"id": "L", "level": "lao", "area": "R", "budget": 10}],
             "projects": [{"id": "A", "area": "R", "cost": 100, "priority": 1, "mandatory": true, "sector": "x", "strategies": []},
                          {"id": "B", "area": "R", "cost": 5, "priority": 1}]}
            """, "infeasible.json", in: dir)
        let run = try CommandRunner.run(["explain", scenario.path, "B"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("Decision    infeasible: no decision, nothing is funded"), run.stdout)
        XCTAssertTrue(run.stdout.contains("Not funded (noDecision)"), run.stdout)
    }
}
