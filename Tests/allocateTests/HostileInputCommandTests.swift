import Allocator
import Foundation
import XCTest

/// Hostile scenario files given to the commands a user runs (issue 6): each
/// gets a clear error (exit status 2, the JSON path and line, nothing on
/// stdout, no file written) or a correct answer, at once.
/// Tests/AllocatorTests/HostileScenarioTests.swift has the library's side.
final class HostileInputCommandTests: XCTestCase {
    private func directory() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    private func write(_ bytes: [UInt8], to name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    private func write(_ text: String, to name: String, in dir: URL) throws -> URL {
        try write(Array(text.utf8), to: name, in: dir)
    }

    private func contents(of dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    /// The problem lines of a rejection on stderr (indented under the header).
    private func problemLines(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { String($0.dropFirst(2)) }
    }

    /// A scenario on several lines: area KK (tambon KK-01 under it), strategy
    /// S, a lao funder per tambon, then `projects` one per line from line 7.
    private func scenario(budget: String = "1000", projects: [String]) -> String {
        """
        {"format": "allocate/1", "name": "hostile",
         "areas": [{"id": "KK"}, {"id": "KK-01", "parent": "KK"}, {"id": "KK-02", "parent": "KK"}],
         "strategies": [{"id": "S"}],
         "funders": [{"id": "LAO-01", "level": "lao", "area": "KK-01", "budget": \(budget)},
                     {"id": "LAO-02", "level": "lao", "area": "KK-02", "budget": 1000}],
         "projects": [
        \(projects.joined(separator: ",\n"))
         ]}

        """
    }

    // MARK: Refused

    /// A file over 1,000 MB is refused by its size by every command that reads a
    /// scenario, before reading it (the file is sparse: no disk, no time).
    /// (Before issue 6 point 6 the limit was 100 MB and the file 200 MB.)
    func testAFileOverTheLimitIsRefusedByEveryCommand() throws {
        let dir = try directory()
        let big = try write("{", to: "big.json", in: dir)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 1_000_000_001)
        try handle.close()
        let result = dir.appendingPathComponent("result.json")
        let solved = try CommandRunner.run(["scenarios/guideline-example.json", "--output", result.path])
        XCTAssertEqual(solved.status, 0, solved.stderr)
        for arguments in [["validate", big.path], [big.path, "--output", dir.appendingPathComponent("out.json").path],
                          ["compare", big.path], ["plans", result.path, "--scenario", big.path]] {
            let run = try CommandRunner.run(arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertEqual(problemLines(run.stderr),
                           ["$: \"\(big.path)\" is larger than 1000 MB, the largest scenario file allocate reads "
                               + "(a generated scenario of 1,000,000 projects takes 315 MB)"], "\(arguments)")
            XCTAssertEqual(run.stdout, "", "\(arguments)")
        }
        XCTAssertEqual(try contents(of: dir), ["big.json", "result.json"])
    }

    /// `--max-memory` below what a scenario needs: refused with what it needs
    /// and the limit, exit status 2, nothing written. The 12k province's file
    /// (3.7 MB) fits in 100 MiB to be read, its model (about 32,000 choices)
    /// does not; 10 MiB is too little even to read it.
    func testAScenarioThatNeedsMoreThanMaxMemoryIsRefused() throws {
        let dir = try directory()
        let output = dir.appendingPathComponent("result.json")
        let file = "scenarios/khon-kaen-generated-12k.json"
        let solve = try CommandRunner.run([file, "--max-memory", "100M", "--output", output.path])
        XCTAssertEqual(solve.status, 2, solve.stderr)
        XCTAssertEqual(solve.stdout, "")
        let message = try XCTUnwrap(solve.stderr.split(separator: "\n").first.map(String.init))
        XCTAssertTrue(message.hasPrefix("allocate: \(file) was refused: solving it needs about "), message)
        XCTAssertTrue(message.contains(" of memory (32317 choices, "), message)
        XCTAssertTrue(message.hasSuffix("and the limit is 100 MiB (--max-memory); give more with --max-memory "
            + "or use a larger machine (docs/decisions.md#memory)"), message)
        let read = try CommandRunner.run([file, "--max-memory", "10M", "--output", output.path])
        XCTAssertEqual(read.status, 2, read.stderr)
        XCTAssertEqual(problemLines(read.stderr),
                       ["$: \"\(file)\" (3 MB) needs about 89 MiB of memory to read, and the limit is 10 MiB "
                           + "(--max-memory); give more with --max-memory or use a larger machine"])
        let bad = try CommandRunner.run([file, "--max-memory", "eight", "--output", output.path])
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertEqual(try contents(of: dir), [])
        let enough = try CommandRunner.run([file, "--max-memory", "4G", "--time-limit", "1", "--output", output.path])
        XCTAssertEqual(enough.status, 0, enough.stderr)
    }

    /// Each file breaks one rule; `validate` and the solve both refuse it with
    /// exit status 2, naming the JSON path and line, and write nothing.
    func testMalformedFilesAreRefusedWithPathAndLine() throws {
        let dir = try directory()
        let p1 = #"{"id": "P1", "area": "KK-01", "cost": 100, "priority": 5, "strategies": ["S"]"#
        let p2 = #"{"id": "P2", "area": "KK-01", "cost": 100, "priority": 3, "strategies": ["S"]"#
        let beforeBadByte = p1 + #", "name": "บ้าน"#
        var invalidUTF8 = Array(scenario(projects: [beforeBadByte + #"~"}"#]).utf8)
        invalidUTF8[invalidUTF8.firstIndex(of: UInt8(ascii: "~"))!] = 0xC0
        let badColumn = beforeBadByte.unicodeScalars.count + 1  // columns count characters, not bytes
        let cases: [(name: String, bytes: [UInt8], problem: String)] = [
            ("invalid-utf8", invalidUTF8, "projects[0].name (line 7): invalid UTF-8 (byte 0xC0) (column \(badColumn))"),
            ("duplicate-key", Array(scenario(projects: [p1 + #", "cost": 1}"#]).utf8),
             #"projects[0].cost (line 7): duplicate key "cost" (first at line 7)"#),
            ("huge-cost", Array(scenario(projects: [p2 + "}", p1.replacingOccurrences(of: "100", with: "1e308") + "}"]).utf8),
             "projects[1].cost (line 8): must be at most 1e15 (a thousand trillion baht), found 1e+308"),
            ("minus-zero-cost", Array(scenario(projects: [p1.replacingOccurrences(of: "100", with: "-0") + "}"]).utf8),
             "projects[0].cost (line 7): must be > 0, found -0"),
            ("negative-budget", Array(scenario(budget: "-1", projects: [p1 + "}"]).utf8),
             "funders[0].budget (line 4): must be >= 0, found -1"),
            ("budget-length", Array(scenario(budget: "[1000, 1000]", projects: [p1 + "}"]).utf8),
             "funders[0].budget (line 4): 2 yearly amounts but horizon is 1 (give one per plan year, or a single number for every year)"),
            ("requires-itself", Array(scenario(projects: [p1 + #", "requires": ["P1"]}"#]).utf8),
             "projects[0].requires[0] (line 7): a project cannot require itself"),
            ("requires-cycle", Array(scenario(projects: [p1 + #", "requires": ["P2"]}"#, p2 + #", "requires": ["P1"]}"#]).utf8),
             #"projects[0].requires[0] (line 7): requires form a cycle: "P1" -> "P2" -> "P1""#),
            ("normalisation", Array(scenario(projects: [p1.replacingOccurrences(of: "P1", with: "P-\u{E9}") + "}",
                                                        p2.replacingOccurrences(of: "P2", with: "P-e\u{301}") + "}"]).utf8),
             "projects[1].id (line 8): duplicate project id \"P-e\u{301}\" (first at projects[0], line 7)"),
        ]
        for (name, bytes, problem) in cases {
            let input = try write(bytes, to: "\(name).json", in: dir)
            for arguments in [["validate", input.path], [input.path, "--output", dir.appendingPathComponent("out.json").path]] {
                let run = try CommandRunner.run(arguments)
                XCTAssertEqual(run.status, 2, "\(name) \(arguments): \(run.stderr)")
                XCTAssertEqual(problemLines(run.stderr), [problem], "\(name) \(arguments)")
                XCTAssertTrue(run.stderr.hasPrefix("allocate: \(input.path) was rejected: 1 problem\n"), run.stderr)
                XCTAssertEqual(run.stdout, "", "\(name)")
            }
        }
        XCTAssertFalse(try contents(of: dir).contains("out.json"))
    }

    // MARK: Answered

    /// Budgets of 0 are well formed: nothing can be funded where they are 0,
    /// and the result says so.
    func testZeroBudgetsGiveTheRightDecision() throws {
        let dir = try directory()
        let input = try write("""
            {"format": "allocate/1", "name": "zero", "horizon": 2,
             "areas": [{"id": "KK"}],
             "strategies": [{"id": "S"}],
             "funders": [{"id": "LAO", "level": "lao", "area": "KK", "budget": 0},
                         {"id": "DIST", "level": "district", "area": "KK", "budget": [0, 500]}],
             "projects": [{"id": "P1", "area": "KK", "cost": 100, "priority": 5, "strategies": ["S"]},
                          {"id": "P2", "area": "KK", "cost": 400, "priority": 3, "strategies": ["S"], "latestStart": 1}]}
            """, to: "zero.json", in: dir)
        let output = dir.appendingPathComponent("zero.result.json")
        let run = try CommandRunner.run([input.path, "--output", output.path, "--no-timings"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let result = try ResultFile(output)
        try result.check(against: try ScenarioReader.read(contentsOf: input.path), exitStatus: run.status, timings: false, "zero")
        XCTAssertEqual(result.status, "optimal")
        XCTAssertEqual(result.projects[0]["funder"] as? String, "DIST")
        XCTAssertEqual(ResultFile.number(result.projects[0]["start"]), 2, "year 1 has no money anywhere")
        XCTAssertEqual(result.projects[1]["reason"] as? String, "budget")
        XCTAssertEqual(result.projects[1]["explanation"] as? String,
                       "It costs more in some year than the whole yearly budget (or project limit) of every funder that may fund it: LAO, DIST.")
    }

    /// A project pinned to a funder that may not fund it (another tambon's
    /// LAO) is well formed (the spec's rule 6 just leaves it no funder): it
    /// is unfunded, exit 0; when it is mandatory, the scenario is infeasible, exit 1.
    func testProjectPinnedToAnIneligibleFunder() throws {
        let dir = try directory()
        let pinned = #"{"id": "P1", "area": "KK-01", "cost": 100, "priority": 5, "strategies": ["S"], "funder": "LAO-02"}"#
        let other = #"{"id": "P2", "area": "KK-01", "cost": 100, "priority": 3, "strategies": ["S"]}"#
        let input = try write(scenario(projects: [pinned, other]), to: "pinned.json", in: dir)
        let output = dir.appendingPathComponent("pinned.result.json")
        let run = try CommandRunner.run([input.path, "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let result = try ResultFile(output)
        try result.check(against: try ScenarioReader.read(contentsOf: input.path), exitStatus: run.status, "pinned")
        XCTAssertEqual(result.projects[0]["reason"] as? String, "noEligibleFunder")
        XCTAssertTrue((result.projects[0]["explanation"] as? String)?.contains("pinned funder LAO-02") ?? false,
                      "\(result.projects[0])")
        XCTAssertEqual(result.projects[1]["funder"] as? String, "LAO-01")

        let mandatory = try write(scenario(projects: [pinned.replacingOccurrences(of: "}", with: #", "mandatory": true}"#), other]),
                                  to: "mandatory.json", in: dir)
        let infeasible = try CommandRunner.run([mandatory.path])
        XCTAssertEqual(infeasible.status, 1, infeasible.stderr)
        XCTAssertTrue(infeasible.stdout.contains("infeasible"), infeasible.stdout)
        XCTAssertTrue(infeasible.stdout.contains("pinned funder LAO-02"), infeasible.stdout)
    }

    /// A chain of 100,000 areas: every command that reads a scenario works
    /// through it without recursion, and the decision is the right one.
    func testA100000DeepAreaTree() throws {
        let dir = try directory()
        let depth = 100_000
        var areas = [#"{"id": "A0"}"#]
        for i in 1 ..< depth { areas.append(#"{"id": "A\#(i)", "parent": "A\#(i - 1)"}"#) }
        let bottom = "A\(depth - 1)"
        // LAO (100) at the second-lowest area, the province (300) at the top. Best
        // decision: P1 at the LAO; P2 and P4 (250) beat P3 (250, priority 3) at the province.
        let input = try write("""
            {"format": "allocate/1", "name": "deep", "areas": [\(areas.joined(separator: ",\n"))],
             "strategies": [{"id": "S"}],
             "funders": [{"id": "PROV", "level": "province", "area": "A0", "budget": 300},
                         {"id": "LAO", "level": "lao", "area": "A\(depth - 2)", "budget": 100}],
             "projects": [{"id": "P1", "area": "\(bottom)", "cost": 100, "priority": 5, "strategies": ["S"]},
                          {"id": "P2", "area": "\(bottom)", "cost": 100, "priority": 4, "strategies": ["S"]},
                          {"id": "P3", "area": "A50000", "cost": 250, "priority": 3, "strategies": ["S"]},
                          {"id": "P4", "area": "\(bottom)", "cost": 150, "priority": 1, "strategies": ["S"]}],
             "policy": {"mipGap": 0}}
            """, to: "deep.json", in: dir)

        let validate = try CommandRunner.run(["validate", input.path])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertTrue(validate.stdout.contains("100,000 areas"), validate.stdout)

        let output = dir.appendingPathComponent("deep.result.json")
        let solve = try CommandRunner.run([input.path, "--output", output.path])
        XCTAssertEqual(solve.status, 0, solve.stderr)
        let result = try ResultFile(output)
        try result.check(against: try ScenarioReader.read(contentsOf: input.path), exitStatus: solve.status, "deep")
        XCTAssertEqual(result.status, "optimal")
        XCTAssertEqual(result.projects.map { $0["funder"] as? String }, ["LAO", "PROV", nil, "PROV"])
        XCTAssertEqual(result.projects[2]["reason"] as? String, "budget")
        XCTAssertEqual(result.objective ?? 0, 5 + 5 * 0.999 * 0.999, accuracy: 1e-9)

        let plans = try CommandRunner.run(["plans", output.path, "--scenario", input.path, "--area", "A50000"])
        XCTAssertEqual(plans.status, 0, plans.stderr)
        XCTAssertTrue(plans.stdout.contains("lao, A\(depth - 2); 3 requests: funds 1, forwards 2, 0 unfunded"), plans.stdout)
        XCTAssertFalse(plans.stdout.contains("province, A0;"), "the province is above A50000:\n\(plans.stdout)")

        let compare = try CommandRunner.run(["compare", input.path])
        XCTAssertEqual(compare.status, 0, compare.stderr)
    }
}
