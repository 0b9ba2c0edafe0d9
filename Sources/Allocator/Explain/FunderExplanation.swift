/// `allocate explain --funder`: what one more baht of a funder's budget is
/// worth at a decision, each plan year (`BudgetPrice`), and what an extra
/// amount would fund, verified by re-solving: the funder alone (every other
/// choice held, as the price assumes), without and with the extra money, and
/// the whole changed scenario (docs/prices.md).
public struct FunderExplanation: Sendable {
    public let model: AllocationModel
    public var scenario: Scenario { model.scenario }
    /// Index into `Scenario.funders`.
    public let funder: Int
    /// The decision explained; nil when there is none.
    public let decision: Decision?
    public let status: SolveStatus
    public let gap: Double?
    public let mipGap: Double
    public let timeLimit: Double
    /// The decision's objective.
    public let objective: Double?
    /// Money the funder uses in each plan year, and the projects it funds.
    public let used: [Double]
    public let projects: Int
    /// The price of each plan year's budget (empty without a decision).
    public let prices: [BudgetPrice]
    /// The extra money re-solved with; nil when none was given and no price is above 0.
    public let extra: ExtraMoney?
    /// The re-solves made, in order: the funder alone without and with the
    /// extra money, then the whole scenario with it.
    public let resolves: [FunderResolve]
    /// Why fewer re-solves were made than planned (`--resolves`, the time for them); nil when all were.
    public let cut: SmallestChange.Cut?
    public let limits: ExplainLimits
    /// Seconds each re-solve might take.
    public let resolveTimeLimit: Double

    public init(
        model: AllocationModel, funder: Int, decision: Decision?, status: SolveStatus, gap: Double?, mipGap: Double,
        timeLimit: Double, objective: Double?, used: [Double], projects: Int, prices: [BudgetPrice], extra: ExtraMoney?,
        resolves: [FunderResolve], cut: SmallestChange.Cut?, limits: ExplainLimits, resolveTimeLimit: Double
    ) {
        self.model = model
        self.funder = funder
        self.decision = decision
        self.status = status
        self.gap = gap
        self.mipGap = mipGap
        self.timeLimit = timeLimit
        self.objective = objective
        self.used = used
        self.projects = projects
        self.prices = prices
        self.extra = extra
        self.resolves = resolves
        self.cut = cut
        self.limits = limits
        self.resolveTimeLimit = resolveTimeLimit
    }

    /// The re-solve of `kind` with the extra money (not the baseline).
    public func resolve(_ kind: FunderResolve.Kind) -> FunderResolve? {
        resolves.first { $0.kind == kind && $0.extra > 0 }
    }

    /// The funder alone re-solved with its own budget: what it gains without extra money.
    public var baseline: FunderResolve? {
        resolves.first { $0.kind == .funderAlone && $0.extra == 0 }
    }

    /// What the extra money itself is worth in a re-solve with it: its gain,
    /// less, for the funder alone, what the funder alone gains without it (the
    /// decision explained need not be the best for the funder alone). Nil without a gain.
    public func gainOfExtra(_ r: FunderResolve) -> Double? {
        guard r.extra > 0, let gain = r.gain else { return nil }
        guard r.kind == .funderAlone else { return gain }
        return gain - (baseline?.gain ?? 0)
    }

    /// Money the funder newly spends in a re-solve with the extra money, less,
    /// for the funder alone, what it newly spends without it.
    public func spentOfExtra(_ r: FunderResolve) -> Double? {
        guard r.extra > 0, let spent = r.spentAtFunder else { return nil }
        guard r.kind == .funderAlone else { return spent }
        return spent - (baseline?.spentAtFunder ?? 0)
    }

    /// `gainOfExtra` per 1,000,000 baht of the extra money (its amount in each of its years).
    public func gainPerMillion(_ r: FunderResolve) -> Double? {
        guard let extra, let gain = gainOfExtra(r) else { return nil }
        return gain / (extra.amount * Double(extra.years.count)) * 1_000_000
    }

    /// The price above 0 that the default extra money is read from: the year
    /// given, or the highest (the earliest on ties).
    static func leading(_ prices: [BudgetPrice], year: Int?) -> BudgetPrice? {
        var best: BudgetPrice?
        for price in prices where price.price > 0 && (year == nil || price.year == year) {
            if best == nil || price.price > best!.price { best = price }
        }
        return best
    }
}
