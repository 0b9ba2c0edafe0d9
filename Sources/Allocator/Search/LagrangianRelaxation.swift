import Dispatch

/// An upper bound on the model's optimum that is stronger than its LP
/// relaxation and far cheaper to reach: every row shared between funders (each
/// project once, overlap groups, `requires`, strategy shares, and the capacity
/// of large funders) is moved into the objective with a multiplier, which leaves
/// one independent knapsack per funder. Small funders' knapsacks (a village's
/// own money, an LAO) are solved exactly (in a solve, to within a small
/// `knapsackTolerance`), which the LP cannot do; large ones by their
/// fractional relaxation. For any multipliers the result is a true upper
/// bound; subgradient steps (Polyak's rule) lower it.
///
/// The averaged knapsack solutions approximate the LP solution and guide a
/// rounding heuristic (`GreedyStart`), so the search also improves decisions.
final class LagrangianRelaxation {
    /// Funders with at most this many choices are solved exactly.
    static let exactLimit = 48

    let model: AllocationModel
    private let linear: LinearModel
    /// Rows priced by a multiplier, in row order.
    private let relaxed: [Int]
    /// Multiplier of each relaxed row (same order as `relaxed`): ≥ 0 prices the
    /// upper bound, ≤ 0 the lower bound; free for equalities.
    private(set) var multipliers: [Double]
    /// 1 / largest coefficient of each relaxed row: steps are taken in this
    /// scaled space, or the strategy-share rows (coefficients in baht) would
    /// swamp the project rows (coefficients 1).
    private let scale: [Double]
    private var knapsacks: [FunderKnapsack] = []
    private var exact: [Bool] = []
    /// How far below its optimum each exact knapsack's point may stay
    /// (`KnapsackSearch`): 0 solves them exactly. Whatever it is, the
    /// relaxation's value stays a true upper bound; it is at most the number
    /// of exact knapsacks times this above the exact one.
    var knapsackTolerance = 0.0
    /// Funders whose knapsack is solved exactly (at most `exactLimit` choices).
    private(set) var exactKnapsacks = 0
    /// Columns of each funder's knapsack, in column order (item k is column k of the list).
    private var funderColumns: [[Int]] = []
    /// Columns in no knapsack (their funder's rows are all priced): taken when profitable.
    private var freeColumns: [Int] = []

    /// Most threads a step runs on; the chunks, not the threads, fix the sums' order.
    private let threads: Int
    /// Funders split into a fixed number of chunks of similar work.
    private var chunks: [Range<Int>] = []
    /// Columns, and priced rows, split the same way.
    private var columnChunks: [Range<Int>] = []
    private var rowChunks: [Range<Int>] = []
    /// The priced rows by column.
    private var priced = PricedColumns()

    /// `count` consecutive ranges of `sizes`' indices with similar sums.
    static func chunks(of sizes: [Int], count: Int) -> [Range<Int>] {
        let total = max(1, sizes.reduce(0, +))
        var ranges: [Range<Int>] = []
        var begin = 0
        var sum = 0
        for (i, size) in sizes.enumerated() {
            sum += size
            if sum * count >= total * (ranges.count + 1), ranges.count < count - 1 {
                ranges.append(begin ..< i + 1)
                begin = i + 1
            }
        }
        ranges.append(begin ..< sizes.count)
        return ranges
    }

    /// Best (lowest) bound found so far.
    private(set) var bound = Double.infinity
    /// Exponentially averaged knapsack solutions: an approximate LP point.
    private(set) var averaged: [Double]
    /// Reduced profits at the multipliers that gave `bound`.
    private(set) var reducedAtBest: [Double]
    /// The multipliers that gave `bound`.
    private var multipliersAtBest: [Double]

    /// The multipliers that gave `bound`, by row name, the non-zero ones (for `WarmStart`).
    var prices: [String: Double] { named(multipliersAtBest) }

