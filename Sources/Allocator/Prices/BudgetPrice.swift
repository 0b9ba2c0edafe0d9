/// What one more baht in a funder's budget of one plan year is worth at the
/// decision (docs/prices.md): the right derivative of the optimal value of the
/// funder's program (`FunderLP`: its own choices free in [0, 1], every other
/// choice held as decided) in that budget, in objective units per baht.
///
/// A local, one-funder figure: it does not let other funders move (money
/// freed or needed elsewhere is not counted), and it values projects as if
/// they could be bought in part. It is 0 when the money is not what limits the
/// funder (`limit` says what does).
public struct BudgetPrice: Sendable, Equatable {
    /// Index into `Scenario.funders`.
    public var funder: Int
    /// 1-based plan year.
    public var year: Int
    /// Objective units per baht (0 when more money buys nothing).
    public var price: Double
    public var limit: BudgetLimit
    /// The choice (a model column) that more money buys part of: the one
    /// contributing most to the price; nil when the price is 0.
    public var marginal: Int?
    /// The choice more money pushes out, when buying the marginal one means
    /// giving up (part of) another (a project limit or minimum share binds too); nil when none.
    public var displaced: Int?
    /// Baht above the budget over which the price holds; nil when unlimited
    /// (a price of 0 with money left over).
    public var range: Double?

    public init(
        funder: Int, year: Int, price: Double, limit: BudgetLimit, marginal: Int? = nil, displaced: Int? = nil,
        range: Double? = nil
    ) {
        self.funder = funder
        self.year = year
        self.price = price
        self.limit = limit
        self.marginal = marginal
        self.displaced = displaced
        self.range = range
    }

    /// The price per 1,000,000 baht, as the summary shows it.
    public var perMillion: Double { price * 1_000_000 }
}
