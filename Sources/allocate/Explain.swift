import Allocator
import ArgumentParser

/// `allocate explain RESULT_OR_SCENARIO PROJECT_ID`: why a project is funded by
/// its funder and not a lower level, or why it is not funded, with the smallest
/// change that would fund it, verified by re-solving the changed scenario.
/// `allocate explain RESULT_OR_SCENARIO --funder ID`: what one more baht of a
/// funder's budget is worth, and what extra money there would fund, verified
/// by re-solving.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain why a project is or is not funded, or what more money at a funder would fund.",
        discussion: """
            Give a result file (allocate-result/1, with --scenario, the scenario it was made from) \
            or a scenario (allocate/1, solved first, as `allocate SCENARIO` would). For an unfunded \
            project: its reason, where each funder of its area stands (which eligibility rule excludes \
            it, or how much money it has left), and, when the reason is budget or notChosen, the \
            smallest extra budget at the --funders eligible funders estimated to need least, and the \
            smallest priority, that would fund it; each is verified by re-solving the changed scenario \
            under the result's mipGap, and found by bisection to within 1%. For a funded project: why \
            that funder and not a lower level. See docs/explain.md for the exact method. \
            With --funder ID instead of a project: what one more baht of that funder's budget is worth in \
            each plan year (its LP at the decision, every other choice held), and what --extra BAHT more \
            (default: enough for the marginal project) would fund, re-solving the funder alone and the whole \
            scenario; see docs/prices.md. \
            Exit status: 0 explained, 1 the scenario solved has no decision, 2 a file was rejected, \
            the result does not match the scenario, or the project or funder id or the year is unknown, \
            3 a solver failure.
            """)

    @Argument(help: ArgumentHelp("A result file (with --scenario) or a scenario file.", valueName: "result-or-scenario"))
    var input: String

    @Argument(help: ArgumentHelp("The id of the project to explain (or give --funder).", valueName: "project-id"))
    var project: String?

    @Option(help: ArgumentHelp("Explain this funder's budget prices instead of a project.", valueName: "id"))
    var funder: String?

    @Option(help: ArgumentHelp(
        "With --funder: baht added to its budget in each year re-solved (default: enough for the marginal project).",
        valueName: "baht"))
    var extra: Double?

    @Option(help: ArgumentHelp(
        "With --funder: the plan year (1, 2, ...) or fiscal year to add the money in (default: the years the marginal project runs).",
        valueName: "year"))
    var year: Int?

    @Option(help: ArgumentHelp("The scenario file the result was made from (needed with a result file).", valueName: "file"))
    var scenario: String?

    @Flag(help: "Print the explanation as JSON (allocate-explain/1) instead of text.")
    var json = false

    @Option(name: .customLong("gap"), help: "When solving a scenario: relative optimality gap (overrides policy.mipGap).")
    var gap: Double?

    @Option(name: .customLong("time-limit"), help: "When solving a scenario: seconds for the solve (overrides policy.timeLimit).")
    var timeLimit: Double?

    @Option(help: "How many eligible funders to try more money at: those the estimate says need least.")
    var funders = ExplainLimits().funders

    @Option(help: "Most re-solves in all; 0 shows the estimates without verifying them.")
    var resolves = ExplainLimits().resolves

    @Option(name: .customLong("resolve-time-limit"), help: "Seconds per re-solve, at most (the result's own time limit if smaller).")
    var resolveTimeLimit = ExplainLimits().resolveTimeLimit

    @Option(name: .customLong("explain-time-limit"), help: "Seconds for all re-solves together; no re-solve starts that could end later.")
    var explainTimeLimit = ExplainLimits().totalTimeLimit

    @OptionGroup var memory: MemoryOption

    func validate() throws {
        if (project == nil) == (funder == nil) {
            throw ValidationError("give a project-id to explain, or --funder ID (not both)")
        }
        if funder == nil, extra != nil || year != nil { throw ValidationError("--extra and --year go with --funder") }
        if let extra, !(extra > 0 && extra.isFinite) { throw ValidationError("--extra must be a positive number of baht") }
        if let gap, !(gap >= 0 && gap < 1) { throw ValidationError("--gap must be at least 0 and below 1") }
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard funders >= 0 else { throw ValidationError("--funders must be 0 or more") }
        guard resolves >= 0 else { throw ValidationError("--resolves must be 0 or more") }
        guard resolveTimeLimit > 0, resolveTimeLimit.isFinite else { throw ValidationError("--resolve-time-limit must be a positive number of seconds") }
        guard explainTimeLimit > 0, explainTimeLimit.isFinite else { throw ValidationError("--explain-time-limit must be a positive number of seconds") }
    }

    func run() throws {
        let limit = memory.limit
        let given: ExplainInput
        do {
            given = try ExplainInput.read(contentsOf: input, memoryLimit: limit)
        } catch {
            switch error {
            case .scenario(let problems): Output.report(problems, file: input)
            case .result(let problems): Output.report(problems, result: input, scenario: scenario ?? "its scenario")
            }
            throw ExitCode(2)
        }
        let explainer: Explainer
        switch given {
        case .result(let file):
            guard let scenarioPath = scenario else {
                throw ValidationError("\(input) is a result file: give the scenario it was made from with --scenario FILE")
            }
            if gap != nil || timeLimit != nil {
                throw ValidationError("--gap and --time-limit are for solving a scenario; \(input) is a result, already solved")
            }
            let scenario = try Input.read(scenarioPath, memory: limit)
            let recorded: RecordedDecision
            do {
                recorded = try file.decision(for: scenario)
            } catch {
                Output.report(error, result: input, scenario: scenarioPath)
                throw ExitCode(2)
            }
            explainer = Explainer(
                model: ModelBuilder.build(scenario), decision: recorded.decision, status: recorded.status, gap: file.gap,
                mipGap: file.mipGap, timeLimit: file.timeLimit)
        case .scenario(let scenario):
            if self.scenario != nil {
                throw ValidationError("--scenario is for a result file; \(input) is a scenario, which is solved first")
            }
            _ = try target(in: scenario)
            explainer = try Explainer(result: solve(scenario))
        }
        let limits = ExplainLimits(
            funders: funders, resolves: resolves, resolveTimeLimit: resolveTimeLimit, totalTimeLimit: explainTimeLimit)
        if case .funder(let f, let planYear) = try target(in: explainer.model.scenario) {
            try explainAndPrint { progress in
                try explainer.explain(funder: f, extra: extra, year: planYear, limits: limits, progress: progress)
            }
            if case .scenario = given, !explainer.status.hasDecision { throw ExitCode(1) }
            return
        }
        let p = try index(of: project ?? "", in: explainer.model.scenario)
        try explainAndPrint { progress in try explainer.explain(p, limits: limits, progress: progress) }
        if case .scenario = given, !explainer.status.hasDecision { throw ExitCode(1) }
    }

    /// Runs one explanation, with a progress line counting its re-solves when
    /// stderr is a terminal, and prints it as text or (`--json`) JSON; a
    /// solver failure is exit status 3.
    private func explainAndPrint<E: PrintableExplanation>(_ explain: (((String) -> Void)?) throws -> E) throws {
        let showProgress = ProgressLine.isWanted
        let explanation: E
        do {
            var count = 0
            explanation = try explain(showProgress ? { what in
                count += 1
                ProgressLine.show("  re-solve \(count): \(what)")
            } : nil)
        } catch {
            if showProgress { ProgressLine.clear() }
            Output.error("\(error)")
            throw ExitCode(3)
        }
        if showProgress { ProgressLine.clear() }
        print(json ? explanation.json().serialized() : explanation.text(), terminator: "")
    }

    /// What is explained: a project, or a funder with the plan year `--year` names.
    private enum Target {
        case project(Int)
        case funder(Int, year: Int?)
    }

    /// The project or funder (and year) asked about, checked against the
    /// scenario before anything is solved; unknown ones are exit status 2.
    private func target(in scenario: Scenario) throws -> Target {
        guard let id = funder else { return .project(try index(of: project ?? "", in: scenario)) }
        do {
            return .funder(try Explainer.funder(withID: id, in: scenario), year: try year.map { y throws(ExplainError) in
                try Explainer.planYear(y, in: scenario)
            })
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }

    /// The index of project `id`; an unknown id is exit status 2, with a suggestion.
    private func index(of id: String, in scenario: Scenario) throws -> Int {
        do {
            return try Explainer.project(withID: id, in: scenario)
        } catch {
            Output.error("\(error)")
            throw ExitCode(2)
        }
    }

    /// Solves the scenario as `allocate SCENARIO` does, with the progress line on a terminal.
    private func solve(_ scenario: Scenario) throws -> AllocationResult {
        var options = SolveOptions(mipGap: gap, timeLimit: timeLimit)
        let showProgress = ProgressLine.isWanted
        if showProgress {
            options.progress = { (progress: SolveProgress) in ProgressLine.show(progress) }
        }
        defer { if showProgress { ProgressLine.clear() } }
        do {
            return try Allocation.solve(scenario, options: options)
        } catch {
            if showProgress { ProgressLine.clear() }
            Output.error("\(error)")
            throw ExitCode(3)
        }
    }
}

/// An explanation `allocate explain` prints: a project's or a funder's.
protocol PrintableExplanation {
    func json() -> JSONOutput
    func text() -> String
}

extension ProjectExplanation: PrintableExplanation {}
extension FunderExplanation: PrintableExplanation {}
