import Allocator
import ArgumentParser

/// `allocate whatif SCENARIO --variations FILE | --set EXPR...`: the scenario
/// solved beside variations of it (a budget cut, a wider mandate, projects
/// forced in), each variation started from the base solve, several at once,
/// and the decisions compared (docs/whatif.md).
struct WhatIf: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Solve variations of a scenario beside it and compare the decisions.",
        discussion: """
            A change reads TARGET.FIELD[YEAR] OP VALUE, e.g. level:province.budget*=0.9, \
            funder:LAO-KK-01-03.budget=+500000, area:KK-01.budget[2]*=1.2, project:P-00017.mandatory=true, \
            funder:MIN-RID.sectors+=roads, strategy:S1.minShare=0.3, policy.escalationPenalty=0.01. \
            Targets: funder:ID, level:NAME, area:ID (every funder of that area or inside it), \
            project:ID, strategy:ID, policy. Operators: = sets, += (or =+) adds, -= (or =-) subtracts, \
            *= multiplies. docs/whatif.md lists every field and the variations file format. \
            Exit status: 0 the comparison was made, 1 the base scenario has no decision (infeasible \
            or none found), 2 the scenario, the variations or a change was rejected (nothing is \
            solved or written), 3 a solver failure or an output file that cannot be written.
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

    func validate() throws {
        if variations == nil && changes.isEmpty {
            throw ValidationError("give a variations file (--variations FILE) or at least one change (--set CHANGE)")
        }
        if name != nil && changes.isEmpty { throw ValidationError("--name names the variation of the --set changes; give at least one --set") }
        if let gap, !(gap >= 0 && gap < 1) { throw ValidationError("--gap must be at least 0 and below 1") }
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let began = clock.now
        let base = try Input.read(scenario)
        let readSeconds = seconds(clock.now - began)
        let batch: WhatIfBatch
        do {
            batch = try WhatIfBatch(base: base, variations: try requestedVariations(), workers: workers)
        } catch {
            report(error)
            throw ExitCode(2)
        }
        let comparison = try solve(batch, baseReadSeconds: readSeconds)
        do {
            try write(comparison)
        } catch {
            Output.error("\(error)")
            throw ExitCode(3)
        }
        print(comparison.text(includeTimings: !noTimings), terminator: "")
        if comparison.base.result.decision == nil { throw ExitCode(1) }
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

    private func solve(_ batch: WhatIfBatch, baseReadSeconds: Double) throws -> WhatIfComparison {
        var options = SolveOptions(mipGap: gap, timeLimit: timeLimit)
        let showProgress = ProgressLine.isWanted
        if showProgress {
            options.progress = { (progress: SolveProgress) in ProgressLine.show(progress) }
        }
        do {
            let comparison = try batch.run(options: options, workers: workers, baseReadSeconds: baseReadSeconds) { done, total in
                guard showProgress else { return }
                FileDescriptorWriter.write("\r\u{1B}[K  what-if: \(done) of \(total) solves done", to: 2)
            }
            if showProgress { ProgressLine.clear() }
            return comparison
        } catch {
            if showProgress { ProgressLine.clear() }
            Output.error("\(error)")
            throw ExitCode(3)
        }
    }

    /// Every file asked for, each written atomically, the directory's files before --csv and --json.
    private func write(_ comparison: WhatIfComparison) throws(AtomicFile.WriteError) {
        if let output { try WhatIfOutput.write(comparison, to: output, includeTimings: !noTimings, workers: workers) }
        if let csv { try AtomicFile.write(comparison.csv(includeTimings: !noTimings), to: csv) }
        if let json { try AtomicFile.write(comparison.json(includeTimings: !noTimings).serialized(), to: json) }
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
