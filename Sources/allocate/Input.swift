import Allocator
import ArgumentParser

/// Reading a scenario for a command: problems go to stderr, one per line, and exit status 2.
enum Input {
    /// The scenario at `path`, refused (exit status 2) when reading it needs
    /// more memory than `memory` (by default what the machine has available).
    static func read(_ path: String, memory: MemoryLimit = .system()) throws -> Scenario {
        try readWithBytes(path, memory: memory).scenario
    }

    /// The scenario and the file's bytes (read once, so a pipe works too).
    static func readWithBytes(_ path: String, memory: MemoryLimit = .system()) throws -> (scenario: Scenario, bytes: [UInt8]) {
        do {
            let bytes = try ScenarioReader.bytes(contentsOf: path, memoryLimit: memory)
            return (try ScenarioReader.read(bytes: bytes, memoryLimit: memory), bytes)
        } catch {
            Output.report(error, file: path)
            throw ExitCode(2)
        }
    }
}

/// Messages to stderr; stdout carries only the command's own output.
enum Output {
    static func error(_ message: String) {
        var stderr = StandardError()
        print("allocate: \(message)", to: &stderr)
    }

    static func report(_ error: ScenarioError, file: String) {
        var stderr = StandardError()
        let count = error.problems.count
        print("allocate: \(file) was rejected: \(count) problem\(count == 1 ? "" : "s")", to: &stderr)
        for problem in error.problems {
            print("  \(problem)", to: &stderr)
        }
    }
}

extension Output {
    /// Problems listed before the rest are counted: a result of another scenario
    /// can differ from it in every project.
    static let shownProblems = 20

    /// A result file that was rejected, or that does not match its scenario.
    static func report(_ error: ResultFileError, result: String, scenario: String) {
        var stderr = StandardError()
        let count = error.problems.count
        let what = switch error.kind {
        case .unreadable: "\(result) was rejected"
        case .scenarioMismatch: "\(result) was not made from \(scenario) (or the scenario changed since)"
        }
        print("allocate: \(what): \(count) problem\(count == 1 ? "" : "s")", to: &stderr)
        for problem in error.problems.prefix(shownProblems) {
            print("  \(problem)", to: &stderr)
        }
        if count > shownProblems {
            print("  ... and \(count - shownProblems) more", to: &stderr)
        }
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileDescriptorWriter.write(string, to: 2)
    }
}
