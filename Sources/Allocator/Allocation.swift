/// The main job: a validated scenario in, a checked funding decision out.
public enum Allocation {
    /// Builds the model, finds a greedy start, solves with GLPK on the calling thread,
    /// and turns the outcome into a result whose objective is recomputed from the decision.
    ///
    /// - Parameter similar: a model of a scenario that `scenario` may differ
    ///   from in budgets only (a what-if base): its budget rows are edited when
    ///   it does (`ModelBuilder.rebudgeted(_:to:)`, the same model), and the
    ///   model is built afresh otherwise.
    public static func solve(
        _ scenario: Scenario, similarTo similar: AllocationModel? = nil, options: SolveOptions = SolveOptions()
    ) throws(SolverFailure) -> AllocationResult {
        let clock = ContinuousClock()
        let began = clock.now
        let model = similar.flatMap { ModelBuilder.rebudgeted($0, to: scenario) } ?? ModelBuilder.build(scenario)
        var result = try solve(model, options: options)
        result.timings.build = GLPKSolver.seconds(clock.now - began) - result.timings.solve
        result.timings.total = GLPKSolver.seconds(clock.now - began)
        return result
    }

    /// Solves an already built model; `timings.build` is left 0.
    public static func solve(
        _ model: AllocationModel, options: SolveOptions = SolveOptions()
    ) throws(SolverFailure) -> AllocationResult {
        let scenario = model.scenario
        let clock = ContinuousClock()
        let began = clock.now
        let mipGap = options.mipGap ?? scenario.policy.mipGap
        let timeLimit = options.timeLimit ?? scenario.policy.timeLimit
        let workLimit = options.workLimit ?? SolveOptions.workLimit(forSeconds: timeLimit)

        let outcome: SolverOutcome
        let missing = model.mandatoryWithoutChoice
        if !missing.isEmpty {
            outcome = SolverOutcome(termination: .trivialInfeasible, columns: nil, bound: nil)
        } else {
            let seconds = searchSeconds(timeLimit: timeLimit, deadline: options.deadline, now: clock.now)
            options.log?("search: \(NumberFormat.seconds(seconds)) s of the time limit of \(NumberFormat.seconds(timeLimit)) s")
            var search = HybridSearch(
                model: model, mipGap: mipGap, timeLimit: seconds, workLimit: workLimit, verbose: options.verbose,
                progress: options.progress, log: options.log, warmStart: options.warmStart,
                interruption: options.interruption)
            if let threads = options.threads { search.threads = threads }
            outcome = try search.run()
        }
        var diagnosis: InfeasibilityDiagnosis?
        if outcome.termination == .infeasible {
            let left = searchSeconds(timeLimit: timeLimit, deadline: options.deadline, now: clock.now)
            diagnosis = try InfeasibilityDiagnosis.diagnose(model, timeLimit: min(Self.diagnosisSeconds, left))
        }
        let solved = clock.now
        var solvedResult = result(
            model: model, outcome: outcome, mipGap: mipGap, timeLimit: timeLimit, workLimit: workLimit, missing: missing,
            timings: Timings(solve: GLPKSolver.seconds(solved - began), total: GLPKSolver.seconds(solved - began)))
        solvedResult.infeasibility = diagnosis
        return solvedResult
    }

    /// Works out the budget prices of a result's decision (`BudgetPrices`,
    /// docs/prices.md) and records them and their time in the result; nothing
    /// when it has no decision. On at most `threads` threads (nil: one per
    /// processor); the prices do not depend on it.
    ///
    /// - Parameter deadline: when given, funders not priced by then are left
    ///   out and the prices are marked incomplete (`BudgetPrices.unpriced`).
    /// - Throws: `SolverFailure` when GLPK fails on a funder's program.
    public static func priceBudgets(
        _ result: inout AllocationResult, threads: Int? = nil, until deadline: ContinuousClock.Instant? = nil
    ) throws(SolverFailure) {
        guard let decision = result.decision else { return }
        let clock = ContinuousClock()
        let began = clock.now
        result.budgetPrices = try BudgetPrices.compute(
            model: result.model, decision: decision, threads: threads, until: deadline)
        result.timings.prices = GLPKSolver.seconds(clock.now - began)
    }

    /// Most seconds spent explaining an infeasible scenario (`InfeasibilityDiagnosis`).
    static let diagnosisSeconds = 30.0

    /// The least the search gets, however late it starts: enough for the greedy
    /// start and a first Lagrangian step on a small model, so that a command
    /// whose reading took all its time still returns a decision.
    static let minimumSearchSeconds = 0.01

    /// The seconds the search may run from `now`: `timeLimit`, or the time
    /// left until `deadline` when that is sooner, and never less than
    /// `minimumSearchSeconds`. The command's reading and building, and the time
    /// it keeps for after the solve, are taken off this way, while the result
    /// still records `timeLimit`.
    static func searchSeconds(
        timeLimit: Double, deadline: ContinuousClock.Instant?, now: ContinuousClock.Instant
    ) -> Double {
        guard let deadline else { return timeLimit }
        return max(minimumSearchSeconds, min(timeLimit, GLPKSolver.seconds(deadline - now)))
    }

    static func result(
        model: AllocationModel, outcome: SolverOutcome, mipGap: Double, timeLimit: Double, workLimit: Double,
        missing: [Int], timings: Timings
    ) -> AllocationResult {
        var decision: Decision?
        var objective: Double?
        var bound = outcome.bound
        var gap: Double?
        let status: SolveStatus
        if let columns = outcome.columns {
            let value = model.objective(of: columns)
            decision = model.decision(fromColumns: columns)
            objective = value
            if let b = bound {
                bound = max(b, value)
                gap = AllocationResult.gap(objective: value, bound: bound!)
            }
            let withinGap = bound.map { AllocationResult.provesGap(objective: value, bound: $0, mipGap: mipGap) } ?? false
            status = outcome.proven || withinGap ? .optimal : .feasible
        } else {
            switch outcome.termination {
            case .infeasible, .trivialInfeasible, .searchComplete: status = .infeasible
            case .gapReached, .timeLimit, .workLimit, .searchStalled, .interrupted: status = .noSolution
            }
            bound = status == .infeasible ? nil : bound
        }
        var result = AllocationResult(
            model: model, status: status, termination: outcome.termination, decision: decision,
            objective: objective, bound: bound, gap: gap, mipGap: mipGap, timeLimit: timeLimit,
            nodes: outcome.nodes, mandatoryWithoutChoice: missing, timings: timings,
            columns: model.linear.columnCount, rows: model.linear.rowCount, nonzeros: model.linear.entryCount)
        result.prices = outcome.prices
        result.searchDecision = outcome.searchColumns.map(model.decision(fromColumns:))
        result.workLimit = workLimit
        result.work = outcome.work
        return result
    }
}
