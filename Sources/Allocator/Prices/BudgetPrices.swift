/// The price of every funder's budget in every plan year at one decision
/// (`BudgetPrice`, docs/prices.md), worked out after the solve.
///
/// Each funder's program is cut out of the model (`FunderLPBuilder`) and
/// solved as a linear program by GLPK (`FunderLPSolver`), several funders at
/// once on different threads; the answer for a funder does not depend on which
/// thread solved it, so the prices are the same on every run and machine. A
/// funder that can take every project it may fund whole (the point with all
/// of them at 1 breaks none of its rows) needs no LP: more money buys nothing.
///
/// Given a deadline (the time limit of `allocate SCENARIO`), funders not
/// priced by then are left out and named in `unpriced`: which ones depends on
/// the machine's speed, so such a set says it is incomplete (result.json's
/// `budgetPricesComplete`, the summary) rather than pass for the whole.
public struct BudgetPrices: Sendable, Equatable {
    public let horizon: Int
    /// Funder by funder in scenario order, plan year by plan year, the
    /// `unpriced` funders left out; with none left out, `all[f * horizon + y - 1]`.
    public let all: [BudgetPrice]
    /// The funders (indices, ascending) not priced before the deadline; empty when complete.
    public let unpriced: [Int]

    public init(horizon: Int, all: [BudgetPrice], unpriced: [Int] = []) {
        self.horizon = horizon
        self.all = all
        self.unpriced = unpriced
    }

    /// Whether every funder was priced.
    public var isComplete: Bool { unpriced.isEmpty }

    /// The price of funder `f`'s budget in plan year `year` (1-based).
    ///
    /// - Precondition: `f` is not `unpriced`.
    public func price(funder f: Int, year: Int) -> BudgetPrice {
        let before = unpriced.prefix { $0 < f }.count
        precondition(before == unpriced.count || unpriced[before] != f, "funder \(f) was not priced")
        return all[(f - before) * horizon + year - 1]
    }

    /// The prices above 0, highest first (ties: scenario order of the funders, then plan year).
    public var ranked: [BudgetPrice] {
        all.filter { $0.price > 0 }.sorted { a, b in
            if a.price != b.price { return a.price > b.price }
            return a.funder != b.funder ? a.funder < b.funder : a.year < b.year
        }
    }

    /// The prices at `decision`, on at most `threads` threads (nil: one per processor).
    ///
    /// - Parameter deadline: when given, a funder whose turn comes after it,
    ///   or whose LP is not solved by then, is left out (`unpriced`); nil prices every funder.
    /// - Precondition: every assignment of `decision` is a choice of `model`, and it satisfies every row.
    /// - Throws: `SolverFailure` when GLPK fails on a funder's program.
    /// - Complexity: one small LP per funder whose money could buy more, each
    ///   built in time proportional to its own choices' matrix entries.
    public static func compute(
        model: AllocationModel, decision: Decision, threads: Int? = nil, until deadline: ContinuousClock.Instant? = nil
    ) throws(SolverFailure) -> BudgetPrices {
        guard let columns = model.columns(of: decision) else {
            preconditionFailure("the decision is not one of the model's")
        }
        let builder = FunderLPBuilder(model: model, decision: columns)
        let perFunder = ParallelMap.run(count: model.scenario.funders.count, threads: threads ?? ParallelMap.processorCount) { f in
            Result { () throws(SolverFailure) -> [BudgetPrice]? in
                if let deadline, ContinuousClock.now >= deadline { return nil }
                return try prices(of: f, builder: builder, until: deadline)
            }
        }
        var all: [BudgetPrice] = []
        var unpriced: [Int] = []
        all.reserveCapacity(model.scenario.funders.count * model.scenario.horizon)
        for (f, result) in perFunder.enumerated() {
            if let prices = try result.get() { all += prices } else { unpriced.append(f) }
        }
        return BudgetPrices(horizon: model.scenario.horizon, all: all, unpriced: unpriced)
    }

    /// Funder `f`'s price in each plan year.
    public static func prices(of f: Int, builder: FunderLPBuilder) throws(SolverFailure) -> [BudgetPrice] {
        guard let prices = try prices(of: f, builder: builder, until: nil) else {
            preconditionFailure("a funder's prices without a deadline are always worked out")
        }
        return prices
    }

