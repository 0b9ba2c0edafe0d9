import Allocator
import Foundation
import XCTest

/// `allocate plans RESULT --scenario SCENARIO`: the guideline's own example end
/// to end (solve, write result.json, print the LAO's plan: of 5 requests it
/// funds 3 and forwards 2 to the district), the CSV as Excel needs it, the
/// same bytes on every run, and every kind of bad input refused with exit 2
/// and nothing written.
final class PlansCommandTests: XCTestCase {
    static let scenario = "scenarios/guideline-example.json"

    private func directory() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Solves the guideline example and returns its result.json (no timings).
    private func solvedResult(in dir: URL) throws -> URL {
        let result = dir.appendingPathComponent("result.json")
        let run = try CommandRunner.run([Self.scenario, "--output", result.path, "--no-timings"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return result
    }

    private func plans(_ result: URL, _ arguments: [String]) throws -> CommandRunner.Run {
        try CommandRunner.run(["plans", result.path, "--scenario", Self.scenario] + arguments)
    }

    func testLAOFundsThreeOfFiveRequestsAndForwardsTwoToTheDistrict() throws {
        let result = try solvedResult(in: directory())
        let run = try plans(result, ["--level", "lao", "--area", "KK-01-03"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(Array(lines.prefix(3)), [
            "ตัวอย่างตามแนวทาง: ชุมชนบ้านหนองแวง (guideline example)",
            "Decision    optimal; 6 of 6 projects funded",
            "Plan year   fiscal year 2570",
        ])
        let body = try XCTUnwrap(lines.firstIndex(of: "LAO-KK-01-03  อบต.หนองบัว"), run.stdout)
        XCTAssertEqual(Array(lines[body...]), [
            "LAO-KK-01-03  อบต.หนองบัว",
            "  lao, ต.หนองบัว (KK-01-03); 5 requests: funds 3, forwards 2, 0 unfunded",
            "",
            "  plan year       2570",
            "  ─────────  ─────────",
            "  budget     1,000,000",
            "  funds      1,000,000",
            "  left               0",
            "",
            "  Funds: 3 projects",
            "  project  name                area         priority     2570",
            "  ───────  ──────────────────  ───────────  ────────  ───────",
            "  P1       ขุดลอกหนองน้ำสาธารณะ  KK-01-03-05         9  500,000",
            "  P2       ซ่อมถนนลูกรังเข้าหมู่บ้าน  KK-01-03-05         8  300,000",
            "  P4       ติดตั้งไฟฟ้าส่องสว่าง     KK-01-03-05         6  200,000",
            "",
            "  Forwarded upward: 2 projects, funded by a higher level",
            "  project  name               area         priority  to          level        cost",
            "  ───────  ─────────────────  ───────────  ────────  ──────────  ────────  ───────",
            "  P3       ขยายเขตประปาหมู่บ้าน  KK-01-03-05         7  DIST-KK-01  district  300,000",
            "  P5       ฝึกอบรมอาชีพผู้สูงอายุ   KK-01-03-05         5  DIST-KK-01  district  150,000",
            "",
        ])
    }

    /// The community's plan holds all six needs: P6 it solves itself, the other five go up.
    func testCommunityAndDistrictPlansByFunder() throws {
        let result = try solvedResult(in: directory())
        let run = try plans(result, ["--funder", "DIST-KK-01", "--funder", "COM-KK-01-03-05"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let community = try XCTUnwrap(run.stdout.range(of: "COM-KK-01-03-05  กองทุนหมู่บ้านหนองแวง\n"), run.stdout)
        let district = try XCTUnwrap(run.stdout.range(of: "DIST-KK-01  อำเภอบ้านฝาง\n"), run.stdout)
        XCTAssertLessThan(community.lowerBound, district.lowerBound, "calendar order: community before district")
        XCTAssertTrue(run.stdout.contains("  community, บ้านหนองแวง (KK-01-03-05); 6 requests: funds 1, forwards 5, 0 unfunded\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("  district, อ.บ้านฝาง (KK-01); 2 requests: funds 2, forwards 0, 0 unfunded\n"), run.stdout)
        XCTAssertFalse(run.stdout.contains("LAO-KK-01-03  อบต.หนองบัว\n"), "only the plans asked for")
        XCTAssertFalse(run.stdout.contains("Reaching no body"))
    }

    func testCSVOfEveryPlanHasAByteOrderMarkThaiTextAndOneRowPerRequest() throws {
        let dir = try directory()
        let result = try solvedResult(in: dir)
        let csv = dir.appendingPathComponent("plans.csv")
        let run = try plans(result, ["--csv", csv.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "Wrote 4 plans (13 rows) to \(csv.path)\n")
        let bytes = try Data(contentsOf: csv)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark, so Excel reads Thai")
        let text = try XCTUnwrap(String(data: bytes.dropFirst(3), encoding: .utf8))
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 1 + 6 + 5 + 2, "community 6, LAO 5, district 2, province 0 requests")
        XCTAssertEqual(lines[0], "body,body_name,body_level,body_area,project,project_name,project_area,priority,outcome,"
            + "funder,funder_name,funder_level,start,cost,year_1,reason,explanation")
        XCTAssertTrue(lines.contains("LAO-KK-01-03,อบต.หนองบัว,lao,KK-01-03,P3,ขยายเขตประปาหมู่บ้าน,KK-01-03-05,7,forwarded,"
            + "DIST-KK-01,อำเภอบ้านฝาง,district,1,300000,300000,,"), text)
        XCTAssertTrue(lines.contains("COM-KK-01-03-05,กองทุนหมู่บ้านหนองแวง,community,KK-01-03-05,P6,ทำความสะอาดคูระบายน้ำ (ชุมชนทำเอง),"
            + "KK-01-03-05,4,funds,COM-KK-01-03-05,กองทุนหมู่บ้านหนองแวง,community,1,50000,50000,,"), text)
        XCTAssertEqual(lines.filter { $0.hasPrefix("LAO-KK-01-03,") }.map { $0.split(separator: ",")[8] },
                       ["funds", "funds", "funds", "forwarded", "forwarded"])

        let selected = dir.appendingPathComponent("lao.csv")
        XCTAssertEqual(try plans(result, ["--level", "lao", "--csv", selected.path]).stdout, "Wrote 1 plan (5 rows) to \(selected.path)\n")
    }

    /// The same result gives the same bytes, printed or written.
    func testSameBytesOnEveryRun() throws {
        let dir = try directory()
        let result = try solvedResult(in: dir)
        let first = try plans(result, [])
        let second = try plans(result, [])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, second.stdout)
        let a = dir.appendingPathComponent("a.csv"), b = dir.appendingPathComponent("b.csv")
        _ = try plans(result, ["--csv", a.path])
        _ = try plans(result, ["--csv", b.path])
        XCTAssertEqual(try Data(contentsOf: a), try Data(contentsOf: b))
    }

    /// A five-year plan: money per plan year headed by fiscal year, start years.
    func testFiveYearPlanShowsEachPlanYear() throws {
        let dir = try directory()
        let result = dir.appendingPathComponent("five.json")
        let solve = try CommandRunner.run(["scenarios/five-year-plan.json", "--output", result.path, "--no-timings"])
        XCTAssertEqual(solve.status, 0, solve.stderr)
        let run = try CommandRunner.run(["plans", result.path, "--scenario", "scenarios/five-year-plan.json", "--funder", "MIN-RID"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Plan years  1-5 = fiscal years 2571-2575\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("  ministry, nationwide, mandate: water; "), run.stdout)
        XCTAssertTrue(run.stdout.contains("  plan year       2571       2572       2573       2574       2575      total\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("  budget     1,500,000  1,500,000  1,500,000  1,500,000  1,500,000  7,500,000\n"), run.stdout)
    }

    // MARK: Errors

    /// Exit 2, one clear line (or the located problems) on stderr, nothing on stdout, no CSV written.
    private func assertRefused(
        _ arguments: [String], result: URL?, stderr expected: [String], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let dir = try directory()
        let csv = dir.appendingPathComponent("plans.csv")
        let run = try CommandRunner.run(["plans"] + (result.map { [$0.path] } ?? []) + arguments + ["--csv", csv.path])
        XCTAssertEqual(run.status, 2, run.stderr, file: file, line: line)
        XCTAssertEqual(run.stdout, "", file: file, line: line)
        for text in expected {
            XCTAssertTrue(run.stderr.contains(text), "missing \(text) in\n\(run.stderr)", file: file, line: line)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: csv.path), "nothing written", file: file, line: line)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "no temporary file left", file: file, line: line)
    }

    func testUnknownFunderLevelAndAreaAndEmptySelectionsAreRefused() throws {
        let result = try solvedResult(in: directory())
        let s = ["--scenario", Self.scenario]
        try assertRefused(s + ["--funder", "LAO-KK-01-3"], result: result,
                          stderr: ["allocate: no funder \"LAO-KK-01-3\" in the scenario (did you mean \"LAO-KK-01-03\"?)\n"])
        try assertRefused(s + ["--level", "tambon"], result: result,
                          stderr: ["allocate: unknown level \"tambon\": the levels are community, lao, district, province, ministry\n"])
        try assertRefused(s + ["--level", "lao", "--area", "KK-01-3"], result: result,
                          stderr: ["allocate: no area \"KK-01-3\" in the scenario (did you mean \"KK-01-03\"?)\n"])
        try assertRefused(s + ["--level", "district", "--area", "KK-01-03"], result: result,
                          stderr: ["allocate: no body is at level district and has area KK-01-03 or an area inside it (the district bodies' areas: KK-01)\n"])
        try assertRefused(s + ["--level", "ministry"], result: result,
                          stderr: ["allocate: no body is at level ministry (the scenario has no ministry body)\n"])
    }

    func testUnreadableResultsAreRefused() throws {
        let dir = try directory()
        try assertRefused(["--scenario", Self.scenario], result: dir.appendingPathComponent("missing.json"),
                          stderr: ["missing.json was rejected: 1 problem\n", "$: cannot read \"", "No such file or directory"])
        try assertRefused(["--scenario", Self.scenario], result: CommandRunner.root.appendingPathComponent(Self.scenario),
                          stderr: ["format (line 2): expected \"allocate-result/1\", found \"allocate/1\": this is not a result file of allocate"])
        let broken = dir.appendingPathComponent("broken.json")
        try Data("{\"format\": \"allocate-result/1\",\n \"scenario\": \"x\", \"status\": \"optimal\",\n \"projects\": [}".utf8).write(to: broken)
        try assertRefused(["--scenario", Self.scenario], result: broken, stderr: ["broken.json was rejected: 1 problem\n", "(line 3)"])
    }

    func testResultOfAnotherScenarioIsRefused() throws {
        let dir = try directory()
        let other = dir.appendingPathComponent("five.json")
        let solve = try CommandRunner.run(["scenarios/five-year-plan.json", "--output", other.path, "--no-timings"])
        XCTAssertEqual(solve.status, 0, solve.stderr)
        try assertRefused(["--scenario", Self.scenario], result: other, stderr: [
            "five.json was not made from scenarios/guideline-example.json (or the scenario changed since): 3 problems\n",
            "  scenario (line 3): the result is of the scenario named \"แผนพัฒนาท้องถิ่น 5 ปี ต.โนนทอง (2571-2575)\"",
            "has 16 projects, the scenario has 6",
        ])
        let result = try solvedResult(in: dir)
        let edited = dir.appendingPathComponent("edited.json")
        let text = try String(contentsOf: result, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"cost\": 500000", with: "\"cost\": 450000").utf8).write(to: edited)
        try assertRefused(["--scenario", Self.scenario], result: edited, stderr: [
            "edited.json was not made from scenarios/guideline-example.json (or the scenario changed since): 1 problem\n",
            "projects[0].cost (line ", "): is 450000, but P1 costs 500000 at LAO-KK-01-03 in this scenario\n",
        ])
    }

    func testRejectedScenarioAndMissingScenarioOption() throws {
        let dir = try directory()
        let result = try solvedResult(in: dir)
        let bad = dir.appendingPathComponent("bad.json")
        try Data("{\"format\": \"allocate/1\"}".utf8).write(to: bad)
        let run = try CommandRunner.run(["plans", result.path, "--scenario", bad.path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("bad.json was rejected"), run.stderr)
        let usage = try CommandRunner.run(["plans", result.path])
        XCTAssertEqual(usage.status, 64, "a missing option is a usage error")
        XCTAssertTrue(usage.stderr.contains("--scenario"), usage.stderr)
    }

    func testUnwritableCSVIsExitStatus3() throws {
        let dir = try directory()
        let result = try solvedResult(in: dir)
        let blocker = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let run = try plans(result, ["--csv", blocker.path + "/plans.csv"])
        XCTAssertEqual(run.status, 3)
        XCTAssertTrue(run.stderr.contains("cannot write \(blocker.path)/plans.csv"), run.stderr)
    }
}
