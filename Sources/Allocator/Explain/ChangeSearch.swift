/// The search for the smallest figure (extra baht, or priority) whose re-solve
/// funds a project, between the figure of the explained decision (`base`,
/// which does not) and figures read off that decision (`estimates`).
///
/// 1. The estimates are tried in ascending order until one funds the project.
/// 2. If none does, the change is doubled (at least by a quarter of `base`)
///    until a figure funds it.
/// 3. Then the figure is narrowed: when the funding figure was a tight estimate,
///    first the figure `precision` below it (so an exact estimate is confirmed
///    by one re-solve), then, while those fund it too, steps down twice as
///    large each time; then bisection between the largest figure that does
///    not fund it and the smallest that does (geometric while they are more
///    than a factor 4 apart), until they are within `precision` of each other
///    or the re-solves run out.
///
/// Every figure is rounded up to a multiple of `grid`. Each figure is tried at
/// most once, and only between the two figures known, so the figures found
/// always bracket the answer as the re-solves saw it; a re-solve that returns
/// no decision stops the search.
struct ChangeSearch {
    var change: SmallestChange
    /// The smallest step of the doubling phase (a quarter of the priority; one grid step for money).
    var minimumStep: Double
    /// How many of the first estimates are tight: meant to be just enough (what
    /// the project lacks beside the decision; the value it would displace), so
    /// that the answer is likely just below them rather than anywhere below.
    var tightEstimates: Int

    /// Runs the search, calling `probe` for each figure tried (one re-solve each).
    mutating func run(
        budget: inout ResolveBudget, probe: (Double) throws(SolverFailure) -> Resolve
    ) throws(SolverFailure) {
        var lo = change.base
        var hi: Double?
        var fromEstimate = false
        /// Tries `x`: true/false whether the re-solve funds it; nil when the search must stop.
        func attempt(_ x: Double) throws(SolverFailure) -> Bool? {
            if let stop = budget.stop {
                change.cut = stop
                return nil
            }
            let r = try probe(x)
            budget.count -= 1
            change.resolves.append(r)
            return r.funds
        }
        for (k, estimate) in change.estimates.enumerated() where estimate > lo {
            guard let funds = try attempt(estimate) else { return }
            if funds {
                hi = estimate
                fromEstimate = k < tightEstimates
                break
            }
            lo = estimate
        }
        while hi == nil {
            let x = roundUp(change.base + max(2 * (lo - change.base), minimumStep))
            guard let funds = try attempt(x) else { return }
            if funds { hi = x } else { lo = x }
        }
        guard var high = hi else { return }
        if fromEstimate {
            var step = high * change.precision
            while !change.isPrecise(lo: lo, hi: high) {
                let x = roundUp(high - step)
                guard x > lo, x < high else { break }
                guard let funds = try attempt(x) else { return }
                if !funds {
                    lo = x
                    break
                }
                high = x
                step *= 2
            }
        }
        while !change.isPrecise(lo: lo, hi: high) {
            let middle = lo > 0 && high / lo > 4 ? (lo * high).squareRoot() : (lo + high) / 2
            var x = roundUp(middle)
            if x >= high { x = high - change.grid }
            guard x > lo else { return }
            guard let funds = try attempt(x) else { return }
            if funds { high = x } else { lo = x }
        }
    }

    /// `x` rounded up to a multiple of the grid.
    func roundUp(_ x: Double) -> Double {
        SmallestChange.roundedUp(x, grid: change.grid)
    }
}
