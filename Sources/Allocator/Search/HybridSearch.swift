/// The solve strategy for the whole model, built from its structure because
/// plain branch and cut is far too slow on it (issue 3's measurements):
///
/// 1. a greedy decision by value per baht (`GreedyStart`), at once;
/// 2. the Lagrangian bound (`BoundSteps`, `LagrangianRelaxation`), whose exact
///    village and LAO knapsacks make it tighter than the LP, with LP-style
///    rounding of its averaged point every few steps;
/// 3. neighbourhood search by area (`AreaSweeps`, `NeighbourhoodSearch`):
///    GLPK's branch and cut solves the model restricted to a few groups of
///    areas at a time, the rest of the decision fixed, and the Lagrangian
///    steps resume between stretches of it;
/// 4. on models small enough for GLPK's LP to be quick, GLPK's branch and cut on
///    the whole model for the time left, started from the best decision and
///    stopped as soon as the best bound (its own or the Lagrangian one) proves
///    the gap; this is what proves optimality on small scenarios.
///
/// Every bound used is a true upper bound; every decision is checked against
/// every row. GLPK runs on the calling thread, and in step 3 also on one
/// worker thread per group (each with its own GLPK problem).
///
/// The steps share the work limit (`SearchWork`), not the clock: which step
/// runs when, and for how long, is decided on counted work, so the decision is
/// the same on every run and machine unless the time limit (a safety net) or
/// an interruption ends the search first.
struct HybridSearch {
    let model: AllocationModel
    let mipGap: Double
    /// Seconds on the clock: the search stops when they run out.
    let timeLimit: Double
    /// Work units (`SearchWork`) the search may spend.
    let workLimit: Double
    /// Most threads at once; the decision does not depend on it.
    var threads = ParallelMap.processorCount
    let verbose: Bool
    let progress: (@Sendable (SolveProgress) -> Void)?
    let log: (@Sendable (String) -> Void)?
    var warmStart: WarmStart? = nil
    var interruption: SolveInterruption? = nil

    /// Models with at most this many columns end with GLPK's branch and cut on
    /// the whole model; larger ones spend the time on neighbourhoods.
    static let fullSearchColumns = 20_000
    /// This search's `fullSearchColumns` (tests lower it to take the large
    /// models' path on a small model).
    var fullSearchLimit = Self.fullSearchColumns
    /// Share of the work limit the first Lagrangian stretch may take.
    static let relaxationShare = 0.25
    /// Share of the work limit after which step 3 ends when step 4 follows.
    static let neighbourhoodShare = 0.6

