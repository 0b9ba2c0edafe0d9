import Foundation
import XCTest

/// `allocate import`: the example CSV set and the real pabulib files give the
/// committed scenarios byte for byte, which validate and solve; bad cells and
/// validator problems are listed with file, row and column, exit status 2, and
/// nothing is written; usage errors exit 64.
final class ImportCommandTests: XCTestCase {
    private func directory() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    static let exampleName = "ตัวอย่างนำเข้าจากตาราง: อ.บ้านฝาง (CSV import example)"

    static func exampleArguments(_ folder: String = "scenarios/csv-example") -> [String] {
        ["import", "--areas", "\(folder)/areas.csv", "--strategies", "\(folder)/strategies.csv",
         "--funders", "\(folder)/funders.csv", "--projects", "\(folder)/projects.csv", "--policy", "\(folder)/policy.csv",
         "--name", exampleName, "--fiscal-year", "2570"]
    }

    static let pabulibFiles = [
        "Poland_Czestochowa_2020", "Poland_Czestochowa_2020_Grabowka", "Poland_Czestochowa_2020_Mirow",
        "Poland_Czestochowa_2020_Podjasnogorska", "Poland_Czestochowa_2020_Stare_Miasto",
    ].map { "../shared/data/pabulib/\($0).pb" }

    private func copyExample(to dir: URL) throws {
        for name in ["areas", "strategies", "funders", "projects", "policy"] {
            try FileManager.default.copyItem(
                at: CommandRunner.root.appendingPathComponent("scenarios/csv-example/\(name).csv"),
                to: dir.appendingPathComponent("\(name).csv"))
        }
    }

