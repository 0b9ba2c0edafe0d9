/// What one solve hands to the solve of a similar scenario (a what-if
/// variation of it): its decision, and the Lagrangian prices of the rows it
/// priced, by row name (names are stable across variations of one scenario:
/// they name the project, funder, group or strategy and the year).
///
/// Both are only hints: the decision is repaired to the new scenario's rules
/// (assignments that are no longer choices are dropped, rows are checked, the
/// rest is filled greedily) and used only if better than the greedy start; the
/// prices start the subgradient steps when the decision still holds, and
/// otherwise only give a bound (`HybridSearch`); any prices give a true bound. A
/// warm start changes how fast a solve gets somewhere, never what it proves.
public struct WarmStart: Sendable {
    /// The projects in the same order as the new scenario's.
    public var decision: Decision?
    /// Multiplier of each priced row with a non-zero one.
    public var prices: [String: Double]

    public init(decision: Decision?, prices: [String: Double] = [:]) {
        self.decision = decision
        self.prices = prices
    }
}