    /// The non-zero ones of `multipliers` (in `relaxed`'s order) by row name.
    private func named(_ multipliers: [Double]) -> [String: Double] {
        var named: [String: Double] = [:]
        for (r, i) in relaxed.enumerated() where multipliers[r] != 0 {
            named[linear.rowNames[i]] = multipliers[r]
        }
        return named
    }

    /// Multipliers of `rows` from prices by row name: rows not named get 0,
    /// signs are kept valid (≥ 0 on an upper bound, ≤ 0 on a lower one).
    private static func multipliers(from prices: [String: Double], rows: [Int], of linear: LinearModel) -> [Double] {
        rows.map { i in
            guard var pi = prices[linear.rowNames[i]], pi.isFinite else { return 0 }
            if linear.rowBounds[i].lower == nil { pi = max(0, pi) }
            if linear.rowBounds[i].upper == nil { pi = min(0, pi) }
            return pi
        }
    }

    /// The relaxation's value at `prices` (a similar scenario's, by row name),
    /// and those prices as taken (signs kept valid): a true bound, like any
    /// prices give. The steps' own multipliers and best bound are left as they were.
    func value(at prices: [String: Double]) -> (value: Double, prices: [String: Double]) {
        let own = multipliers
        defer { multipliers = own }
        multipliers = Self.multipliers(from: prices, rows: relaxed, of: linear)
        return (evaluate().value, named(multipliers))
    }

    /// `chunks`: how many parts the funders' knapsacks are split into, to be
    /// solved on all cores (fixed, so that results do not depend on the machine).
    /// `prices`: starting multipliers by row name (a similar scenario's, see
    /// `WarmStart`); rows not named start at 0, signs are kept valid.
    init(
        _ model: AllocationModel, chunks chunkCount: Int = 8, threads: Int = ParallelMap.processorCount,
        prices: [String: Double] = [:]
    ) {
        self.model = model
        self.threads = threads
        let linear = model.linear
        self.linear = linear
        let funderCount = model.scenario.funders.count
        var columnsOf = Array(repeating: [Int](), count: funderCount)
        for (j, c) in model.choices.enumerated() { columnsOf[c.funder].append(j) }
        var budgetRows = Array(repeating: [Int](), count: funderCount)
        var capacityRow = [Int?](repeating: nil, count: funderCount)
        for (i, family) in model.rowFamilies.enumerated() {
            switch family {
            case .budget(let f, _): budgetRows[f].append(i)
            case .capacity(let f): capacityRow[f] = i
            default: break
            }
        }
        var keep = [Bool](repeating: false, count: linear.rowCount)
        var position = [Int](repeating: -1, count: linear.columnCount)
        for f in 0 ..< funderCount {
            let columns = columnsOf[f]
            for (i, j) in columns.enumerated() { position[j] = i }
            let isExact = columns.count <= Self.exactLimit
            let rows = budgetRows[f]
            for i in rows { keep[i] = true }
            var capacity = Int.max
            if isExact, let i = capacityRow[f], let upper = linear.rowBounds[i].upper {
                keep[i] = true
                capacity = Int(max(0, upper.rounded(.down)))
            }
            var weights = [Double](repeating: 0, count: columns.count * rows.count)
            for (k, i) in rows.enumerated() {
                for e in linear.rowStart[i] ..< linear.rowStart[i + 1] {
                    let item = position[Int(linear.entryColumn[e])]
                    weights[item * rows.count + k] = linear.entryValue[e]
                }
            }
            let budgets = rows.map { linear.rowBounds[$0].upper ?? .infinity }
            var surrogate = [Double](repeating: 0, count: columns.count)
            for item in 0 ..< columns.count {
                for k in 0 ..< rows.count where budgets[k] > 0 && budgets[k].isFinite {
                    surrogate[item] += weights[item * rows.count + k] / budgets[k]
                }
            }
            knapsacks.append(FunderKnapsack(budgets: budgets, capacity: capacity, weights: weights, surrogate: surrogate))
            exact.append(isExact)
            if rows.isEmpty && !isExact {
                freeColumns += columns
                funderColumns.append([])
            } else {
                funderColumns.append(columns)
            }
        }
        exactKnapsacks = exact.reduce(0) { $0 + ($1 ? 1 : 0) }
        relaxed = (0 ..< linear.rowCount).filter { !keep[$0] }
        chunks = Self.chunks(of: funderColumns.map(\.count), count: max(1, chunkCount))
        let pricedColumns = PricedColumns(linear, rows: relaxed)
        priced = pricedColumns
        columnChunks = Self.chunks(
            of: (0 ..< linear.columnCount).map { pricedColumns.start[$0 + 1] - pricedColumns.start[$0] },
            count: max(1, chunkCount))
        let relaxedRows = relaxed
        rowChunks = Self.chunks(
            of: relaxedRows.map { linear.rowStart[$0 + 1] - linear.rowStart[$0] }, count: max(1, chunkCount))
        scale = relaxed.map { i in
            let largest = (linear.rowStart[i] ..< linear.rowStart[i + 1]).reduce(0.0) { max($0, abs(linear.entryValue[$1])) }
            return largest > 0 ? 1 / largest : 1
        }
        multipliers = Self.multipliers(from: prices, rows: relaxed, of: linear)
        multipliersAtBest = multipliers
        averaged = [Double](repeating: 0, count: linear.columnCount)
        reducedAtBest = linear.objective
    }

