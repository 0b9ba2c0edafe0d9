/// The extra money `allocate explain --funder` re-solves with: one amount
/// added to the funder's budget in each of some plan years, and where the
/// amount came from.
public struct ExtraMoney: Sendable, Equatable {
    /// Where the amount came from.
    public enum Basis: String, Sendable {
        /// `--extra BAHT`.
        case given
        /// What the marginal project, from its start year, lacks to fit beside
        /// the decision at the funder (its yearly cost, less the money left and
        /// the cost of the project it would push out), the largest over the years it runs.
        case shortfall
        /// The money over which the price holds (the decision funds the
        /// marginal project from that start year already, or it fits beside it).
        case range
    }

    /// Baht added in each plan year of `years`.
    public var amount: Double
    /// 1-based plan years.
    public var years: ClosedRange<Int>
    public var basis: Basis
    /// The marginal choice (a model column) the amount and years were read
    /// from; nil when `--extra` was given without a price above 0.
    public var marginal: Int?

    public init(amount: Double, years: ClosedRange<Int>, basis: Basis, marginal: Int?) {
        self.amount = amount
        self.years = years
        self.basis = basis
        self.marginal = marginal
    }
}
