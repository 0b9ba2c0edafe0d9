import Allocator
import ArgumentParser

/// `allocate compare SCENARIO`: the integrated decision beside the un-integrated
/// process the guideline replaces (each body funding its own requests by
/// priority, in calendar order, seeing no other plan), with the gain from integration.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the integrated decision with the un-integrated process it replaces.",
        discussion: """
            The un-integrated process: community, then LAO, district, province and ministry \
            funders each fund the requests forwarded to them greedily by priority, within their \
            budgets and capacities, seeing no other plan (docs/compare.md states the rule exactly). \
            Exit status as for solving: 0 the integrated solve returned a decision, 1 it did not, \
            2 the scenario was rejected, 3 a solver failure or an output file that cannot be written.
            """)

    @Argument(help: "The scenario file (allocate/1 JSON).")
    var scenario: String

    @Option(name: .shortAndLong, help: "Write the comparison (allocate-compare/1 JSON) to this file, atomically.")
    var output: String?

    @Option(name: .customLong("gap"), help: "Relative optimality gap of the integrated solve (overrides policy.mipGap).")
    var gap: Double?

    @Option(name: .customLong("time-limit"), help: "Seconds for the integrated solve (overrides policy.timeLimit).")
    var timeLimit: Double?

    @OptionGroup var memory: MemoryOption

    func validate() throws {
        if let gap, !(gap >= 0 && gap < 1) { throw ValidationError("--gap must be at least 0 and below 1") }
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        let scenario = try Input.read(self.scenario, memory: memory.limit)
        var options = SolveOptions(mipGap: gap, timeLimit: timeLimit)
        let showProgress = ProgressLine.isWanted
        if showProgress {
            options.progress = { (progress: SolveProgress) in ProgressLine.show(progress) }
        }
        let result: AllocationResult
        do {
            result = try Allocation.solve(scenario, options: options)
        } catch {
            if showProgress { ProgressLine.clear() }
            Output.error("\(error)")
            throw ExitCode(3)
        }
        if showProgress { ProgressLine.clear() }
        let comparison = IntegrationComparison(result: result)
        if let output {
            do {
                try AtomicFile.write(comparison.json().serialized(), to: output)
            } catch {
                Output.error("\(error)")
                throw ExitCode(3)
            }
        }
        print(comparison.text(), terminator: "")
        if !result.status.hasDecision { throw ExitCode(1) }
    }
}
