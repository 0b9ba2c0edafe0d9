/// Measured seconds of each stage; the only part of a result that varies between runs.
public struct Timings: Sendable, Equatable {
    public var read: Double = 0
    public var build: Double = 0
    public var solve: Double = 0
    /// The budget prices worked out after the solve (`BudgetPrices`); 0 when none were.
    public var prices: Double = 0
    public var total: Double = 0

    public init(read: Double = 0, build: Double = 0, solve: Double = 0, prices: Double = 0, total: Double = 0) {
        self.read = read
        self.build = build
        self.solve = solve
        self.prices = prices
        self.total = total
    }
}