    func run() throws(SolverFailure) -> SolverOutcome {
        let incumbent = SearchIncumbent(
            model: model, mipGap: mipGap, timeLimit: timeLimit, workLimit: workLimit, threads: threads,
            progress: progress, log: log, interruption: interruption)
        let linear = model.linear

        incumbent.offer(GreedyStart.decide(model))
        // The other scenario's prices start the steps when its decision holds
        // here (a budget raised: the two optima are close); otherwise the steps
        // start from 0, whose roundings repair a decision far better, and the
        // prices only give a bound.
        var holds = false
        if let decision = warmStart?.decision {
            // The other scenario's decision as it is, when it holds every row
            // here (a budget raised): a re-solve then never returns less.
            let kept = model.matchingColumns(of: decision)
            holds = linear.maximumViolation(ofColumns: kept) <= LinearModel.feasibilityTolerance
            incumbent.offer(kept)
            // And repaired to this one's rules: its choices first, then the
            // rest by value per baht (LP-rounding order).
            var guide = [Double](repeating: 0, count: linear.columnCount)
            for j in kept { guide[j] = 1 }
            incumbent.offer(GreedyStart.decide(model, guide: guide))
        }
        incumbent.note("greedy start over \(linear.columnCount) choices")

        let warmPrices = warmStart?.prices ?? [:]
        let steps = BoundSteps(
            incumbent: incumbent, prices: holds ? warmPrices : [:], boundPrices: holds ? [:] : warmPrices,
            throttled: linear.columnCount > fullSearchLimit)
        // Without a decision the model may be infeasible, which only GLPK's LP
        // (step 4) proves: the relaxation then gets 100 steps to find a decision
        // by rounding, not a quarter of the work.
        let firstStretch = incumbent.columns == nil
            ? min(workLimit * Self.relaxationShare, 100 * SearchWork.step(linear) + 4 * SearchWork.rounding(linear))
            : workLimit * Self.relaxationShare
        steps.run(untilWork: firstStretch, whileFast: true)
        incumbent.report(steps.bound, force: true)
        incumbent.note("Lagrangian bound \(NumberFormat.fixed(steps.bound, decimals: 3)) after \(steps.relaxation.steps) steps")

        // GLPK on the whole model also when there is no decision to improve, or
        // when the model is one area group (the sweeps would have nothing to do).
        let regions = AreaSweeps.regions(of: model)
        let full = linear.columnCount <= fullSearchLimit || incumbent.columns == nil || regions.count < 2
        if !incumbent.reached(steps.bound), incumbent.columns != nil, !incumbent.mustStop {
            // Slices of work alternate between the two: the bound keeps
            // tightening while the neighbourhoods improve the decision.
            let sweeps = AreaSweeps(incumbent: incumbent, steps: steps, regions: regions, slice: max(1000, workLimit / 10))
            try sweeps.run(untilWork: full ? workLimit * Self.neighbourhoodShare : workLimit)
            incumbent.note("neighbourhood search ends; bound \(NumberFormat.fixed(steps.bound, decimals: 3))")
        }

        let bound = steps.bound
        let prices = steps.prices
        if incumbent.reached(bound) || !full || incumbent.mustStop {
            let termination: Termination =
                if incumbent.reached(bound) { .gapReached }
                else if incumbent.interrupted { .interrupted }
                else if incumbent.pastDeadline { .timeLimit }
                else if incumbent.work >= workLimit { .workLimit }
                else { .searchStalled }
            let searched = incumbent.polishBest()
            var outcome = SolverOutcome(termination: termination, columns: incumbent.columns, bound: bound)
            outcome.searchColumns = searched
            outcome.prices = prices
            outcome.work = incumbent.work
            return outcome
        }
        let remaining = max(0.001, incumbent.secondsLeft)
        let glpkSteps = Int(
            (incumbent.workLeft / SearchWork.wholeModelStepCost(rows: linear.rowCount, columns: linear.columnCount))
                .rounded(.down).clamped(to: 1 ... 2e9))
        incumbent.note(
            "GLPK branch and cut on the whole model, \(NumberFormat.grouped(glpkSteps)) steps left (simplex iterations and nodes), \(NumberFormat.fixed(remaining, decimals: 1)) s")
        var solver = GLPKSolver(mipGap: mipGap, timeLimit: remaining, verbose: verbose, progress: progress)
        solver.interruption = interruption
        solver.stepLimit = glpkSteps
        solver.finishesRelaxation = incumbent.columns == nil
        var outcome = try solver.solve(
            linear, start: incumbent.columns, knownBound: bound,
            rounding: { values, reducedCosts in GreedyStart.rounded(model, guide: values, reducedCosts: reducedCosts) })
        // Branch and cut's decision is polished like the neighbourhoods'.
        if outcome.columns != nil {
            incumbent.offer(outcome.columns)
            outcome.searchColumns = incumbent.polishBest()
            outcome.columns = incumbent.columns
        }
        if outcome.termination != .infeasible, let b = outcome.bound { outcome.bound = min(b, bound) }
        if outcome.termination != .infeasible, outcome.bound == nil { outcome.bound = bound }
        incumbent.note(
            "branch and cut ends (\(outcome.termination.rawValue)): \(NumberFormat.grouped(outcome.nodes ?? 0)) nodes, \(NumberFormat.grouped(outcome.iterations)) simplex iterations")
        outcome.prices = prices
        outcome.work = incumbent.work
            + Double(outcome.iterations + (outcome.nodes ?? 0)) * SearchWork.wholeModelStepCost(rows: linear.rowCount, columns: linear.columnCount)
        return outcome
    }
}
