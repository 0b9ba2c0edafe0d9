/// The solve strategy for the whole model, built from its structure because
/// plain branch and cut is far too slow on it (issue 3's measurements):
///
/// 1. a greedy decision by value per baht (`GreedyStart`), at once;
/// 2. the Lagrangian bound (`LagrangianRelaxation`), whose exact village and
///    LAO knapsacks make it tighter than the LP, with LP-style rounding of its
///    averaged point every few steps;
/// 3. neighbourhood search by area (`NeighbourhoodSearch`): GLPK's branch and
///    cut solves the model restricted to one group of areas at a time, the
///    rest of the decision fixed, and the Lagrangian steps resume between sweeps;
/// 4. on models small enough for GLPK's LP to be quick, GLPK's branch and cut on
///    the whole model for the time left, started from the best decision and
///    stopped as soon as the best bound (its own or the Lagrangian one) proves
///    the gap; this is what proves optimality on small scenarios.
///
/// Every bound used is a true upper bound; every decision is checked against
/// every row. All GLPK work runs on the calling thread.
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
    /// Most projects per area group in the neighbourhood search (and at most
    /// an eighth of all projects): about a tambon. Larger groups (a district)
    /// leave GLPK unable to improve them within `groupSeconds`; measured in
    /// docs/decisions.md.
    static let regionSize = 150
    /// Seconds GLPK may spend on one area group.
    static let groupSeconds = 0.5
    /// Area groups solved at once, each on its own thread. Fixed rather than
    /// the number of cores, so that which groups are solved together (and so
    /// the decision) does not depend on the machine.
    static let parallelGroups = 2
    /// Share of the time limit the first Lagrangian phase may take.
    static let relaxationShare = 0.25
    /// The first Lagrangian phase also ends when 25 steps close less than this
    /// share of the gap left; later phases share the time by measured rates.
    static let slowShare = 0.02

    func run() throws(SolverFailure) -> SolverOutcome {
        let clock = ContinuousClock()
        let began = clock.now
        func elapsed() -> Double { GLPKSolver.seconds(clock.now - began) }
        let deadline = began + .seconds(timeLimit)
        let linear = model.linear

        var best = GreedyStart.decide(model)
        var bestValue = best.map { model.objective(of: $0) }
        if let decision = warmStart?.decision {
            // The other scenario's decision, repaired to this one's rules: its
            // choices first, then the rest by value per baht (LP-rounding order).
            var guide = [Double](repeating: 0, count: linear.columnCount)
            for j in model.matchingColumns(of: decision) { guide[j] = 1 }
            if let started = GreedyStart.decide(model, guide: guide) {
                let value = model.objective(of: started)
                if value > bestValue ?? -.infinity { (best, bestValue) = (started, value) }
            }
        }
        func note(_ step: String) {
            guard let log else { return }
            let value = bestValue.map { NumberFormat.fixed($0, decimals: 3) } ?? "none"
            log("allocate: \(NumberFormat.fixed(elapsed(), decimals: 2)) s  \(step)  best \(value)")
        }
        note("greedy start over \(linear.columnCount) choices")
        var lastReport = clock.now - .seconds(2)
        func report(_ bound: Double?, force: Bool = false) {
            guard let progress, force || clock.now - lastReport >= .seconds(1) else { return }
            lastReport = clock.now
            progress(SolveProgress(elapsed: elapsed(), objective: bestValue, bound: bound))
        }
        /// Keeps `candidate` if it holds every row and beats the best; says whether it did.
        @discardableResult
        func offer(_ candidate: [Int]?) -> Bool {
            guard let candidate, linear.maximumViolation(ofColumns: candidate) <= LinearModel.feasibilityTolerance
            else { return false }
            let value = model.objective(of: candidate)
            guard value > bestValue ?? -.infinity else { return false }
            best = candidate
            bestValue = value
            return true
        }
        func interrupted() -> Bool { interruption?.isRequested == true }
        func reached(_ bound: Double) -> Bool {
            guard let bestValue else { return false }
            return AllocationResult.provesGap(objective: bestValue, bound: bound, mipGap: mipGap)
        }

        let relaxation = LagrangianRelaxation(model, prices: warmStart?.prices ?? [:])
        /// The relaxation's bound with a margin for rounding in its sums.
        func lagrangianBound() -> Double {
            relaxation.bound + 1e-11 * max(1, abs(relaxation.bound))
        }
        var lastRounding = (start: began, end: began)
        /// Subgradient steps until `end`; with `whileFast`, also until 25 steps
        /// close less than `slowShare` of the gap left (the bound has nearly
        /// converged and the time is better spent on the decision).
        func relax(until end: ContinuousClock.Instant, whileFast: Bool = false) {
            var checkpoint = lagrangianBound()
            relaxation.run(
                lowerBound: bestValue,
                improve: { relax in
                    // Rounding takes at most a third of the time: on the national
                    // model one rounding costs as much as several steps.
                    guard clock.now - lastRounding.end >= (lastRounding.end - lastRounding.start) * 2 else {
                        return bestValue
                    }
                    let start = clock.now
                    offer(GreedyStart.rounded(model, guide: relax.averaged, reducedCosts: relax.reducedAtBest))
                    lastRounding = (start, clock.now)
                    return bestValue
                },
                shouldStop: { _, _ in
                    let bound = lagrangianBound()
                    report(bound)
                    if reached(bound) || clock.now >= end || interrupted() { return true }
                    guard whileFast, relaxation.steps % 25 == 0, let bestValue else { return false }
                    defer { checkpoint = bound }
                    return checkpoint - bound < Self.slowShare * (bound - bestValue)
                })
        }

        relax(until: began + .seconds(timeLimit * Self.relaxationShare), whileFast: true)
        report(lagrangianBound(), force: true)
        note("Lagrangian bound \(NumberFormat.fixed(lagrangianBound(), decimals: 3)) after \(relaxation.steps) steps")
        let full = linear.columnCount <= Self.fullSearchColumns || best == nil
        neighbourhoods: if !reached(lagrangianBound()), best != nil {
            let search = NeighbourhoodSearch(model: model)
            // Groups small against the model, so that each sub-model is quick for GLPK.
            let size = max(20, min(Self.regionSize, model.scenario.projects.count / 8))
            let regions = search.regions(size: size)
            // One group is the whole model: GLPK on the whole model does that better.
            if regions.count < 2 { break neighbourhoods }
            // Groups are solved `width` at a time, one per core, taken far apart
            // in area order so that they share few rows (batch `b` holds groups
            // b, b + batches, b + 2 batches, ...).
            let width = min(Self.parallelGroups, regions.count)
            let batches = (regions.count + width - 1) / width
            let end = full ? began + .seconds(timeLimit * 0.6) : deadline
            // Time slices alternate between the two: the bound keeps tightening
            // while the neighbourhoods improve the decision.
            let slice = Duration.seconds(max(1, timeLimit / 10))
            var next = 0
            var sweep = 0
            // Batches solved in a row without improving the decision; once every
            // batch has been, the decision is a local optimum for all of them and
            // sweeping again is pointless until the relaxation's rounding moves it.
            var unchanged = 0
            var settledValue: Double?
            // Each slice goes to whichever closed the gap faster (baht of value
            // per second) in its last slice: the bound or the decision.
            var relaxRate = Double.infinity
            var searchRate = Double.infinity
            search: while clock.now < end, !interrupted() {
                let settled = settledValue == bestValue
                if !relaxation.hasConverged, settled || relaxRate >= searchRate {
                    let (from, before) = (clock.now, lagrangianBound())
                    relax(until: min(end, clock.now + slice))
                    relaxRate = (before - lagrangianBound()) / max(1e-3, GLPKSolver.seconds(clock.now - from))
                    if reached(lagrangianBound()) { break }
                    continue
                }
                if settled { break }
                let (from, before) = (clock.now, bestValue ?? 0)
                defer { searchRate = ((bestValue ?? 0) - before) / max(1e-3, GLPKSolver.seconds(clock.now - from)) }
                let sliceEnd = min(end, clock.now + slice)
                while clock.now < sliceEnd, settledValue != bestValue, !interrupted() {
                    guard let current = best else { break search }
                    let parts = stride(from: next, to: regions.count, by: batches).map { r in
                        regions[r].flatMap { Array(model.choices(ofProject: $0)) }
                    }.filter { !$0.isEmpty }
                    let seconds = min(Self.groupSeconds, GLPKSolver.seconds(sliceEnd - clock.now))
                    guard seconds > 0.01 else { break }
                    if !parts.isEmpty, offer(try search.improve(current, parts: parts, timeLimit: seconds)) {
                        unchanged = 0
                    } else {
                        unchanged += 1
                        if unchanged >= batches { settledValue = bestValue }
                    }
                    report(lagrangianBound())
                    if reached(lagrangianBound()) { break search }
                    next += 1
                    if next == batches {
                        next = 0
                        sweep += 1
                        note("neighbourhood sweep \(sweep) over \(regions.count) area groups, \(width) at a time; bound \(NumberFormat.fixed(lagrangianBound(), decimals: 3))")
                    }
                }
            }
            note("neighbourhood search ends; bound \(NumberFormat.fixed(lagrangianBound(), decimals: 3))")
        }
        let bound = lagrangianBound()
        if reached(bound) {
            var outcome = SolverOutcome(termination: .gapReached, columns: best, bound: bound)
            outcome.prices = relaxation.prices
            return outcome
        }
        guard full, !interrupted() else {
            var outcome = SolverOutcome(termination: interrupted() ? .interrupted : .timeLimit, columns: best, bound: bound)
            outcome.prices = relaxation.prices
            return outcome
        }
        let remaining = max(0.001, GLPKSolver.seconds(deadline - clock.now))
        note("GLPK branch and cut on the whole model, \(NumberFormat.fixed(remaining, decimals: 1)) s left")
        var solver = GLPKSolver(mipGap: mipGap, timeLimit: remaining, verbose: verbose, progress: progress)
        solver.interruption = interruption
        var outcome = try solver
            .solve(linear, start: best, knownBound: bound, rounding: { values, reducedCosts in
                GreedyStart.rounded(model, guide: values, reducedCosts: reducedCosts)
            })
        if outcome.termination != .infeasible, let b = outcome.bound { outcome.bound = min(b, bound) }
        if outcome.termination != .infeasible, outcome.bound == nil { outcome.bound = bound }
        outcome.prices = relaxation.prices
        return outcome
    }
}
