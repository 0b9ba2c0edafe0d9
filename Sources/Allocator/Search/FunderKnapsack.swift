/// One funder's own part of the model once every shared row is priced by
/// Lagrangian multipliers: choose among its choices, each with a (reduced)
/// profit and a cost in each of the funder's budget rows, within those budgets
/// and at most `capacity` choices.
///
/// `solveExactly` solves it as a 0/1 problem by depth-first branch and bound;
/// `solveRelaxed` solves the fractional relaxation of a surrogate row. Both
/// return a true upper bound on the 0/1 optimum, which is all the Lagrangian
/// bound needs; the exact one is tighter, and is what makes the bound beat the
/// plain LP on the many small village and LAO budgets.
struct FunderKnapsack: Sendable {
    /// Budgets of the funder's rows (one per plan year it has choices in).
    var budgets: [Double]
    /// Most choices it may take; `Int.max` when the capacity row is priced instead.
    var capacity: Int
    /// Cost of item `i` in row `k` is `weights[i * budgets.count + k]`.
    var weights: [Double]
    /// Surrogate weight of each item: Σ over rows of cost / budget. Any 0/1 point
    /// within every budget has surrogate weight at most `surrogateCapacity`.
    var surrogate: [Double]

    /// Σ over rows of allowance / budget (rows with a positive budget).
    var surrogateCapacity: Double {
        var total = 0.0
        for b in budgets where b > 0 { total += Self.allowance(b) / b }
        return total
    }

    /// Items taken (and, in the fractional relaxation, one item taken in part),
    /// and an upper bound on the 0/1 optimum: the optimum itself when the exact
    /// search finished with no tolerance.
    struct Solution {
        var taken: [Int]
        var fraction: Double
        var fractional: Int?
        var bound: Double
    }

    /// `items` by profit per surrogate weight, best first (ties by index);
    /// items without weight come first.
    func order(_ items: [Int], profit: [Double]) -> [Int] {
        items.sorted { precedes($0, $1, profit: profit) }
    }

    /// Slack allowed on a budget, as in `LinearModel.feasibilityTolerance`: being
    /// as permissive as the model's own check keeps the bound an upper bound.
    static func allowance(_ budget: Double) -> Double {
        budget + LinearModel.feasibilityTolerance * max(1, abs(budget))
    }

    /// Whether item `a` comes before item `b` in `order`.
    @inline(__always)
    func precedes(_ a: Int, _ b: Int, profit: [Double]) -> Bool {
        let l = profit[a] * surrogate[b], r = profit[b] * surrogate[a]
        return l != r ? l > r : a < b
    }

    /// The fractional optimum of the surrogate row (Dantzig's bound): items by
    /// profit per surrogate weight, the last one cut. `items` must hold only
    /// items with positive profit.
    ///
    /// The items taken are those before the cut item in `order`, but found
    /// without sorting: weighted quickselect partitions around a pivot and
    /// keeps only the side the cut lies in (linear time on average). The
    /// national model's ministries have tens of thousands of choices, and a
    /// sort per step was a seventh of the relaxation's time.
    func solveRelaxed(items: [Int], profit: [Double]) -> Solution {
        var pool = items
        var room = surrogateCapacity
        var value = 0.0
        var taken: [Int] = []
        var low = 0, high = pool.count
        while low < high {
            // Median of three (first, middle, last) as pivot, moved to `high - 1`.
            let middle = low + (high - low) / 2
            if precedes(pool[middle], pool[low], profit: profit) { pool.swapAt(middle, low) }
            if precedes(pool[high - 1], pool[low], profit: profit) { pool.swapAt(high - 1, low) }
            if precedes(pool[middle], pool[high - 1], profit: profit) { pool.swapAt(middle, high - 1) }
            let pivot = pool[high - 1]
            // Items before the pivot in `order` to the front of the range.
            var split = low
            var weight = 0.0
            for k in low ..< high - 1 where precedes(pool[k], pivot, profit: profit) {
                weight += surrogate[pool[k]]
                pool.swapAt(k, split)
                split += 1
            }
            if weight > room {
                // The cut lies among the items before the pivot.
                high = split
                continue
            }
            for k in low ..< split {
                let i = pool[k]
                room -= surrogate[i]
                value += profit[i]
                taken.append(i)
            }
            if surrogate[pivot] > max(room, 0) {
                let fraction = max(room, 0) / surrogate[pivot]
                return Solution(taken: taken, fraction: fraction, fractional: pivot, bound: value + fraction * profit[pivot])
            }
            room -= surrogate[pivot]
            value += profit[pivot]
            taken.append(pivot)
            // The items after the pivot are `pool[split ..< high - 1]`.
            low = split
            high -= 1
        }
        return Solution(taken: taken, fraction: 0, fractional: nil, bound: value)
    }

    /// The 0/1 optimum by depth-first branch and bound (see `KnapsackSearch`),
    /// or a point within `tolerance` of it.
    func solveExactly(items: [Int], profit: [Double], tolerance: Double = 0, nodeLimit: Int = 20_000) -> Solution {
        var search = KnapsackSearch(self, items: items, profit: profit, tolerance: tolerance)
        return search.run(nodeLimit: nodeLimit)
    }
}
