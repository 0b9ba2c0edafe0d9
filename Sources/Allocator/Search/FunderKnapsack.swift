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
    /// search finished.
    struct Solution {
        var taken: [Int]
        var fraction: Double
        var fractional: Int?
        var bound: Double
    }

    /// `items` by profit per surrogate weight, best first (ties by index);
    /// items without weight come first.
    func order(_ items: [Int], profit: [Double]) -> [Int] {
        items.sorted { a, b in
            let l = profit[a] * surrogate[b], r = profit[b] * surrogate[a]
            return l != r ? l > r : a < b
        }
    }

    /// Slack allowed on a budget, as in `LinearModel.feasibilityTolerance`: being
    /// as permissive as the model's own check keeps the bound an upper bound.
    static func allowance(_ budget: Double) -> Double {
        budget + LinearModel.feasibilityTolerance * max(1, abs(budget))
    }

    /// The fractional optimum of the surrogate row (Dantzig's bound): items by
    /// profit per surrogate weight, the last one cut. `items` must hold only
    /// items with positive profit.
    func solveRelaxed(items: [Int], profit: [Double]) -> Solution {
        var room = surrogateCapacity
        var value = 0.0
        var taken: [Int] = []
        for i in order(items, profit: profit) {
            if surrogate[i] <= room {
                room -= surrogate[i]
                value += profit[i]
                taken.append(i)
            } else {
                let fraction = room / surrogate[i]
                return Solution(
                    taken: taken, fraction: fraction, fractional: i, bound: value + fraction * profit[i])
            }
        }
        return Solution(taken: taken, fraction: 0, fractional: nil, bound: value)
    }

    /// The 0/1 optimum by depth-first branch and bound (see `KnapsackSearch`).
    func solveExactly(items: [Int], profit: [Double], nodeLimit: Int = 20_000) -> Solution {
        let search = KnapsackSearch(self, items: items, profit: profit)
        return search.run(nodeLimit: nodeLimit)
    }
}