    func testExampleSetImportsToTheCommittedScenarioWhichValidatesAndSolves() throws {
        let dir = try directory()
        let output = dir.appendingPathComponent("scenario.json")
        let run = try CommandRunner.run(Self.exampleArguments() + ["-o", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        XCTAssertTrue(run.stdout.hasPrefix("\(output.path): valid allocate/1 scenario \"\(Self.exampleName)\"\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("6 areas, 3 strategies, 7 funders, 16 projects, horizon 1"), run.stdout)
        let committed = try Data(contentsOf: CommandRunner.root.appendingPathComponent("scenarios/csv-example.json"))
        XCTAssertEqual(try Data(contentsOf: output), committed, "the import must reproduce scenarios/csv-example.json")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["scenario.json"], "no temporary file left")

        let stdout = try CommandRunner.run(Self.exampleArguments())
        XCTAssertEqual(stdout.status, 0, stdout.stderr)
        XCTAssertEqual(Data(stdout.stdout.utf8), committed, "without -o the scenario goes to stdout")

        let solve = try CommandRunner.run([output.path])
        XCTAssertEqual(solve.status, 0, solve.stderr)
        XCTAssertTrue(solve.stdout.contains("Status      optimal"), solve.stdout)
    }

    func testRealPabulibFilesImportToTheCommittedScenario() throws {
        let dir = try directory()
        let output = dir.appendingPathComponent("pb.json")
        let run = try CommandRunner.run(["import", "--pabulib"] + Self.pabulibFiles + ["--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("5 areas, 0 strategies, 5 funders, 130 projects, horizon 1"), run.stdout)
        let committed = try Data(contentsOf: CommandRunner.root.appendingPathComponent("scenarios/czestochowa-2020-pabulib.json"))
        XCTAssertEqual(try Data(contentsOf: output), committed)

        let two = try CommandRunner.run(["import", "--pabulib", Self.pabulibFiles[3], Self.pabulibFiles[4],
                                         "--pabulib-priority", "votes", "--name", "สองเขต"])
        XCTAssertEqual(two.status, 0, two.stderr)
        let scenario = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(two.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(scenario["name"] as? String, "สองเขต")
        let projects = try XCTUnwrap(scenario["projects"] as? [[String: Any]])
        XCTAssertEqual(projects.count, 9 + 13)
        XCTAssertEqual(projects.first?["priority"] as? Int, 168, "Podjasnogórska's first project has 168 votes")
    }

    /// Bad cells in two files: every problem listed with file, row and column;
    /// exit 2; an existing output file is left as it was and nothing else is written.
    /// Rows are spreadsheet rows: P04 is on line 6 of projects.csv but in row 5,
    /// as P01's note holds a line break.
    func testBadCellsAreListedAndNothingIsWritten() throws {
        let dir = try directory()
        try copyExample(to: dir)
        let projects = dir.appendingPathComponent("projects.csv")
        var text = try String(contentsOf: projects, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"500,000\",9", with: "\"5,00,000\",9")
            .replacingOccurrences(of: "P04,ติดตั้งไฟฟ้าส่องสว่าง,KK-01-03-05,\"200,000\",6", with: "P04,ติดตั้งไฟฟ้าส่องสว่าง,KK-01-03-05,\"200,000\",สูง")
        try Data(text.utf8).write(to: projects)
        let funders = dir.appendingPathComponent("funders.csv")
        try Data(try String(contentsOf: funders, encoding: .utf8).replacingOccurrences(of: ",lao,KK-01-04,", with: ",อบต,KK-01-04,").utf8)
            .write(to: funders)
        let output = dir.appendingPathComponent("scenario.json")
        try Data("old\n".utf8).write(to: output)

        let run = try CommandRunner.run(Self.exampleArguments(dir.path) + ["-o", output.path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(run.stderr, """
            allocate: import rejected: 3 problems
              \(dir.path)/funders.csv, row 5, column "level": unknown level "อบต"; expected community, lao, district, province, ministry
              \(dir.path)/projects.csv, row 2, column "cost": expected an amount in baht (e.g. 1250000 or "1,250,000.50"; commas only between groups of three digits), found "5,00,000"
              \(dir.path)/projects.csv, row 5, column "priority": expected a number (e.g. 8 or 7.5), found "สูง"

            """)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "old\n", "the old output is untouched")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(),
                       ["areas.csv", "funders.csv", "policy.csv", "projects.csv", "scenario.json", "strategies.csv"])
    }

    /// Cells that read fine but break the format's rules: the validator's problems, at their rows and columns.
    func testValidatorProblemsAreReportedAtRowAndColumn() throws {
        let dir = try directory()
        try copyExample(to: dir)
        let projects = dir.appendingPathComponent("projects.csv")
        let text = try String(contentsOf: projects, encoding: .utf8)
            .replacingOccurrences(of: ",S2; S3,", with: ",S2; S4,")
            .replacingOccurrences(of: ",P08,,", with: ",P99,,")
        try Data(text.utf8).write(to: projects)
        let output = dir.appendingPathComponent("scenario.json")
        let run = try CommandRunner.run(Self.exampleArguments(dir.path) + ["-o", output.path])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stderr, """
            allocate: import rejected: 2 problems
              \(dir.path)/projects.csv, row 6, column "strategies": unknown strategy "S4"
              \(dir.path)/projects.csv, row 10, column "requires": unknown project "P99"

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testUnreadableFilesAndUsageErrors() throws {
        let missing = try CommandRunner.run(["import", "--areas", "nowhere/areas.csv", "--funders", "scenarios/csv-example/funders.csv",
                                             "--projects", "scenarios/csv-example/projects.csv", "--name", "x"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nowhere/areas.csv: cannot read the file: No such file or directory"), missing.stderr)

        let noName = try CommandRunner.run(["import", "--areas", "a.csv", "--funders", "f.csv", "--projects", "p.csv"])
        XCTAssertEqual(noName.status, 64, noName.stderr)
        XCTAssertTrue(noName.stderr.contains("--name is required"), noName.stderr)
        let nothing = try CommandRunner.run(["import"])
        XCTAssertEqual(nothing.status, 64, nothing.stderr)
        let both = try CommandRunner.run(["import", "--pabulib", Self.pabulibFiles[1], "--projects", "p.csv"])
        XCTAssertEqual(both.status, 64, both.stderr)
        let badPriority = try CommandRunner.run(["import", "--pabulib", Self.pabulibFiles[1], "--pabulib-priority", "cost"])
        XCTAssertEqual(badPriority.status, 64, badPriority.stderr)

        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("allocate-blocker-\(UUID().uuidString)")
        try Data("x".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let unwritable = try CommandRunner.run(Self.exampleArguments() + ["-o", blocker.path + "/scenario.json"])
        XCTAssertEqual(unwritable.status, 3, unwritable.stderr)
        XCTAssertTrue(unwritable.stderr.contains("cannot write \(blocker.path)/scenario.json: \(blocker.path) exists and is not a directory"),
                      unwritable.stderr)
    }
}
