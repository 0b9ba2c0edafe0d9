import Foundation
import XCTest

/// `allocate validate` and the rejection of bad input by every command: each
/// problem on stderr with its JSON path and line, exit status 2, nothing on
/// stdout and no file written.
final class ValidateCommandTests: XCTestCase {
    /// Nine problems, one or two per line, none hiding another. Line numbers
    /// matter: each problem is expected at the line it is on.
    static let badScenario = """
        {
          "format": "allocate/1",
          "name": "bad",
          "horizon": 3,
          "colour": "blue",
          "areas": [
            {"id": "A", "parent": "B"},
            {"id": "B", "parent": "A"},
            {"id": "R"}
          ],
          "funders": [
            {"id": "F1", "level": "lao", "area": "R", "budget": [100, 200]},
            {"id": "F1", "level": "district", "area": "R", "budget": 5}
          ],
          "projects": [
            {"id": "P1", "area": "R", "cost": 10, "priority": 1, "requires": ["P2"]},
            {"id": "P2", "area": "R", "cost": 10, "priority": 1, "requires": ["P1"]},
            {"id": "P3", "area": "NOWHERE", "cost": 10, "priority": 1, "requires": ["P9"]},
            {"id": "P3", "area": "R", "cost": 10, "priority": 1, "fundr": "F1"}
          ]
        }

        """

    /// Each problem of `badScenario`: the JSON paths (with line) it may be reported at, and a word the message must hold.
    static let badScenarioProblems: [(locations: [String], word: String)] = [
        (["colour (line 5)"], "colour"),                                            // unknown key
        (["areas[0].parent (line 7)", "areas[1].parent (line 8)"], "cycle"),        // area cycle A -> B -> A
        (["funders[0].budget (line 12)"], "horizon"),                               // 2 yearly budgets, horizon 3
        (["funders[1].id (line 13)"], "F1"),                                        // duplicate funder id
        (["projects[0].requires[0] (line 16)", "projects[1].requires[0] (line 17)"], "cycle"), // requires cycle
        (["projects[2].area (line 18)"], "NOWHERE"),                                // unknown area
        (["projects[2].requires[0] (line 18)"], "P9"),                              // unknown project
        (["projects[3].fundr (line 19)"], "fundr"),                                 // unknown key (typo of funder)
        (["projects[3].id (line 19)"], "P3"),                                       // duplicate project id
    ]

