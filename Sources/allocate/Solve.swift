#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Allocator
import ArgumentParser

/// `allocate SCENARIO`: read, validate, build, solve, print the summary, and
/// write result.json if asked.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a scenario and print a summary (the default command).")

    @Argument(help: "The scenario file (allocate/1 JSON).")
    var scenario: String

    @Option(name: .shortAndLong, help: "Write the result (allocate-result/1 JSON) to this file, atomically.")
    var output: String?

    @Option(name: .customLong("gap"), help: "Relative optimality gap at which to stop (overrides policy.mipGap).")
    var gap: Double?

    @Option(name: .customLong("time-limit"), help: "Seconds, counted from the command's start, within which it returns the best decision so far and its gap (overrides policy.timeLimit); the whole command ends within it and a small margin (README, docs/decisions.md).")
    var timeLimit: Double?

    @Option(help: ArgumentHelp(
        "Work units the search may spend (about a millisecond each on the reference machine; default: 600 per second of the time limit). Unlike the time limit, it stops the search at the same point on every run and machine (docs/decisions.md#determinism).",
        valueName: "units"))
    var workLimit: Double?

    @Option(help: ArgumentHelp(
        "Most threads the solve runs on at once (default: the machine's processors). The decision does not depend on it.",
        valueName: "n"))
    var threads: Int?

    @Option(help: "Write the model to this file before solving: free MPS, or CPLEX LP when it ends in .lp.")
    var writeModel: String?

    @Option(help: ArgumentHelp(
        "Also write the decision as spreadsheets into this directory (created if missing): result-projects.csv and result-funders.csv.",
        valueName: "dir"))
    var csv: String?

    @Option(help: ArgumentHelp(
        "Also write an HTML report of the decision to this file, atomically: one self-contained page with charts (docs/report.md).",
        valueName: "file"))
    var report: String?

    @Option(help: ArgumentHelp(
        "The memory the solve may use, e.g. 8G or 512M (powers of 1024); by default what the machine has available (the cgroup limit, MemAvailable). A scenario estimated to need more is refused (exit status 2) before the large allocations.",
        valueName: "size"))
    var maxMemory: String?

    @Flag(help: "Leave `timings` out of the result file, so identical scenarios give identical bytes.")
    var noTimings = false

    @Flag(name: .shortAndLong, help: "Show GLPK's own progress output on stderr.")
    var verbose = false

    func validate() throws {
        if let gap, !(gap >= 0 && gap < 1) { throw ValidationError("--gap must be at least 0 and below 1") }
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if let workLimit, !(workLimit > 0 && workLimit.isFinite) { throw ValidationError("--work-limit must be a positive number of work units") }
        if let threads, !(1 ... 1024).contains(threads) { throw ValidationError("--threads must be a whole number from 1 to 1024") }
        if let maxMemory, MemoryLimit.parse(maxMemory) == nil {
            throw ValidationError(MemoryLimit.sizeProblem(maxMemory) ?? "")
        }
    }

    func run() throws {
        let clock = ContinuousClock()
        let began = clock.now
        let memory = MemoryLimit.current(explicit: maxMemory.flatMap(MemoryLimit.parse))
        let scenario = try Input.read(self.scenario, memory: memory)
        let read = clock.now
        let showProgress = ProgressLine.isWanted && !verbose
        var options = SolveOptions(mipGap: gap, timeLimit: timeLimit, verbose: verbose)
        options.workLimit = workLimit
        options.threads = threads
        if verbose {
            options.log = { line in FileDescriptorWriter.write(line + "\n", to: 2) }
        }
        if showProgress {
            options.progress = { (progress: SolveProgress) in ProgressLine.show(progress) }
        }
        let model = ModelBuilder.build(scenario)
        let built = clock.now
        let need = MemoryEstimate.solving(model)
        options.log?("model: \(model.linear.columnCount) choices, \(model.linear.rowCount) rows, "
            + "\(model.linear.entryCount) entries; memory estimate \(MemoryLimit.describe(need)), limit \(memory)")
        if need > memory.bytes {
            Output.error("\(self.scenario) was refused: solving it needs about \(MemoryLimit.describe(need)) of memory "
                + "(\(model.linear.columnCount) choices, \(model.linear.entryCount) matrix entries), and the limit is "
                + "\(memory); give more with --max-memory or use a larger machine (docs/decisions.md#memory)")
            throw ExitCode(2)
        }
        let interrupt = InterruptSignal()
        options.interruption = interrupt.interruption
        if let writeModel {
            do {
                try ModelFile.write(model.linear, name: scenario.name, to: writeModel)
            } catch {
                Output.error("\(error)")
                throw ExitCode(3)
            }
        }
        let budget = TimeBudget(
            began: began, limit: timeLimit ?? scenario.policy.timeLimit,
            reserve: AfterSolveReserve.estimate(
                model, limit: timeLimit ?? scenario.policy.timeLimit, csv: csv != nil, report: report != nil))
        options.deadline = budget.searchDeadline
        let searchSeconds = budget.searchSeconds(at: clock.now)
        options.log?("time limit \(NumberFormat.seconds(budget.limit)) s from the command's start: "
            + "\(NumberFormat.fixed(seconds(clock.now - began), decimals: 2)) s spent reading and building, "
            + "\(NumberFormat.fixed(budget.reserve.prices, decimals: 2)) s kept for the budget prices and "
            + "\(NumberFormat.fixed(budget.reserve.finish, decimals: 2)) s for the reasons and the files; "
            + "the search gets \(NumberFormat.fixed(max(0, searchSeconds), decimals: 2)) s")
        if searchSeconds <= 0 {
            Output.error("warning: reading and building left nothing of the time limit of "
                + "\(NumberFormat.seconds(budget.limit)) s beside the time kept for writing the result: "
                + "the search makes only its greedy start, and the command ends after the limit")
        }
        let result: AllocationResult
        do {
            result = try Allocation.solve(model, options: options)
        } catch {
            if showProgress { ProgressLine.clear() }
            Output.error("\(error)")
            throw ExitCode(3)
        }
        interrupt.solveEnded()
        if showProgress { ProgressLine.clear() }
        var timed = result
        do {
            // Ctrl-C asks for the decision now: it is written without prices.
            if timed.termination != .interrupted {
                try Allocation.priceBudgets(&timed, threads: threads, until: budget.pricesDeadline)
            }
        } catch {
            Output.error("\(error)")
            throw ExitCode(3)
        }
        if let prices = timed.budgetPrices {
            options.log?("budget prices in \(NumberFormat.fixed(timed.timings.prices, decimals: 2)) s"
                + (prices.isComplete ? "" : ", cut by the time limit: \(prices.unpriced.count) funders not priced"))
        }
        timed.timings.read = seconds(read - began)
        timed.timings.build = seconds(built - read)
        timed.timings.total = seconds(clock.now - began)
        let finishing = clock.now
        let figures = ResultFigures(model: model, decision: timed.decision)
        options.log?("unfunded reasons in \(NumberFormat.fixed(seconds(clock.now - finishing), decimals: 2)) s")
        if let output {
            let document = ResultDocument.json(timed, model: model, figures: figures, includeTimings: !noTimings)
            do {
                try AtomicFile.write(document.serialized(), to: output)
            } catch {
                Output.error("\(error)")
                throw ExitCode(3)
            }
        }
        if let csv {
            do {
                try OutputDirectory.prepare(csv)
                try AtomicFile.write(DecisionTables.projects(timed, figures: figures),
                                     to: OutputDirectory.path(csv, DecisionTables.projectsFile))
                try AtomicFile.write(DecisionTables.funders(timed, figures: figures),
                                     to: OutputDirectory.path(csv, DecisionTables.fundersFile))
            } catch {
                Output.error("\(error)")
                throw ExitCode(3)
            }
        }
        if let report {
            do {
                try AtomicFile.write(DecisionReport(result: timed, figures: figures).html(), to: report)
            } catch {
                Output.error("\(error)")
                throw ExitCode(3)
            }
        }
        print(Summary.text(timed, model: model, figures: figures), terminator: "")
        options.log?("reasons, files and summary in \(NumberFormat.fixed(seconds(clock.now - finishing), decimals: 2)) s; "
            + "\(NumberFormat.fixed(seconds(clock.now - began), decimals: 2)) s since the command's start")
        // The process ends here rather than after freeing the model, the result
        // and the figures one object at a time: on a national scenario that
        // took 0.3-0.5 s, which the time limit would have to keep for nothing.
        fflush(nil)
        Glibc.exit(timed.termination == .interrupted ? InterruptSignal.exitStatus : timed.status.hasDecision ? 0 : 1)
    }

    private func seconds(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return Double(s) + Double(atto) * 1e-18
    }
}
