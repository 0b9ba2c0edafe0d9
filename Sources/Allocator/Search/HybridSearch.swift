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
struct HybridSearch {
    let model: AllocationModel
    let mipGap: Double
    let timeLimit: Double
    let verbose: Bool
    let progress: (@Sendable (SolveProgress) -> Void)?
    let log: (@Sendable (String) -> Void)?
    var warmStart: WarmStart? = nil
    var interruption: SolveInterruption? = nil

    /// Models with at most this many columns end with GLPK's branch and cut on
    /// the whole model; larger ones spend the time on neighbourhoods.
    static let fullSearchColumns = 20_000
    /// Share of the time limit the first Lagrangian stretch may take.
    static let relaxationShare = 0.25
    /// Share of the time limit after which step 3 ends when step 4 follows.
    static let neighbourhoodShare = 0.6

    func run() throws(SolverFailure) -> SolverOutcome {
        let incumbent = SearchIncumbent(
            model: model, mipGap: mipGap, progress: progress, log: log, interruption: interruption)
        let began = incumbent.began
        let deadline = began + .seconds(timeLimit)
        let linear = model.linear

        incumbent.offer(GreedyStart.decide(model))
        if let decision = warmStart?.decision {
            // The other scenario's decision as it is, when it holds every row
            // here (a budget raised): a re-solve then never returns less.
            let kept = model.matchingColumns(of: decision)
            incumbent.offer(kept)
            // And repaired to this one's rules: its choices first, then the
            // rest by value per baht (LP-rounding order).
            var guide = [Double](repeating: 0, count: linear.columnCount)
            for j in kept { guide[j] = 1 }
            incumbent.offer(GreedyStart.decide(model, guide: guide))
        }
        incumbent.note("greedy start over \(linear.columnCount) choices")

        let steps = BoundSteps(incumbent: incumbent, prices: warmStart?.prices ?? [:])
        steps.run(until: began + .seconds(timeLimit * Self.relaxationShare), whileFast: true)
        incumbent.report(steps.bound, force: true)
        incumbent.note("Lagrangian bound \(NumberFormat.fixed(steps.bound, decimals: 3)) after \(steps.relaxation.steps) steps")

        let full = linear.columnCount <= Self.fullSearchColumns || incumbent.columns == nil
        if !incumbent.reached(steps.bound), incumbent.columns != nil {
            // Time slices alternate between the two: the bound keeps tightening
            // while the neighbourhoods improve the decision.
            let sweeps = AreaSweeps(incumbent: incumbent, steps: steps, slice: .seconds(max(1, timeLimit / 10)))
            try sweeps.run(until: full ? began + .seconds(timeLimit * Self.neighbourhoodShare) : deadline)
            incumbent.note("neighbourhood search ends; bound \(NumberFormat.fixed(steps.bound, decimals: 3))")
        }

        let bound = steps.bound
        let prices = steps.relaxation.prices
        if incumbent.reached(bound) || !full || incumbent.interrupted {
            let termination: Termination =
                incumbent.reached(bound) ? .gapReached : incumbent.interrupted ? .interrupted : .timeLimit
            var outcome = SolverOutcome(termination: termination, columns: incumbent.columns, bound: bound)
            outcome.prices = prices
            return outcome
        }
        let remaining = max(0.001, GLPKSolver.seconds(deadline - incumbent.now))
        incumbent.note("GLPK branch and cut on the whole model, \(NumberFormat.fixed(remaining, decimals: 1)) s left")
        var solver = GLPKSolver(mipGap: mipGap, timeLimit: remaining, verbose: verbose, progress: progress)
        solver.interruption = interruption
        var outcome = try solver.solve(
            linear, start: incumbent.columns, knownBound: bound,
            rounding: { values, reducedCosts in GreedyStart.rounded(model, guide: values, reducedCosts: reducedCosts) })
        if outcome.termination != .infeasible, let b = outcome.bound { outcome.bound = min(b, bound) }
        if outcome.termination != .infeasible, outcome.bound == nil { outcome.bound = bound }
        outcome.prices = prices
        return outcome
    }
}
