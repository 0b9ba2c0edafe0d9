import Allocator
import ArgumentParser
import Synchronization

/// `allocate whatif`: `allocate whatif SCENARIO ...` solves a batch of
/// variations (`WhatIfSolve`, the default), `allocate whatif merge ...` puts
/// the shards of one back together (`WhatIfMergeCommand`).
struct WhatIf: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Solve variations of a scenario beside it and compare the decisions.",
        discussion: """
            allocate whatif SCENARIO --variations FILE | --set CHANGE... solves them (the subcommand \
            solve, the default); allocate whatif merge puts the shards of a batch solved with --shard \
            I/N back together. docs/whatif.md has every option.
            """,
        subcommands: [WhatIfSolve.self, WhatIfMergeCommand.self],
        defaultSubcommand: WhatIfSolve.self)
}

/// `allocate whatif [solve] SCENARIO --variations FILE | --set EXPR...`: the scenario
/// solved beside variations of it (a budget cut, a wider mandate, projects
/// forced in), each variation started from the base solve, several at once,
/// and the decisions compared (docs/whatif.md).
struct WhatIfSolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve variations of a scenario beside it and compare the decisions (the default).",
        discussion: """
            A change reads TARGET.FIELD[YEAR] OP VALUE, e.g. level:province.budget*=0.9, \
            funder:LAO-KK-01-03.budget=+500000, area:KK-01.budget[2]*=1.2, project:P-00017.mandatory=true, \
            funder:MIN-RID.sectors+=roads, strategy:S1.minShare=0.3, policy.escalationPenalty=0.01. \
            Targets: funder:ID, level:NAME, area:ID (every funder of that area or inside it), \
            project:ID, strategy:ID, policy. Operators: = sets, += (or =+) adds, -= (or =-) subtracts, \
            *= multiplies. docs/whatif.md lists every field and the variations file format. \
            Exit status: 0 the comparison was made, 1 the base scenario has no decision (infeasible \
            or none found), 2 the scenario, the variations or a change was rejected (nothing is \
            solved or written), 3 a solver failure or an output file that cannot be written. \
            --shard I/N solves one part of the variations (and the base) on one machine; \
            allocate whatif merge puts the parts together.
            """)

    @Argument(help: "The base scenario file (allocate/1 JSON).")
    var scenario: String

    @Option(help: ArgumentHelp("A variations file (allocate-whatif/1 JSON): named variations, each a list of changes.", valueName: "file"))
    var variations: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "A change, e.g. level:province.budget*=0.9. Repeat for several; together they make one variation, after the file's.",
        valueName: "change"))
    var changes: [String] = []

    @Option(help: ArgumentHelp("The name of the variation the --set changes make.", valueName: "name"))
    var name: String?

    @Option(name: .customLong("gap"), help: "Relative optimality gap of every solve (overrides each scenario's policy.mipGap).")
    var gap: Double?

    @Option(name: .customLong("time-limit"), help: "Seconds for each solve, the base's and each variation's (overrides policy.timeLimit).")
    var timeLimit: Double?

    @Option(help: ArgumentHelp("Variations solved at once (default: one per processor).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Write the comparison table as CSV (UTF-8 with a byte order mark) to this file, atomically.", valueName: "file"))
    var csv: String?

    @Option(help: ArgumentHelp("Write the comparison (allocate-whatif-comparison/1 JSON) to this file, atomically.", valueName: "file"))
    var json: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Write into this directory (created if missing): comparison.json, comparison.csv, changed-projects.csv, base/result.json, and for each variation NAME/result.json and NAME/scenario.json.",
        valueName: "dir"))
    var output: String?

    @Flag(help: "Leave timings out of the printed table and every file written, so the same batch gives the same bytes.")
    var noTimings = false

    @Option(help: ArgumentHelp(
        "Also write an HTML report of the comparison to this file, atomically: one self-contained page with the variations side by side (docs/report.md).",
        valueName: "file"))
    var report: String?

    @Option(help: ArgumentHelp(
        "Solve only shard I of N (1 <= I <= N; variation k goes to shard ((k-1) mod N)+1) and the base; needs --output. allocate whatif merge puts the shards together.",
        valueName: "i/n"))
    var shard: String?

    @OptionGroup var memory: MemoryOption

    func validate() throws {
        if variations == nil && changes.isEmpty {
            throw ValidationError("give a variations file (--variations FILE) or at least one change (--set CHANGE)")
        }
        if name != nil && changes.isEmpty { throw ValidationError("--name names the variation of the --set changes; give at least one --set") }
        if let gap, !(gap >= 0 && gap < 1) { throw ValidationError("--gap must be at least 0 and below 1") }
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard {
            if case .failure(let error) = WhatIfShard.parse(shard) { throw ValidationError(error.description) }
            if output == nil {
                throw ValidationError("--shard needs --output DIR: allocate whatif merge reads each shard's folder")
            }
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let began = clock.now
        let (base, bytes) = try Input.readWithBytes(scenario, memory: memory.limit)
        let readSeconds = seconds(clock.now - began)
        let part = shard.flatMap { try? WhatIfShard.parse($0).get() }
        let batch: WhatIfBatch
        let list: [Variation]
        do {
            list = try requestedVariations()
            batch = try WhatIfBatch(base: base, variations: list, shard: part, workers: workers)
        } catch {
            report(error)
            throw ExitCode(2)
        }
        let failures = WriteFailures()
        if let output {
            do {
                try WhatIfOutput.prepare(output)
            } catch {
                Output.error("\(error)")
                throw ExitCode(3)
            }
        }
        var comparison = try solve(batch, baseReadSeconds: readSeconds, writingInto: output, failures: failures)
        if let part {
            comparison.shard = WhatIfComparison.ShardPart(
                shard: part, request: WhatIfRequest(scenarioBytes: bytes, variations: list, gap: gap, timeLimit: timeLimit))
        }
        do {
            if let failure = failures.first { throw failure }
            try write(comparison)
        } catch {
            Output.error("\(error)")
            throw ExitCode(3)
        }
        print(comparison.text(includeTimings: !noTimings), terminator: "")
        if !comparison.base.hasDecision { throw ExitCode(1) }
    }

    private var workers: Int { jobs ?? WhatIfBatch.defaultWorkers }

    /// The file's variations in file order, then the one of the --set flags.
    private func requestedVariations() throws(WhatIfError) -> [Variation] {
        var list: [Variation] = []
        var problems: [WhatIfProblem] = []
        if let variations {
            do {
                list = try VariationsFile.read(contentsOf: variations)
            } catch {
                problems += error.problems
            }
        }
        if !changes.isEmpty {
            do {
                let made = try Variation.fromFlags(changes, name: name ?? Variation.commandLineName)
                if list.contains(where: { $0.name.lowercased() == made.name.lowercased() }) {
                    problems.append(WhatIfProblem(
                        location: .flag("--name"),
                        message: "the variations file already has a variation named \"\(made.name)\"; give the --set changes another --name"))
                }
                list.append(made)
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw WhatIfError(problems: problems) }
        return list
    }

    /// Solves the batch; with `directory`, each run's files are written as soon as it is solved.
    private func solve(
        _ batch: WhatIfBatch, baseReadSeconds: Double, writingInto directory: String?, failures: WriteFailures
    ) throws -> WhatIfComparison {
        var options = SolveOptions(mipGap: gap, timeLimit: timeLimit)
        let showProgress = ProgressLine.isWanted
        if showProgress {
            options.progress = { (progress: SolveProgress) in ProgressLine.show(progress) }
        }
        do {
            var finished: (@Sendable (WhatIfRun, AllocationResult) -> Void)?
            if let directory {
                let includeTimings = !noTimings
                finished = { run, result in
                    do throws(AtomicFile.WriteError) {
                        try WhatIfOutput.write(run, result: result, to: directory, includeTimings: includeTimings)
                    } catch {
                        failures.record(error, index: run.index)
                    }
                }
            }
            let comparison = try batch.run(
                options: options, workers: workers, baseReadSeconds: baseReadSeconds,
                solved: { done, total in
                    guard showProgress else { return }
                    FileDescriptorWriter.write("\r\u{1B}[K  what-if: \(done) of \(total) solves done", to: 2)
                },
                finished: finished)
            if showProgress { ProgressLine.clear() }
            return comparison
        } catch {
            if showProgress { ProgressLine.clear() }
            Output.error("\(error)")
            throw ExitCode(3)
        }
    }

    /// The comparison files asked for, each written atomically, the directory's before --csv, --json and --report.
    private func write(_ comparison: WhatIfComparison) throws(AtomicFile.WriteError) {
        if let output { try WhatIfOutput.writeComparison(comparison, to: output, includeTimings: !noTimings) }
        if let csv { try AtomicFile.write(comparison.csv(includeTimings: !noTimings), to: csv) }
        if let json { try AtomicFile.write(comparison.json(includeTimings: !noTimings).serialized(), to: json) }
        if let report { try AtomicFile.write(WhatIfReport(comparison: comparison).html(), to: report) }
    }

    private func seconds(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return Double(s) + Double(atto) * 1e-18
    }

    private func report(_ error: WhatIfError) {
        var stderr = StandardError()
        let count = error.problems.count
        print("allocate: the what-if request was rejected: \(count) problem\(count == 1 ? "" : "s")", to: &stderr)
        for problem in error.problems {
            print("  \(problem)", to: &stderr)
        }
    }
}

/// The files of runs that could not be written, by run index, recorded from
/// the solving threads; the batch goes on, and the command then exits 3 with the first.
final class WriteFailures: Sendable {
    private let failures = Mutex<[(index: Int, error: AtomicFile.WriteError)]>([])

    func record(_ error: AtomicFile.WriteError, index: Int) {
        failures.withLock { $0.append((index, error)) }
    }

    /// The failure of the lowest run index, if any.
    var first: AtomicFile.WriteError? {
        failures.withLock { $0.min { $0.index < $1.index }?.error }
    }
}
