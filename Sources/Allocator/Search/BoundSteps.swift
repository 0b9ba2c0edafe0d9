/// The Lagrangian relaxation as `HybridSearch` runs it, in stretches of
/// subgradient steps: its bound (with a margin for rounding in its sums), and
/// every 25 steps a rounding of its averaged point offered to the incumbent.
/// On large models (more than `HybridSearch.fullSearchColumns` choices) the
/// roundings take at most a third of the time (on the national model one
/// rounding costs as much as several steps); on smaller ones every rounding
/// is made, so that the decision does not depend on the machine's speed.
final class BoundSteps {
    let relaxation: LagrangianRelaxation
    private let incumbent: SearchIncumbent
    private var lastRounding: (start: ContinuousClock.Instant, end: ContinuousClock.Instant)
    private let throttled: Bool

    /// The first stretch also ends when 25 steps close less than this share of
    /// the gap left (`run(until:whileFast:)`).
    static let slowShare = 0.02

    init(incumbent: SearchIncumbent, prices: [String: Double]) {
        self.incumbent = incumbent
        relaxation = LagrangianRelaxation(incumbent.model, prices: prices)
        lastRounding = (incumbent.began, incumbent.began)
        throttled = incumbent.model.linear.columnCount > HybridSearch.fullSearchColumns
    }

    /// The relaxation's bound with a margin for rounding in its sums: a true upper bound.
    var bound: Double { relaxation.bound + 1e-11 * max(1, abs(relaxation.bound)) }

    /// Subgradient steps until `end`, the gap is proven or the solve is
    /// interrupted; with `whileFast`, also until 25 steps close less than
    /// `slowShare` of the gap left (the bound has nearly converged and the time
    /// is better spent on the decision).
    func run(until end: ContinuousClock.Instant, whileFast: Bool = false) {
        let (incumbent, relaxation, model) = (incumbent, relaxation, incumbent.model)
        var checkpoint = bound
        relaxation.run(
            lowerBound: incumbent.value,
            improve: { relax in
                guard !self.throttled
                    || incumbent.now - self.lastRounding.end >= (self.lastRounding.end - self.lastRounding.start) * 2
                else {
                    return incumbent.value
                }
                let start = incumbent.now
                incumbent.offer(GreedyStart.rounded(model, guide: relax.averaged, reducedCosts: relax.reducedAtBest))
                self.lastRounding = (start, incumbent.now)
                return incumbent.value
            },
            shouldStop: { _, _ in
                let bound = self.bound
                incumbent.report(bound)
                if incumbent.reached(bound) || incumbent.now >= end || incumbent.interrupted { return true }
                guard whileFast, relaxation.steps % 25 == 0, let value = incumbent.value else { return false }
                defer { checkpoint = bound }
                return checkpoint - bound < Self.slowShare * (bound - value)
            })
    }
}