    /// Value of the relaxation at the current multipliers, with its subproblem
    /// solution (a point with entries in [0, 1]) and the reduced profits.
    func evaluate() -> (value: Double, point: [Double], reduced: [Double]) {
        var constant = 0.0
        for (r, i) in relaxed.enumerated() where multipliers[r] != 0 {
            let pi = multipliers[r]
            let b = linear.rowBounds[i]
            constant += pi * (pi > 0 ? b.upper! : b.lower!)
        }
        // Reduced profits column by column, the rows in order (as one pass row
        // by row would sum them), in fixed chunks of columns on all cores.
        var reduced = linear.objective
        let (start, row, entry, pi) = (priced.start, priced.row, priced.value, multipliers)
        reduced.withUnsafeMutableBufferPointer { buffer in
            let out = SharedBuffer(buffer)
            ParallelMap.forEach(count: columnChunks.count, threads: threads) { [columnChunks] c in
                for j in columnChunks[c] {
                    var value = out.buffer[j]
                    for e in start[j] ..< start[j + 1] { value -= pi[Int(row[e])] * entry[e] }
                    out.buffer[j] = value
                }
            }
        }
        var point = [Double](repeating: 0, count: linear.columnCount)
        var value = constant
        for j in freeColumns where reduced[j] > 0 {
            point[j] = 1
            value += reduced[j]
        }
        // Funders' knapsacks are independent: solved in fixed chunks on all
        // cores, their values summed in chunk order, so the result does not
        // depend on the number of threads.
        var parts = [Part](repeating: Part(), count: chunks.count)
        let work = Work(
            knapsacks: knapsacks, exact: exact, funderColumns: funderColumns, reduced: reduced,
            tolerance: knapsackTolerance)
        let chunks = self.chunks
        parts.withUnsafeMutableBufferPointer { buffer in
            let slots = SharedBuffer(buffer)
            ParallelMap.forEach(count: chunks.count, threads: threads) { c in
                slots.buffer[c] = work.solve(chunk: chunks[c])
            }
        }
        for part in parts {
            value += part.value
            for (j, x) in part.point { point[j] = x }
        }
        return (value, point, reduced)
    }

    /// One chunk's share of a relaxation value: its knapsacks' bounds summed,
    /// and the columns its solutions set (to 1, or a fraction).
    private struct Part: Sendable {
        var value = 0.0
        var point: [(Int, Double)] = []
    }

