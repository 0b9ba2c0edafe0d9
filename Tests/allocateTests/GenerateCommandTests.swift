import Foundation
import XCTest

/// `allocate generate`: the same bytes for the same seed, other bytes for
/// another seed, and scenarios that `allocate validate` accepts.
final class GenerateCommandTests: XCTestCase {
    private func directory() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    private func generate(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let run = try CommandRunner.run(["generate"] + arguments)
        XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)", file: file, line: line)
        XCTAssertEqual(run.stderr, "", "\(arguments)", file: file, line: line)
        return run.stdout
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testSameSeedGivesSameBytesAndAnotherSeedDiffers() throws {
        let first = try generate(["--projects", "200", "--seed", "5"])
        let second = try generate(["--projects", "200", "--seed", "5"])
        let other = try generate(["--projects", "200", "--seed", "6"])
        XCTAssertFalse(first.isEmpty)
        XCTAssertEqual(first, second, "the same seed must give the same bytes")
        XCTAssertNotEqual(first, other, "another seed must give another scenario")
        let scenario = try json(first)
        XCTAssertEqual(scenario["format"] as? String, "allocate/1")
        XCTAssertEqual((scenario["projects"] as? [Any])?.count, 200)
    }

    /// `-o FILE` writes exactly what stdout would show, and the file validates.
    func testOutputFileHoldsTheSameBytesAndValidates() throws {
        let dir = try directory()
        let stdout = try generate(["--projects", "200", "--seed", "5"])
        let file = dir.appendingPathComponent("generated.json")
        XCTAssertEqual(try generate(["--projects", "200", "--seed", "5", "-o", file.path]), "", "nothing on stdout with -o")
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["generated.json"], "no temporary file left")
        let validate = try CommandRunner.run(["validate", file.path])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertTrue(validate.stdout.contains("200 projects"), validate.stdout)
    }

    func testFiveYearTwoProvinceScenarioValidates() throws {
        let dir = try directory()
        let file = dir.appendingPathComponent("generated.json")
        _ = try generate(["--projects", "200", "--seed", "5", "--horizon", "5", "--provinces", "2", "--output", file.path])
        let validate = try CommandRunner.run(["validate", file.path])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertTrue(validate.stdout.contains("horizon 5"), validate.stdout)
        let scenario = try CommandRunner.json(at: file)
        XCTAssertEqual(scenario["horizon"] as? Int, 5)
        let roots = (scenario["areas"] as? [[String: Any]] ?? []).filter { $0["parent"] == nil }
        XCTAssertEqual(roots.count, 2, "two provinces, two roots of the area tree")
    }

    /// scenarios/README.md says the shipped 12,000-project province is this command's output, byte for byte.
    func testShippedGeneratedScenarioIsReproducible() throws {
        let shipped = try String(contentsOf: CommandRunner.root.appendingPathComponent("scenarios/khon-kaen-generated-12k.json"), encoding: .utf8)
        XCTAssertEqual(try generate(["--projects", "12000", "--seed", "2570"]), shipped,
                       "generate --projects 12000 --seed 2570 no longer gives scenarios/khon-kaen-generated-12k.json")
    }

    func testInvalidArgumentsAreRefused() throws {
        for arguments in [["--projects", "0"], ["--projects", "10", "--horizon", "11"], ["--projects", "10", "--provinces", "0"], []] {
            let run = try CommandRunner.run(["generate"] + arguments)
            XCTAssertFalse([0, 1].contains(run.status), "\(arguments): exit \(run.status)")
            XCTAssertFalse(run.stderr.isEmpty, "\(arguments)")
            XCTAssertEqual(run.stdout, "", "\(arguments)")
        }
    }
}
