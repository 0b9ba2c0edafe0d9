/// How `allocate SCENARIO` shares out its time limit, counted from the
/// command's start, so that the whole command (reading the file to writing
/// the result) ends within the limit and a small margin: the search ends
/// `reserve.total` before the limit, the budget prices `reserve.finish`
/// before it, and the rest is for the unfunded reasons, the summary and the
/// files (docs/decisions.md, "Solving and results").
///
/// The limit itself is unchanged: the result records it as given.
public struct TimeBudget: Sendable {
    /// When the command started.
    public let began: ContinuousClock.Instant
    /// The limit given, in seconds (`--time-limit`, else `policy.timeLimit`).
    public let limit: Double
    public let reserve: AfterSolveReserve

    public init(began: ContinuousClock.Instant, limit: Double, reserve: AfterSolveReserve) {
        self.began = began
        self.limit = limit
        self.reserve = reserve
    }

    /// The instant by which the search ends (`SolveOptions.deadline`).
    public var searchDeadline: ContinuousClock.Instant { began + .seconds(clamping: limit - reserve.total) }

    /// The instant by which the budget prices end (`Allocation.priceBudgets(_:until:)`).
    public var pricesDeadline: ContinuousClock.Instant { began + .seconds(clamping: limit - reserve.finish) }

    /// The seconds left for the search at `now` (below 0 when reading and
    /// building took the search's share already).
    public func searchSeconds(at now: ContinuousClock.Instant) -> Double {
        GLPKSolver.seconds(searchDeadline - now)
    }
}