    private func directory() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    private func write(_ text: String, to name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func contents(of dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    /// The problem lines of a rejection on stderr (indented under the header).
    private func problemLines(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { String($0.dropFirst(2)) }
    }

    private func assertListsEveryProblem(_ run: CommandRunner.Run, file: StaticString = #filePath, line: UInt = #line) {
        let lines = problemLines(run.stderr)
        for (locations, word) in Self.badScenarioProblems {
            let found = lines.contains { l in locations.contains { l.hasPrefix($0 + ": ") } && l.contains(word) }
            XCTAssertTrue(found, "no problem at \(locations) mentioning \(word) in:\n\(run.stderr)", file: file, line: line)
        }
        XCTAssertEqual(lines.count, Self.badScenarioProblems.count, "one line per problem:\n\(run.stderr)", file: file, line: line)
        XCTAssertTrue(run.stderr.contains("\(Self.badScenarioProblems.count) problems"), run.stderr, file: file, line: line)
    }

    func testValidateListsEveryProblemWithItsPathAndLine() throws {
        let dir = try directory()
        let bad = try write(Self.badScenario, to: "BAD.json", in: dir)
        let run = try CommandRunner.run(["validate", bad.path])
        XCTAssertEqual(run.status, 2, run.stderr)
        assertListsEveryProblem(run)
        XCTAssertTrue(run.stderr.contains("BAD.json"), "the message names the file:\n\(run.stderr)")
        XCTAssertEqual(run.stdout, "", "a rejected scenario prints nothing on stdout")
    }

    func testSolveRejectsBadScenarioAndWritesNoFile() throws {
        let dir = try directory()
        _ = try write(Self.badScenario, to: "BAD.json", in: dir)
        let run = try CommandRunner.run(["BAD.json", "--output", "out.json"], in: dir)
        XCTAssertEqual(run.status, 2, run.stderr)
        assertListsEveryProblem(run)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(try contents(of: dir), ["BAD.json"], "no result file and no temporary file may be left")
    }

    func testRejectedScenarioLeavesAnEarlierResultFileUntouched() throws {
        let dir = try directory()
        _ = try write(Self.badScenario, to: "BAD.json", in: dir)
        let earlier = try write("{\"earlier\": true}\n", to: "out.json", in: dir)
        let run = try CommandRunner.run(["solve", "BAD.json", "-o", "out.json"], in: dir)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(try String(contentsOf: earlier, encoding: .utf8), "{\"earlier\": true}\n")
        XCTAssertEqual(try contents(of: dir), ["BAD.json", "out.json"])
    }

    /// A number too large for a Double is reported at its path and line.
    func testOutOfRangeNumberIsRejectedWithItsLocation() throws {
        let dir = try directory()
        let scenario = """
            {"format": "allocate/1", "name": "huge",
             "areas": [{"id": "R"}],
             "funders": [{"id": "F", "level": "lao", "area": "R", "budget": 1e400}],
             "projects": [{"id": "P", "area": "R", "cost": 10, "priority": 1}]}
            """
        let url = try write(scenario, to: "huge.json", in: dir)
        for arguments in [["validate", url.path], [url.path, "-o", dir.appendingPathComponent("out.json").path]] {
            let run = try CommandRunner.run(arguments)
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(problemLines(run.stderr).contains { $0.hasPrefix("funders[0].budget (line 3): ") && $0.contains("too large") }, run.stderr)
            XCTAssertEqual(run.stdout, "")
        }
        XCTAssertEqual(try contents(of: dir), ["huge.json"])
    }

    /// The scenario format asks for every problem, not just the first: a number
    /// out of range is a bad value like any other and must not hide the rest.
    func testOutOfRangeNumberDoesNotHideOtherProblems() throws {
        let dir = try directory()
        let scenario = """
            {"format": "allocate/1", "name": "huge", "colour": "blue",
             "areas": [{"id": "R"}],
             "funders": [{"id": "F", "level": "lao", "area": "R", "budget": 1e400}],
             "projects": [{"id": "P", "area": "NOWHERE", "cost": 10, "priority": 1}]}
            """
        let url = try write(scenario, to: "huge.json", in: dir)
        let run = try CommandRunner.run(["validate", url.path])
        XCTAssertEqual(run.status, 2, run.stderr)
        let lines = problemLines(run.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("colour (line 1): ") }, "unknown key not reported:\n\(run.stderr)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("funders[0].budget (line 3): ") && $0.contains("too large") }, run.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("projects[0].area (line 4): ") && $0.contains("NOWHERE") }, "unknown area not reported:\n\(run.stderr)")
    }

    func testNaNIsNotJSON() throws {
        let dir = try directory()
        let url = try write("{\"format\": \"allocate/1\",\n \"name\": NaN}\n", to: "nan.json", in: dir)
        let run = try CommandRunner.run(["validate", url.path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("(line 2)"), run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    /// Files that are not a scenario at all: exit 2 and a message naming the file and what is wrong, from both commands.
    func testUnreadableOrNonJSONFilesAreRejected() throws {
        let dir = try directory()
        let cases: [(path: String, expected: String)] = [
            (try write("", to: "empty.json", in: dir).path, "empty"),
            (try write("hello, budget office\n", to: "text.json", in: dir).path, "(line 1)"),
            (try write("[1, 2, 3]\n", to: "array.json", in: dir).path, "object"),
            (try write("{\"format\": \"allocate/1\",}\n", to: "comma.json", in: dir).path, "comma"),
            (dir.appendingPathComponent("missing.json").path, "No such file"),
            (dir.path, "directory"),
        ]
        for (path, expected) in cases {
            for arguments in [["validate", path], [path, "--output", dir.appendingPathComponent("out.json").path]] {
                let run = try CommandRunner.run(arguments)
                XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
                XCTAssertTrue(run.stderr.contains(path), "\(arguments): the message must name the file:\n\(run.stderr)")
                XCTAssertTrue(run.stderr.contains(expected), "\(arguments): expected \(expected) in:\n\(run.stderr)")
                XCTAssertEqual(run.stdout, "", "\(arguments)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path))
    }

    /// Every scenario shipped in scenarios/ is valid.
    func testEveryShippedScenarioValidates() throws {
        let scenarios = try Self.shippedScenarios()
        XCTAssertTrue(scenarios.contains("scenarios/guideline-example.json"), "\(scenarios)")
        for path in scenarios {
            let run = try CommandRunner.run(["validate", path])
            XCTAssertEqual(run.status, 0, "\(path): \(run.stderr)")
            XCTAssertTrue(run.stdout.hasPrefix("\(path): valid allocate/1 scenario"), "\(path): \(run.stdout)")
            XCTAssertEqual(run.stderr, "", path)
        }
    }

    /// `allocate validate scenarios/*.json`, as a user types it: the shell passes every file.
    func testValidateAcceptsSeveralFilesAtOnce() throws {
        let scenarios = try Self.shippedScenarios()
        let run = try CommandRunner.run(["validate"] + scenarios)
        XCTAssertEqual(run.status, 0, run.stderr)
        for path in scenarios {
            XCTAssertTrue(run.stdout.contains("\(path): valid allocate/1 scenario"), "\(path) not reported:\n\(run.stdout)")
        }
    }

    func testValidateCensusOfTheGuidelineExample() throws {
        let run = try CommandRunner.run(["validate", "scenarios/guideline-example.json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("4 areas, 2 strategies, 4 funders, 6 projects, horizon 1"), run.stdout)
    }

    /// scenarios/*.json relative to the repository root, sorted.
    static func shippedScenarios() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: CommandRunner.root.appendingPathComponent("scenarios").path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
            .map { "scenarios/\($0)" }
    }
}
