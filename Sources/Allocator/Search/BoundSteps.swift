/// The Lagrangian relaxation as `HybridSearch` runs it, in stretches of
/// subgradient steps: its bound (with a margin for rounding in its sums), and
/// every 25 steps a rounding of its averaged point offered to the incumbent.
/// On large models (`throttled`: more than `HybridSearch.fullSearchColumns`
/// choices) the roundings take at most a third of the work (on the national model one
/// rounding costs as much as several steps); on smaller ones every rounding is
/// made. Work, not time, decides (`SearchWork`), so the decision does not
/// depend on the machine's speed.
final class BoundSteps {
    let relaxation: LagrangianRelaxation
    private let incumbent: SearchIncumbent
    /// Work count when the last rounding ended.
    private var lastRounding = 0.0
    private let throttled: Bool
    private let stepWork: Double
    private let roundingWork: Double

    /// Share of the gap the solve must prove that the exact knapsacks may
    /// leave between their points and their optima, all together
    /// (`LagrangianRelaxation.knapsackTolerance`). Near converged prices an
    /// exact search spends most of its nodes proving a last few thousandths;
    /// with this share the median cold solve of the 12,000-project province's
    /// budget variations at a 0.1% gap took about half the time, all 32 of them
    /// 78% (docs/decisions.md). Each knapsack stops at most its part of the
    /// share above its optimum, so the bound loses at most the share of the
    /// gap; measured, far less (12k: 0.6 of the 27.9 it may lose).
    static let knapsackToleranceShare = 0.5

    /// The first stretch also ends when 25 steps close less than this share of
    /// the gap left (`run(untilWork:whileFast:)`).
    static let slowShare = 0.02

    /// - Parameters:
    ///   - prices: multipliers to start the steps from (`WarmStart`); none: 0.
    ///   - boundPrices: multipliers whose relaxation value is only kept as a
    ///     bound (any multipliers give one): a similar scenario's, when the
    ///     steps start from 0 to get the roundings a cold start gets.
    init(incumbent: SearchIncumbent, prices: [String: Double], boundPrices: [String: Double] = [:], throttled: Bool) {
        self.incumbent = incumbent
        relaxation = LagrangianRelaxation(incumbent.model, threads: incumbent.threads, prices: prices)
        self.throttled = throttled
        stepWork = SearchWork.step(incumbent.model.linear)
        roundingWork = SearchWork.rounding(incumbent.model.linear)
        if !boundPrices.isEmpty {
            setKnapsackTolerance()
            (priceBound, givenPrices) = relaxation.value(at: boundPrices)
            incumbent.spend(stepWork)
        }
    }

    /// Sets the exact knapsacks' tolerance from the gap to prove at the best
    /// decision's value (`knapsackToleranceShare`); exact without a decision
    /// or with a gap of 0.
    private func setKnapsackTolerance() {
        let count = relaxation.exactKnapsacks
        guard let value = incumbent.value, count > 0 else {
            relaxation.knapsackTolerance = 0
            return
        }
        let allowed = AllocationResult.allowedGap(objective: value, mipGap: incumbent.mipGap)
        relaxation.knapsackTolerance = Self.knapsackToleranceShare * allowed / Double(count)
    }

    /// The value of the relaxation at `boundPrices` (infinity without them).
    private var priceBound = Double.infinity
    /// `boundPrices` as the relaxation took them (signs kept valid).
    private var givenPrices: [String: Double] = [:]

    /// The prices that gave `bound`, by row name (for `WarmStart`).
    var prices: [String: Double] { priceBound < relaxation.bound ? givenPrices : relaxation.prices }

    /// The steps' own best bound with a margin for rounding in its sums.
    private var ownBound: Double { Self.withMargin(relaxation.bound) }

    /// The best bound, with a margin for rounding in its sums: a true upper bound.
    var bound: Double { Self.withMargin(min(relaxation.bound, priceBound)) }

    private static func withMargin(_ bound: Double) -> Double { bound + 1e-11 * max(1, abs(bound)) }

    /// Subgradient steps until the work count reaches `end`, the gap is proven
    /// or the search must stop (`SearchIncumbent.mustStop`); with `whileFast`,
    /// also until 25 steps close less than `slowShare` of the gap left (the
    /// bound has nearly converged and the work is better spent on the decision).
    func run(untilWork end: Double, whileFast: Bool = false) {
        let (incumbent, relaxation, model) = (incumbent, relaxation, incumbent.model)
        var checkpoint = ownBound
        setKnapsackTolerance()
        relaxation.run(
            lowerBound: incumbent.value,
            improve: { relax in
                guard !self.throttled || incumbent.work - self.lastRounding >= 2 * self.roundingWork else {
                    return incumbent.value
                }
                incumbent.offer(GreedyStart.rounded(model, guide: relax.averaged, reducedCosts: relax.reducedAtBest))
                incumbent.spend(self.roundingWork)
                self.lastRounding = incumbent.work
                return incumbent.value
            },
            shouldStop: { _, _ in
                incumbent.spend(self.stepWork)
                self.setKnapsackTolerance()
                let bound = self.bound
                incumbent.report(bound)
                if incumbent.reached(bound) || incumbent.work >= end || incumbent.mustStop { return true }
                guard whileFast, relaxation.steps % 25 == 0, let value = incumbent.value else { return false }
                let own = self.ownBound
                defer { checkpoint = own }
                return checkpoint - own < Self.slowShare * (own - value)
            })
    }
}
