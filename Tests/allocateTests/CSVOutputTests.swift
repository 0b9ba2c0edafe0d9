import Foundation
import XCTest

/// `allocate SCENARIO --csv DIR`: two files Excel opens with Thai intact (UTF-8
/// byte order mark, LF), one row per project and per funder, the same
/// decision as result.json, written atomically into a directory made if missing.
final class CSVOutputTests: XCTestCase {
    private func directory() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testDecisionTablesHaveTheByteOrderMarkThaiTextAndTheResultsDecision() throws {
        let dir = try directory()
        let csv = dir.appendingPathComponent("tables")
        let output = dir.appendingPathComponent("result.json")
        let run = try CommandRunner.run(["scenarios/csv-example.json", "--csv", csv.path, "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: csv.path).sorted(), ["result-funders.csv", "result-projects.csv"],
                       "the directory is made, and no temporary file is left")

        let projects = try Data(contentsOf: csv.appendingPathComponent("result-projects.csv"))
        XCTAssertEqual(Array(projects.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark")
        let text = try XCTUnwrap(String(data: projects.dropFirst(3), encoding: .utf8))
        XCTAssertTrue(text.contains("P01,\"ขุดลอกหนองน้ำสาธารณะ, กำจัดวัชพืช\",KK-01-03-05,water,S1,9,500000,yes,"), text)
        XCTAssertTrue(text.contains("P02,\"ซ่อมถนน \"\"ลูกรัง\"\" เข้าหมู่บ้าน\","), text)
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 1 + 16 + 1, "header, 16 projects, and the empty text after the last line end")
        XCTAssertEqual(lines.last, "")

        // Same decision as result.json, project by project.
        let result = try CommandRunner.json(at: output)
        let resultProjects = try XCTUnwrap(result["projects"] as? [[String: Any]])
        for (row, project) in zip(lines.dropFirst().dropLast(), resultProjects) {
            let id = try XCTUnwrap(project["id"] as? String)
            XCTAssertTrue(row.hasPrefix(id + ","), row)
            let funded = try XCTUnwrap(project["funded"] as? Bool)
            if funded {
                XCTAssertTrue(row.contains(",yes,\(project["funder"] as? String ?? "?"),"), row)
            } else {
                XCTAssertTrue(row.contains(",no,,,,,,\(project["reason"] as? String ?? "?"),"), row)
            }
        }

        let funders = try Data(contentsOf: csv.appendingPathComponent("result-funders.csv"))
        XCTAssertEqual(Array(funders.prefix(3)), [0xEF, 0xBB, 0xBF])
        let fundersText = try XCTUnwrap(String(data: funders.dropFirst(3), encoding: .utf8))
        XCTAssertTrue(fundersText.hasPrefix("id,name,level,area,budget,used,left,projects,maxProjects\n"), fundersText)
        XCTAssertTrue(fundersText.contains("\nLAO-03,อบต.หนองบัว,lao,KK-01-03,1500000,"), fundersText)

        // Run again into the existing directory: the same bytes.
        let again = try CommandRunner.run(["scenarios/csv-example.json", "--csv", csv.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try Data(contentsOf: csv.appendingPathComponent("result-projects.csv")), projects)
    }

    func testADirectoryThatCannotBeMadeIsExitStatus3() throws {
        let dir = try directory()
        let file = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let run = try CommandRunner.run(["scenarios/guideline-example.json", "--csv", file.path])
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains("it exists and is not a directory"), run.stderr)
        let deep = try CommandRunner.run(["scenarios/guideline-example.json", "--csv", file.path + "/such"])
        XCTAssertEqual(deep.status, 3, deep.stderr)
        XCTAssertTrue(deep.stderr.contains("cannot write \(file.path)/such: \(file.path) exists and is not a directory"), deep.stderr)
        let made = try CommandRunner.run(["scenarios/guideline-example.json", "--csv", dir.appendingPathComponent("no/such").path])
        XCTAssertEqual(made.status, 0, "missing folders above it are made: \(made.stderr)")
    }
}
