import Allocator
import ArgumentParser

/// `allocate whatif merge --scenario SCENARIO SHARD_DIR...`: the shards of a
/// what-if batch (`allocate whatif --shard I/N --output SHARD_DIR`) put back
/// into the comparison the whole batch would have made (docs/whatif.md, "Sharding").
struct WhatIfMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the --output folders of the shards of a what-if batch into one comparison.",
        discussion: """
            Give every shard's folder once, in any order (a glob is fine), and the scenario file the \
            shards were solved on. The shards must be of one split (the same N, each I once), solved \
            on the same scenario file, variation list, --gap and --time-limit, with the same base \
            result (or, with --best-base, every variation is compared with the best of the shards' \
            bases). The output is what allocate whatif writes for the whole batch. Exit status: 0 \
            the comparison was made, 1 the base has no decision, 2 the shards were refused (each \
            problem named; nothing written), 3 an output that cannot be written.
            """)

    @Option(help: ArgumentHelp("The base scenario file the shards were solved on (allocate/1 JSON).", valueName: "file"))
    var scenario: String

    @Argument(help: ArgumentHelp("The shards' --output folders.", valueName: "shard-dir"))
    var shards: [String] = []

    @Option(help: ArgumentHelp("Write the comparison table as CSV (UTF-8 with a byte order mark) to this file, atomically.", valueName: "file"))
    var csv: String?

    @Option(help: ArgumentHelp("Write the comparison (allocate-whatif-comparison/1 JSON) to this file, atomically.", valueName: "file"))
    var json: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write into this directory (created if missing) what allocate whatif --output writes for the whole batch.",
        valueName: "dir"))
    var output: String?

    @Flag(help: "Leave timings out of the printed table and every file written (the shards' result files too).")
    var noTimings = false

    @Option(help: ArgumentHelp(
        "Also write an HTML report of the comparison to this file, atomically: one self-contained page with the variations side by side (docs/report.md).",
        valueName: "file"))
    var report: String?

    @Flag(help: "When the shards solved the base differently, compare every variation with the best of their bases (the highest objective) instead of refusing.")
    var bestBase = false

    @Option(help: ArgumentHelp("Run folders read at once (default: one per processor).", valueName: "n"))
    var jobs: Int?

    @OptionGroup var memory: MemoryOption

    func validate() throws {
        if shards.isEmpty { throw ValidationError("give the --output folder of every shard") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let (base, bytes) = try Input.readWithBytes(scenario, memory: memory.limit)
        let workers = jobs ?? WhatIfBatch.defaultWorkers
        let merge: WhatIfMerge
        do {
            merge = try WhatIfMerge(
                scenario: base, scenarioBytes: bytes, scenarioFile: scenario, folders: shards,
                includeTimings: !noTimings, bestBase: bestBase, workers: workers)
        } catch {
            var stderr = StandardError()
            let count = error.problems.count
            print("allocate: the shards cannot be merged: \(count) problem\(count == 1 ? "" : "s")", to: &stderr)
            for problem in error.problems { print("  \(problem)", to: &stderr) }
            throw ExitCode(2)
        }
        for note in merge.notes { Output.error("note: \(note)") }
        let comparison = merge.comparison
        do throws(AtomicFile.WriteError) {
            if let output {
                try merge.writeRuns(to: output, includeTimings: !noTimings, workers: workers)
                try WhatIfOutput.writeComparison(comparison, to: output, includeTimings: !noTimings)
            }
            if let csv { try AtomicFile.write(comparison.csv(includeTimings: !noTimings), to: csv) }
            if let json { try AtomicFile.write(comparison.json(includeTimings: !noTimings).serialized(), to: json) }
            if let report { try AtomicFile.write(WhatIfReport(comparison: comparison).html(), to: report) }
        } catch {
            Output.error("\(error)")
            throw ExitCode(3)
        }
        print(comparison.text(includeTimings: !noTimings), terminator: "")
        if !comparison.base.hasDecision { throw ExitCode(1) }
    }
}
