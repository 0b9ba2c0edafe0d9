import Allocator
import Foundation
import XCTest

/// Ctrl-C and kill while `allocate` solves (issue 6, point 4): SIGINT stops
/// the solve and writes the best decision so far, marked `interrupted`, exit
/// 130; SIGKILL leaves no output file, not even a temporary one.
final class InterruptCommandTests: XCTestCase {
    /// A scenario large enough that its solve runs for the whole time limit.
    private func largeScenario(in directory: URL) throws -> URL {
        let path = directory.appendingPathComponent("province.json")
        let run = try CommandRunner.run(["generate", "--projects", "3000", "--seed", "5", "-o", path.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        return path
    }

    /// Starts a solve with `--verbose` and returns once its first step line
    /// shows on stderr (the signal handler is then in place).
    private func startSolve(_ scenario: URL, output: URL) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = [scenario.path, "--output", output.path, "--time-limit", "300", "--gap", "0", "--verbose"]
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("greedy start") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        return (process, err)
    }

    private func wait(_ process: Process, seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        return !process.isRunning
    }

    func testCtrlCWritesTheBestDecisionSoFar() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenarioURL = try largeScenario(in: directory)
        let output = directory.appendingPathComponent("result.json")
        let (process, err) = try startSolve(scenarioURL, output: output)
        Thread.sleep(forTimeInterval: 1)
        process.interrupt()
        XCTAssertTrue(wait(process, seconds: 20), "still running 20 s after Ctrl-C")
        if process.isRunning { process.terminate() }
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 130, stderr)
        XCTAssertTrue(stderr.contains("interrupted"), stderr)
        let result = try ResultFile(output)
        XCTAssertEqual(result.json["termination"] as? String, "interrupted")
        XCTAssertEqual(result.status, "feasible")
        let scenario = try ScenarioReader.read(bytes: Array(try Data(contentsOf: scenarioURL)))
        // The decision breaks no rule and its objective is its recomputed value
        // (exit status given as for a decision: 130 is checked above).
        XCTAssertNotNil(try result.check(against: scenario, exitStatus: 0, prices: false, "interrupted"))
    }

    func testKilledSolveLeavesNoFile() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let scenarioURL = try largeScenario(in: directory)
        let output = directory.appendingPathComponent("result.json")
        let (process, _) = try startSolve(scenarioURL, output: output)
        Thread.sleep(forTimeInterval: 1)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertEqual(left, ["province.json"])
    }
}
