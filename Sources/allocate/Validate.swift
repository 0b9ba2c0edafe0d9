import Allocator
import ArgumentParser

/// `allocate validate SCENARIO...`: every problem of each file with its JSON path
/// and line (exit 2 if any file is rejected), or a short census of each valid one.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenarios and list every problem found, each with its JSON path and line.")

    @Argument(help: "Scenario files (allocate/1 JSON).")
    var scenarios: [String]

    @OptionGroup var memory: MemoryOption

    func run() throws {
        var rejected = false
        for path in scenarios {
            do {
                print(Census.text(try ScenarioReader.read(contentsOf: path, memoryLimit: memory.limit), path: path), terminator: "")
            } catch {
                Output.report(error, file: path)
                rejected = true
            }
        }
        if rejected { throw ExitCode(2) }
    }
}
