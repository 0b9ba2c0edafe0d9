/// The seconds `allocate SCENARIO` keeps out of its time limit for the work
/// that follows the solve, estimated from the model's size before solving.
///
/// After the solve come the budget prices (one LP per funder, cut when their
/// time runs out: `BudgetPrices.compute(until:)`), then the unfunded projects'
/// reasons, the summary and the files asked for (not cut: a result without
/// them is no result). Each grows with the model; the figures per million
/// matrix entries were measured on generated provinces of 12,000 to 200,000
/// projects on the project's 2-core machine with other builds running
/// (docs/decisions.md, "Solving and results"), so they hold on a loaded machine;
/// on an idle one the command ends a little before the limit.
public struct AfterSolveReserve: Sendable, Equatable {
    /// Seconds for the budget prices: what they took on models of this size,
    /// at most `pricesShare` of the limit, so that a short limit still goes
    /// mostly to the search.
    public var prices: Double
    /// Seconds for the unfunded reasons, the summary and the files.
    public var finish: Double

    public init(prices: Double, finish: Double) {
        self.prices = prices
        self.finish = finish
    }

    /// Both together: what the search ends before the limit.
    public var total: Double { prices + finish }

    /// Seconds per million matrix entries for the budget prices (about 2 s
    /// for the 2.3 million of 200,000 projects, most of it the province's LP).
    static let pricesPerMillionEntries = 1.0
    /// Seconds per million matrix entries for the unfunded reasons, result.json
    /// and the summary (2.2 to 4.5 s for the 2.3 million of 200,000 projects,
    /// most often under 3.5 s, with other builds running).
    static let finishPerMillionEntries = 1.6
    /// Seconds per million matrix entries for `--csv`'s two files.
    static let csvPerMillionEntries = 0.3
    /// Seconds per million matrix entries for `--report` (its linked plans and
    /// the un-integrated process are worked out for it: about 2 s at 200,000 projects).
    static let reportPerMillionEntries = 1.2
    /// Seconds kept whatever the size: starting threads, opening files.
    static let finishBase = 0.05
    /// The largest share of the limit kept for the budget prices.
    static let pricesShare = 0.1

    /// The reserve for solving `model` under a limit of `limit` seconds, with
    /// `--csv` and `--report` asked for or not (result.json is always counted).
    ///
    /// - Complexity: O(1).
    public static func estimate(_ model: AllocationModel, limit: Double, csv: Bool = false, report: Bool = false) -> AfterSolveReserve {
        estimate(entries: model.linear.entryCount, limit: limit, csv: csv, report: report)
    }

    /// The reserve for a model of `entries` matrix entries.
    public static func estimate(entries: Int, limit: Double, csv: Bool = false, report: Bool = false) -> AfterSolveReserve {
        let millions = Double(entries) / 1e6
        let perMillion = finishPerMillionEntries + (csv ? csvPerMillionEntries : 0) + (report ? reportPerMillionEntries : 0)
        let prices = min(millions * pricesPerMillionEntries, pricesShare * limit)
        return AfterSolveReserve(prices: prices, finish: finishBase + millions * perMillion)
    }
}
