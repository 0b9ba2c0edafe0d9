import Foundation
import XCTest

/// Issue 6's review ("a budget decision tool must never crash, hang, lose
/// output"), as a user meets it: `explain`'s first argument read within the
/// limits, `--max-memory` on every command that reads a scenario or a result,
/// output folders made, CSV text cells that a spreadsheet would run as formulas guarded.
final class RobustnessCommandTests: XCTestCase {
    private func directory() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// The problem lines of a rejection on stderr (indented under the header).
    private func problemLines(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { String($0.dropFirst(2)) }
    }

    private func solve(_ scenario: String, into dir: URL) throws -> URL {
        let result = dir.appendingPathComponent("result.json")
        let run = try CommandRunner.run([scenario, "--output", result.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        return result
    }

    // MARK: explain's first argument

    /// `allocate explain /dev/zero P1` read without end before the review; a
    /// device is refused at once, exit status 2.
    func testExplainRefusesADevice() throws {
        let run = try CommandRunner.run(["explain", "/dev/zero", "P1"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(problemLines(run.stderr), ["$: cannot read \"/dev/zero\": it is a device, not a file"])
    }

    /// A result or scenario over 1,000 MB is refused by its size, unread (a sparse file).
    func testExplainAndPlansRefuseAFileOverTheLimit() throws {
        let dir = try directory()
        let result = try solve("scenarios/guideline-example.json", into: dir)
        let big = dir.appendingPathComponent("big.json")
        XCTAssertTrue(FileManager.default.createFile(atPath: big.path, contents: Data("{".utf8)))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 1_000_000_001)
        try handle.close()
        let explain = try CommandRunner.run(["explain", big.path, "P1"])
        XCTAssertEqual(explain.status, 2, explain.stderr)
        XCTAssertEqual(problemLines(explain.stderr),
                       ["$: \"\(big.path)\" is larger than 1000 MB, the largest scenario or result file allocate reads "
                           + "(a generated scenario of 1,000,000 projects takes 315 MB)"])
        let plans = try CommandRunner.run(["plans", big.path, "--scenario", "scenarios/guideline-example.json"])
        XCTAssertEqual(plans.status, 2, plans.stderr)
        XCTAssertEqual(problemLines(plans.stderr),
                       ["$: \"\(big.path)\" is larger than 1000 MB, the largest result file allocate reads "
                           + "(a generated scenario of 1,000,000 projects takes 315 MB)"])
        XCTAssertEqual(explain.stdout + plans.stdout, "")
        // The result itself is still explained.
        let fine = try CommandRunner.run(["explain", result.path, "P3", "--scenario", "scenarios/guideline-example.json", "--resolves", "0"])
        XCTAssertEqual(fine.status, 0, fine.stderr)
    }

    /// explain's file is read within `--max-memory`, result or scenario.
    func testExplainReadsWithinMaxMemory() throws {
        let dir = try directory()
        let result = try solve("scenarios/guideline-example.json", into: dir)
        for input in [result.path, "scenarios/guideline-example.json"] {
            var arguments = ["explain", input, "P3", "--max-memory", "10M"]
            if input == result.path { arguments += ["--scenario", "scenarios/guideline-example.json"] }
            let run = try CommandRunner.run(arguments)
            XCTAssertEqual(run.status, 2, run.stderr)
            let lines = problemLines(run.stderr)
            XCTAssertEqual(lines.count, 1, run.stderr)
            XCTAssertTrue(lines.first?.hasPrefix("$: \"\(input)\" (") ?? false, run.stderr)
            XCTAssertTrue(lines.first?.hasSuffix("of memory to read, and the limit is 10 MiB (--max-memory); give more with "
                + "--max-memory or use a larger machine") ?? false, run.stderr)
        }
    }

    // MARK: --max-memory

    /// Every command that reads a scenario takes `--max-memory`, which its
    /// refusal tells the user to give; each wrong size has its own message.
    func testEveryReadingCommandTakesMaxMemory() throws {
        let dir = try directory()
        let result = try solve("scenarios/guideline-example.json", into: dir)
        let shard = dir.appendingPathComponent("shard")
        let file = "scenarios/guideline-example.json"
        let commands: [[String]] = [
            [file], ["validate", file], ["compare", file], ["plans", result.path, "--scenario", file],
            ["explain", file, "P3"], ["whatif", file, "--set", "policy.mipGap=0.01"],
            ["whatif", "merge", "--scenario", file, shard.path],
        ]
        for command in commands {
            let refused = try CommandRunner.run(command + ["--max-memory", "10M"])
            XCTAssertEqual(refused.status, 2, "\(command): \(refused.stderr)")
            XCTAssertEqual(refused.stdout, "", "\(command)")
            XCTAssertTrue(refused.stderr.contains("needs about 65 MiB of memory to read, and the limit is 10 MiB (--max-memory)"),
                          "\(command): \(refused.stderr)")
            for (size, message) in [
                ("0", "Error: --max-memory 0 is no memory at all: give a size above 0, such as 8G or 512M"),
                ("99999999999T", "Error: --max-memory 99999999999T is more than any machine can have: the largest size is "
                    + "8388607T (8 EiB less 1 TiB)"),
                ("8iB", "Error: --max-memory must be a size such as 8G, 512M, 64K or 1073741824 (bytes), found \"8iB\""),
            ] {
                let bad = try CommandRunner.run(command + ["--max-memory", size])
                XCTAssertEqual(bad.status, 64, "\(command) \(size): \(bad.stderr)")
                XCTAssertEqual(bad.stderr.split(separator: "\n").first.map(String.init), message, "\(command)")
            }
        }
        let enough = try CommandRunner.run(["validate", file, "--max-memory", "1G"])
        XCTAssertEqual(enough.status, 0, enough.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["result.json"], "nothing else written")
    }

    /// A limit below a KiB is said in bytes, not rounded up to "1 MiB".
    func testASmallLimitIsDescribedInBytes() throws {
        let run = try CommandRunner.run(["validate", "scenarios/guideline-example.json", "--max-memory", "1000"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("\"scenarios/guideline-example.json\" (3 kB) needs about 65 MiB of memory to read, "
            + "and the limit is 1000 bytes (--max-memory)"), run.stderr)
    }

    // MARK: Output folders

    /// `--output` makes the folders above the file, as `mkdir -p` would; a file
    /// in the way is named, exit status 3.
    func testOutputFoldersAreMade() throws {
        let dir = try directory()
        let output = dir.appendingPathComponent("runs/2570/result.json")
        let csv = dir.appendingPathComponent("tables/2570")
        let run = try CommandRunner.run(["scenarios/guideline-example.json", "--output", output.path, "--csv", csv.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: csv.path).sorted(),
                       ["result-funders.csv", "result-projects.csv"])
        let compare = try CommandRunner.run(["compare", "scenarios/guideline-example.json", "-o", dir.appendingPathComponent("c/d/e.json").path])
        XCTAssertEqual(compare.status, 0, compare.stderr)
        let blocked = try CommandRunner.run(["scenarios/guideline-example.json", "--output", output.path + "/inside.json"])
        XCTAssertEqual(blocked.status, 3, blocked.stderr)
        XCTAssertEqual(blocked.stderr, "allocate: cannot write \(output.path)/inside.json: \(output.path) exists and is not a directory\n")
    }

    // MARK: CSV formulas

    /// Names a spreadsheet would run as formulas are written after a `'`;
    /// numbers the tool writes, negative ones too, stay numbers.
    func testCSVTextThatLooksLikeAFormulaIsGuarded() throws {
        let dir = try directory()
        var text = try String(contentsOf: CommandRunner.root.appendingPathComponent("scenarios/guideline-example.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""name": "ขุดลอกหนองน้ำสาธารณะ""#, with: #""name": "=HYPERLINK(\"http://x\",\"คลิก\")""#)
        text = text.replacingOccurrences(of: #""name": "อบต.หนองบัว""#, with: #""name": "@SUM(1+1)""#)
        text = text.replacingOccurrences(of: #""name": "ขยายเขตประปาหมู่บ้าน""#, with: #""name": "-2+3""#)
        let scenario = dir.appendingPathComponent("formulas.json")
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        let result = dir.appendingPathComponent("result.json")
        let solved = try CommandRunner.run([scenario.path, "--csv", dir.appendingPathComponent("tables").path, "--output", result.path])
        XCTAssertEqual(solved.status, 0, solved.stderr)
        let projects = try String(contentsOf: dir.appendingPathComponent("tables/result-projects.csv"), encoding: .utf8)
        XCTAssertTrue(projects.contains("\nP1,\"'=HYPERLINK(\"\"http://x\"\",\"\"คลิก\"\")\",KK-01-03-05,"), projects)
        XCTAssertTrue(projects.contains(",yes,LAO-KK-01-03,'@SUM(1+1),lao,"), projects)
        XCTAssertTrue(projects.contains("\nP3,'-2+3,"), projects)
        let funders = try String(contentsOf: dir.appendingPathComponent("tables/result-funders.csv"), encoding: .utf8)
        XCTAssertTrue(funders.contains("\nLAO-KK-01-03,'@SUM(1+1),lao,KK-01-03,1000000,1000000,0,3,3\n"), funders)

        let plans = dir.appendingPathComponent("plans.csv")
        let planRun = try CommandRunner.run(["plans", result.path, "--scenario", scenario.path, "--csv", plans.path])
        XCTAssertEqual(planRun.status, 0, planRun.stderr)
        let planText = try String(contentsOf: plans, encoding: .utf8)
        XCTAssertTrue(planText.contains("\nLAO-KK-01-03,'@SUM(1+1),lao,KK-01-03,P3,'-2+3,"), planText)

        let variations = dir.appendingPathComponent("variations.json")
        try #"{"format": "allocate-whatif/1", "variations": [{"name": "cuts", "description": "-90% for the district", "changes": ["funder:DIST-KK-01.budget*=0.1"]}]}"#
            .write(to: variations, atomically: true, encoding: .utf8)
        let comparison = dir.appendingPathComponent("comparison.csv")
        let whatif = try CommandRunner.run(["whatif", scenario.path, "--variations", variations.path, "--csv", comparison.path, "--no-timings"])
        XCTAssertEqual(whatif.status, 0, whatif.stderr)
        let comparisonText = try String(contentsOf: comparison, encoding: .utf8)
        XCTAssertTrue(comparisonText.contains("\n1,cuts,'-90% for the district,funder:DIST-KK-01.budget*=0.1,optimal,"), comparisonText)
        XCTAssertTrue(comparisonText.contains(",31.995,-6.993,"), "a negative change stays a number: \(comparisonText)")
    }
}
