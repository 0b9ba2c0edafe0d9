/// A quick feasible decision by value per baht, found on the model's own rows
/// so it respects every rule, used as the branch-and-cut start.
///
/// Mandatory projects are placed first; then choices are taken in order of
/// value per baht (ties by column) whenever no row would go above its upper
/// bound. Rows left below their lower bound (strategy shares) are then
/// repaired by dropping the choices that pull them down, least value per baht
/// first, and the freed money is refilled by choices that keep every bound.
/// The result is checked against every row; nil if it is still infeasible.
public enum GreedyStart {
    /// - Complexity: O(nonzeros + columns log columns) per pass.
    /// - Parameter guide: an LP relaxation's column values; when given, choices
    ///   are taken in order of LP value first (LP rounding), then value per baht.
    ///   `reducedCosts` (the LP's, for maximisation) order the choices the LP left at 0:
    ///   those closest to entering first.
    public static func decide(
        _ model: AllocationModel, guide: [Double]? = nil, reducedCosts: [Double]? = nil, passes: Int = 3
    ) -> [Int]? {
        let linear = model.linear
        let n = linear.columnCount
        guard n > 0 else { return linear.maximumViolation([]) <= LinearModel.feasibilityTolerance ? [] : nil }
        let byColumn = ColumnView(linear)
        var activity = [Double](repeating: 0, count: linear.rowCount)
        var taken = [Bool](repeating: false, count: n)
        var projectDone = [Bool](repeating: false, count: model.scenario.projects.count)
        let tolerance = LinearModel.feasibilityTolerance / 10

        func fits(_ j: Int, guardLowerBounds: Bool = true) -> Bool {
            for k in byColumn.range(j) {
                let i = byColumn.row[k]
                let next = activity[i] + byColumn.value[k]
                let b = linear.rowBounds[i]
                if let upper = b.upper, next > upper + tolerance * max(1, abs(upper)) { return false }
                if guardLowerBounds, byColumn.value[k] < 0, let lower = b.lower,
                   next < lower - tolerance * max(1, abs(lower))
                {
                    return false
                }
            }
            return true
        }
        func take(_ j: Int) {
            taken[j] = true
            projectDone[model.choices[j].project] = true
            for k in byColumn.range(j) { activity[byColumn.row[k]] += byColumn.value[k] }
        }
        func drop(_ j: Int) {
            taken[j] = false
            projectDone[model.choices[j].project] = false
            for k in byColumn.range(j) { activity[byColumn.row[k]] -= byColumn.value[k] }
        }
        /// `guidedOnly`: only the choices the guide asks for (they come first in `order`).
        func fill(guardLowerBounds: Bool, guidedOnly: Bool = false) {
            for _ in 0 ..< passes {
                var changed = false
                for j in order where !projectDone[model.choices[j].project] && model.choices[j].value > 0 {
                    if guidedOnly, key[j] == 0 { break }
                    // Only the choices a guide asks for may push a row below its
                    // lower bound for the repair to mend; others must not, or the
                    // repair drops guided choices to make room for them.
                    if fits(j, guardLowerBounds: guardLowerBounds || (guide != nil && key[j] == 0)) {
                        take(j)
                        changed = true
                    }
                }
                if !changed { break }
            }
        }

        let ratio = model.choices.map { $0.value / max($0.totalCost, 1e-9) }
        let key = guide.map { lp in (0 ..< n).map { (lp[$0] * 1000).rounded() / 1000 } } ?? Array(repeating: 0, count: n)
        let second = reducedCosts ?? ratio
        let order = (0 ..< n).sorted {
            if key[$0] != key[$1] { return key[$0] > key[$1] }
            if second[$0] != second[$1] { return second[$0] > second[$1] }
            return ratio[$0] != ratio[$1] ? ratio[$0] > ratio[$1] : $0 < $1
        }
        let mandatory = model.scenario.projects.map(\.mandatory)
        for j in order where mandatory[model.choices[j].project] {
            if !projectDone[model.choices[j].project], fits(j, guardLowerBounds: false) { take(j) }
        }
        // The guide's choices first, in as many passes as they need (a project
        // that requires another fits only once that one is taken), before any
        // other choice can take their money: a feasible decision given as the
        // guide is kept whole.
        if guide != nil { fill(guardLowerBounds: false, guidedOnly: true) }
        fill(guardLowerBounds: false)
        // Repair: a row below its lower bound (a strategy share) loses the taken
        // choices that pull it down, a row above its upper bound (a `requires`
        // row whose required project was dropped) those that push it up, least
        // value per baht first, until every row holds; then refill.
        for _ in 0 ..< 8 {
            var changed = false
            for i in 0 ..< linear.rowCount {
                let b = linear.rowBounds[i]
                let low = b.lower.map { activity[i] < $0 - tolerance * max(1, abs($0)) } ?? false
                let high = b.upper.map { activity[i] > $0 + tolerance * max(1, abs($0)) } ?? false
                guard low || high else { continue }
                var culprits: [Int] = []
                for k in linear.rowStart[i] ..< linear.rowStart[i + 1] where (linear.entryValue[k] < 0) == low {
                    let j = Int(linear.entryColumn[k])
                    if taken[j], !mandatory[model.choices[j].project] { culprits.append(j) }
                }
                culprits.sort { ratio[$0] != ratio[$1] ? ratio[$0] < ratio[$1] : $0 > $1 }
                for j in culprits {
                    let stillLow = b.lower.map { activity[i] < $0 - tolerance * max(1, abs($0)) } ?? false
                    let stillHigh = b.upper.map { activity[i] > $0 + tolerance * max(1, abs($0)) } ?? false
                    guard stillLow || stillHigh else { break }
                    drop(j)
                    changed = true
                }
            }
            if !changed { break }
        }
        fill(guardLowerBounds: true)
        guard linear.maximumViolation(taken) <= LinearModel.feasibilityTolerance else { return nil }
        return (0 ..< n).filter { taken[$0] }
    }
}

extension GreedyStart {
    /// LP rounding: the better of two orders of the choices the relaxation
    /// left undecided (by reduced cost, and by value per baht), since neither
    /// wins everywhere; nil if neither is feasible.
    public static func rounded(_ model: AllocationModel, guide: [Double], reducedCosts: [Double]) -> [Int]? {
        let candidates = [
            decide(model, guide: guide, reducedCosts: reducedCosts),
            decide(model, guide: guide),
        ].compactMap { $0 }
        return candidates.max { model.objective(of: $0) < model.objective(of: $1) }
    }
}

/// The model's matrix by column (compressed sparse columns).
struct ColumnView {
    let start: [Int]
    let row: [Int]
    let value: [Double]

    init(_ model: LinearModel) {
        var count = [Int](repeating: 0, count: model.columnCount + 1)
        for c in model.entryColumn { count[Int(c) + 1] += 1 }
        for j in 0 ..< model.columnCount { count[j + 1] += count[j] }
        var next = count
        var row = [Int](repeating: 0, count: model.entryCount)
        var value = [Double](repeating: 0, count: model.entryCount)
        for i in 0 ..< model.rowCount {
            for k in model.rowStart[i] ..< model.rowStart[i + 1] {
                let j = Int(model.entryColumn[k])
                row[next[j]] = i
                value[next[j]] = model.entryValue[k]
                next[j] += 1
            }
        }
        start = count
        self.row = row
        self.value = value
    }

    func range(_ j: Int) -> Range<Int> { start[j] ..< start[j + 1] }
}
