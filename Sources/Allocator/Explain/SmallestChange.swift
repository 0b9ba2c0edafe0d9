/// The smallest change of one kind found to fund a project (more budget at one
/// funder, or a higher priority), with every re-solve that tried it.
public struct SmallestChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Extra baht at funder `funder` (a scenario index), the same amount in each plan year of `years`.
        case budget(funder: Int, years: ClosedRange<Int>)
        /// The project's priority.
        case priority
    }

    /// How the search ended.
    public enum Outcome: Sendable, Equatable {
        /// The re-solve at `funded` funds the project, and `notFunded` is within the precision of it.
        case verified
        /// The re-solve at `funded` funds the project, but the re-solves ran out
        /// before `notFunded` came within the precision of it.
        case bracketed
        /// No figure tried funded the project before the re-solves ran out.
        case notFound
        /// A re-solve returned no decision, so nothing could be concluded and the search stopped.
        case inconclusive
        /// Nothing was re-solved, for the reason given.
        case notSearched(String)
    }

    /// What stopped a search before it reached its precision.
    public enum Cut: String, Sendable, Equatable {
        /// The number of re-solves (`ExplainLimits.resolves`) was used up.
        case resolves
        /// The time for all re-solves (`ExplainLimits.totalTimeLimit`) was used up.
        case time
    }

    public var kind: Kind
    /// The figure in the explained decision, which does not fund the project:
    /// 0 extra baht, or the project's priority.
    public var base: Double
    /// Figures read off the decision, tried first, ascending (docs/explain.md).
    public var estimates: [Double]
    /// Every re-solve, in the order made.
    public var resolves: [Resolve]
    /// Figures are multiples of this (1 baht, or 0.01 of priority).
    public var grid: Double
    /// The relative precision asked for.
    public var precision: Double
    /// Set when the re-solves ran out before the search reached its precision.
    public var cut: Cut?
    /// Set for `.notSearched`.
    public var notSearchedBecause: String?

    /// - Parameter estimates: rounded up to the grid here.
    public init(
        kind: Kind, base: Double, estimates: [Double], resolves: [Resolve] = [], grid: Double, precision: Double,
        cut: Cut? = nil, notSearchedBecause: String? = nil
    ) {
        self.kind = kind
        self.base = base
        self.grid = grid
        self.estimates = estimates.map { Self.roundedUp($0, grid: grid) }
        self.resolves = resolves
        self.precision = precision
        self.cut = cut
        self.notSearchedBecause = notSearchedBecause
    }

    /// The re-solve with the smallest figure that funds the project.
    public var funded: Resolve? {
        resolves.filter { $0.funds == true }.min { $0.figure < $1.figure }
    }

    /// The largest figure known not to fund it: a re-solve that did not, or the base.
    public var notFunded: Double {
        resolves.filter { $0.funds == false }.map(\.figure).reduce(base, max)
    }

    /// `x` rounded up to a multiple of `grid` (by dividing, so 0.01 steps stay exact decimals).
    static func roundedUp(_ x: Double, grid: Double) -> Double {
        let steps = 1 / grid
        return (x * steps * (1 - 1e-12)).rounded(.up) / steps
    }

    /// Whether `hi` is close enough to `lo`: within `precision` of `hi`, or one grid step.
    func isPrecise(lo: Double, hi: Double) -> Bool {
        hi - lo <= max(precision * hi, grid * (1 + 1e-9))
    }

    public var outcome: Outcome {
        if let why = notSearchedBecause { return .notSearched(why) }
        if resolves.contains(where: { $0.funds == nil }) { return .inconclusive }
        guard let funded else { return resolves.isEmpty && cut == nil ? .notSearched("no re-solve was made") : .notFound }
        return isPrecise(lo: notFunded, hi: funded.figure) ? .verified : .bracketed
    }
}
