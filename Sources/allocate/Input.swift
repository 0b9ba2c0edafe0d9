import Allocator
import ArgumentParser

/// Reading a scenario for a command: problems go to stderr, one per line, and exit status 2.
enum Input {
    static func read(_ path: String) throws -> Scenario {
        do {
            return try ScenarioReader.read(contentsOf: path)
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

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileDescriptorWriter.write(string, to: 2)
    }
}