    /// Funder `f`'s price in each plan year, or nil when its LP was not solved by `deadline`.
    static func prices(
        of f: Int, builder: FunderLPBuilder, until deadline: ContinuousClock.Instant?
    ) throws(SolverFailure) -> [BudgetPrice]? {
        let lp = builder.lp(of: f)
        let years = 1 ... builder.model.scenario.horizon
        let nothing = years.map { BudgetPrice(funder: f, year: $0, price: 0, limit: .nothingToFund) }
        guard !lp.columns.isEmpty, !takesEverything(lp) else { return nothing }
        guard let solution = try FunderLPSolver.solve(lp, until: deadline) else { return nil }
        return years.map { y in
            guard let year = solution.years[y - 1], let row = lp.budgetRows[y - 1] else { return nothing[y - 1] }
            return price(of: f, in: y, year, row: row, lp: lp, model: builder.model)
        }
    }

    /// Whether every column of positive value, taken whole, fits every row:
    /// then that point is the LP's optimum and more money is worth nothing.
    static func takesEverything(_ lp: FunderLP) -> Bool {
        let linear = lp.linear
        var x = [Bool](repeating: false, count: linear.columnCount)
        for j in 0 ..< linear.columnCount { x[j] = linear.objective[j] > 0 }
        return linear.maximumViolation(x) <= LinearModel.feasibilityTolerance
    }

    /// Below this fraction of the program's largest value, per unit of a row's
    /// largest coefficient, a dual value is rounding noise.
    static let noise = 1e-9

    /// The price of plan year `y` from the LP's reading of it, with the limit that binds.
    static func price(
        of f: Int, in y: Int, _ year: FunderLPSolver.Year, row: Int, lp: FunderLP, model: AllocationModel
    ) -> BudgetPrice {
        let linear = lp.linear
        let largestValue = linear.objective.reduce(0) { max($0, abs($1)) }
        func threshold(_ r: Int) -> Double {
            let largestEntry = (linear.rowStart[r] ..< linear.rowStart[r + 1]).reduce(0.0) { max($0, abs(linear.entryValue[$1])) }
            return noise * max(largestValue, 1e-300) / max(largestEntry, 1e-300)
        }
        if !year.slack, year.price > threshold(row) {
            var gain: (column: Int, value: Double)?
            var loss: (column: Int, value: Double)?
            for rate in year.rates {
                let value = rate.perBaht * linear.objective[rate.column]
                if value > 0, value > gain?.value ?? 0 { gain = (rate.column, value) }
                if value < 0, value < loss?.value ?? 0 { loss = (rate.column, value) }
            }
            return BudgetPrice(
                funder: f, year: y, price: year.price, limit: .budget, marginal: gain.map { lp.columns[$0.column] },
                displaced: loss.map { lp.columns[$0.column] }, range: year.range)
        }
        let binding = year.rowDuals.indices.filter { $0 != row && abs(year.rowDuals[$0]) > threshold($0) }
        var limit = BudgetLimit.nothingToFund
        if let r = lp.capacityRow, binding.contains(r) {
            limit = .maxProjects
        } else if let other = lp.budgetRows.firstIndex(where: { r in r.map { binding.contains($0) } ?? false }) {
            limit = .otherYear(other + 1)
        } else {
            let families = binding.map { model.rowFamilies[lp.rows[$0]] }
            if let k = families.lazy.compactMap({ if case .share(let k) = $0 { k } else { nil } }).first {
                limit = .minShare(strategy: k)
            } else if let group = families.lazy.compactMap({ if case .overlap(let g) = $0 { g } else { nil } }).first {
                limit = .overlap(group: group)
            } else if let edge = families.lazy.compactMap({ family -> (Int, Int)? in
                if case .requires(let p, let q) = family { (p, q) } else { nil }
            }).first {
                limit = .requires(project: edge.0, required: edge.1)
            }
        }
        return BudgetPrice(funder: f, year: y, price: 0, limit: limit, range: year.slack ? nil : year.range)
    }
}