    /// What one step's knapsacks need, as values that threads may share.
    private struct Work: Sendable {
        let knapsacks: [FunderKnapsack]
        let exact: [Bool]
        let funderColumns: [[Int]]
        let reduced: [Double]
        let tolerance: Double

        func solve(chunk: Range<Int>) -> Part {
            var part = Part()
            var profit: [Double] = []
            var items: [Int] = []
            for f in chunk where !funderColumns[f].isEmpty {
                let columns = funderColumns[f]
                profit.removeAll(keepingCapacity: true)
                items.removeAll(keepingCapacity: true)
                for (item, j) in columns.enumerated() {
                    profit.append(reduced[j])
                    if reduced[j] > 0 { items.append(item) }
                }
                guard !items.isEmpty else { continue }
                let solution = exact[f]
                    ? knapsacks[f].solveExactly(items: items, profit: profit, tolerance: tolerance)
                    : knapsacks[f].solveRelaxed(items: items, profit: profit)
                part.value += solution.bound
                for item in solution.taken { part.point.append((columns[item], 1)) }
                if let item = solution.fractional { part.point.append((columns[item], solution.fraction)) }
            }
            return part
        }
    }

    /// The scaled subgradient of each priced row at `point`, in fixed chunks of
    /// rows on all cores; returns each chunk's sum of squares, in chunk order.
    private func subgradient(at point: [Double], into gradient: inout [Double]) -> [Double] {
        let (linear, relaxed, scale, multipliers, chunks) = (linear, relaxed, scale, multipliers, rowChunks)
        var norms = [Double](repeating: 0, count: chunks.count)
        gradient.withUnsafeMutableBufferPointer { g in
            norms.withUnsafeMutableBufferPointer { n in
                let (out, sums) = (SharedBuffer(g), SharedBuffer(n))
                ParallelMap.forEach(count: chunks.count, threads: threads) { c in
                    var norm = 0.0
                    for r in chunks[c] {
                        let i = relaxed[r]
                        var activity = 0.0
                        for e in linear.rowStart[i] ..< linear.rowStart[i + 1] {
                            activity += linear.entryValue[e] * point[Int(linear.entryColumn[e])]
                        }
                        let b = linear.rowBounds[i]
                        let pi = multipliers[r]
                        var value = 0.0
                        if let u = b.upper, pi > 0 || activity > u || (b.lower == u) {
                            value = u - activity
                        } else if let l = b.lower, pi < 0 || activity < l {
                            value = l - activity
                        }
                        // A multiplier held at zero by its sign does not move; leave it out of the norm.
                        if pi == 0, (b.lower == nil && value > 0) || (b.upper == nil && value < 0) { value = 0 }
                        out.buffer[r] = value * scale[r]
                        norm += out.buffer[r] * out.buffer[r]
                    }
                    sums.buffer[c] = norm
                }
            }
        }
        return norms
    }

    /// Step size factor of Polyak's rule; halved whenever the bound has not
    /// improved for 20 steps. Kept between calls so that `run` resumes.
    private var theta = 1.0
    /// The last step's direction (scaled space), for deflection.
    private var direction: [Double] = []
    private var sinceImprovement = 0
    private var iteration = 0
    /// Steps taken so far, over all calls.
    var steps: Int { iteration }

    /// Whether further steps are not worth their time: the step size has
    /// vanished, or the last 100 steps lowered the bound by less than 1e-5 of it.
    var hasConverged: Bool { theta <= 1e-6 || stalled }
    private var stalled = false
    private var checkpoint = Double.infinity

    /// Runs subgradient steps until `shouldStop` says so or the step size
    /// vanishes. `lowerBound` (a known decision's value) drives the step size
    /// and may rise as `improve` finds better decisions; `improve` is called
    /// every `heuristicEvery` steps with the relaxation and returns the value
    /// of the best known decision.
    func run(
        lowerBound: Double?, heuristicEvery: Int = 25,
        improve: (LagrangianRelaxation) -> Double?, shouldStop: (Double, Double?) -> Bool
    ) {
        var target = lowerBound
        while !hasConverged {
            let (value, point, reduced) = evaluate()
            if value < bound {
                if value < bound - 1e-7 * max(1, abs(bound)) { sinceImprovement = 0 } else { sinceImprovement += 1 }
                bound = value
                reducedAtBest = reduced
                multipliersAtBest = multipliers
            } else {
                sinceImprovement += 1
            }
            if sinceImprovement >= 20 {
                theta /= 2
                sinceImprovement = 0
            }
            let weight = iteration == 0 ? 1 : 0.1
            for j in 0 ..< point.count { averaged[j] += weight * (point[j] - averaged[j]) }
            iteration += 1
            if iteration % 100 == 0 {
                stalled = checkpoint - bound < 1e-5 * max(1, abs(bound))
                checkpoint = bound
            }
            if iteration % heuristicEvery == 0, let found = improve(self) { target = max(target ?? found, found) }
            if shouldStop(bound, target) { return }

            var gradient = [Double](repeating: 0, count: relaxed.count)
            let norms = subgradient(at: point, into: &gradient)
            var norm = norms.reduce(0, +)
            guard norm > 0 else {
                theta = 0
                return
            }
            // Camerini, Fratta and Maffioli's deflection: when the new subgradient
            // turns back on the last direction, keep part of that direction, which
            // damps the zig-zag of plain subgradient steps.
            if direction.count == gradient.count {
                var dot = 0.0, previous = 0.0
                for r in 0 ..< gradient.count {
                    dot += direction[r] * gradient[r]
                    previous += direction[r] * direction[r]
                }
                let beta = previous > 0 ? max(0, -1.5 * dot / previous) : 0
                if beta > 0 {
                    norm = 0
                    for r in 0 ..< gradient.count {
                        gradient[r] += beta * direction[r]
                        norm += gradient[r] * gradient[r]
                    }
                }
            }
            direction = gradient
            // Without a known decision, aim 5% below the current value.
            let distance = target.map { value - $0 } ?? 0.05 * abs(value)
            let step = theta * max(distance, 1e-9 * max(1, abs(value))) / norm
            for (r, i) in relaxed.enumerated() where gradient[r] != 0 {
                let b = linear.rowBounds[i]
                var pi = multipliers[r] - step * gradient[r] * scale[r]
                if b.lower == nil { pi = max(0, pi) }
                if b.upper == nil { pi = min(0, pi) }
                multipliers[r] = pi
            }
        }
    }
}

/// The priced (relaxed) rows of a model by column: for column `j`, entries
/// `start[j] ..< start[j + 1]` give the priced row's position and coefficient,
/// in row order.
struct PricedColumns: Sendable {
    var start: [Int] = [0]
    var row: [Int32] = []
    var value: [Double] = []

    init() {}

    init(_ linear: LinearModel, rows: [Int]) {
        var count = [Int](repeating: 0, count: linear.columnCount + 1)
        for i in rows {
            for e in linear.rowStart[i] ..< linear.rowStart[i + 1] { count[Int(linear.entryColumn[e]) + 1] += 1 }
        }
        for j in 0 ..< linear.columnCount { count[j + 1] += count[j] }
        var next = count
        row = [Int32](repeating: 0, count: count[linear.columnCount])
        value = [Double](repeating: 0, count: count[linear.columnCount])
        for (r, i) in rows.enumerated() {
            for e in linear.rowStart[i] ..< linear.rowStart[i + 1] {
                let j = Int(linear.entryColumn[e])
                row[next[j]] = Int32(r)
                value[next[j]] = linear.entryValue[e]
                next[j] += 1
            }
        }
        start = count
    }
}

/// A buffer that threads write at distinct indices, each index by one thread.
struct SharedBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
