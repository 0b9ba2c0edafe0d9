/// Depth-first branch and bound for one `FunderKnapsack`: items in order of
/// profit per surrogate weight, each node bounded by Dantzig's bound on the
/// surrogate row and, when the capacity can bind, by the best remaining
/// profits that the capacity still admits. After `nodeLimit` nodes it stops and
/// returns the best point found with the root's bound, which stays a true
/// upper bound.
///
/// With a `tolerance`, a node is also cut off when its bound is at most
/// `tolerance` above the best point found: a search that finishes returns a
/// point within `tolerance` of the optimum, and as bound the largest bound it
/// cut off (or the point's value), a true upper bound at most `tolerance`
/// above the optimum. (One stopped by `nodeLimit` returns the root's bound, as
/// without a tolerance.) Near converged prices the village and LAO knapsacks
/// are the hard, strongly correlated kind (items of nearly equal profit per
/// baht), where most of an exact search's nodes only prove that no better
/// filling exists.
///
/// A struct, not a class: the search's state is then checked for exclusive
/// access at compile time instead of on every access at run time.
struct KnapsackSearch {
    private let knapsack: FunderKnapsack
    /// Items (indices into the knapsack) in search order.
    private let order: [Int]
    private let profit: [Double]
    private let rows: Int
    private let limits: [Double]
    /// `topSum[i * (cap + 1) + k]`: the k largest profits among `order[i...]`
    /// summed, for k up to `cap`; empty when the capacity cannot bind.
    private var topSum: [Double] = []
    private let cap: Int
    private let fullRoom: Double
    private let tolerance: Double

    private var used: [Double]
    private var current: [Int] = []
    private var best: [Int] = []
    private var bestValue = 0.0
    private var nodes = 0
    private var aborted = false
    /// The largest bound of a node cut off within `tolerance` of `bestValue`.
    private var cutBound = -Double.infinity

    init(_ knapsack: FunderKnapsack, items: [Int], profit: [Double], tolerance: Double = 0) {
        self.knapsack = knapsack
        self.profit = profit
        self.tolerance = max(0, tolerance)
        order = knapsack.order(items, profit: profit)
        rows = knapsack.budgets.count
        limits = knapsack.budgets.map(FunderKnapsack.allowance)
        fullRoom = knapsack.surrogateCapacity
        used = [Double](repeating: 0, count: rows)
        let m = order.count
        cap = knapsack.capacity < m ? knapsack.capacity : 0
        if cap > 0 {
            // Suffix by suffix, keep the largest `cap` profits sorted (descending).
            topSum = [Double](repeating: 0, count: (m + 1) * (cap + 1))
            var largest: [Double] = []
            largest.reserveCapacity(cap + 1)
            for i in stride(from: m - 1, through: 0, by: -1) {
                let p = profit[order[i]]
                var at = largest.count
                while at > 0 && largest[at - 1] < p { at -= 1 }
                if at < cap {
                    largest.insert(p, at: at)
                    if largest.count > cap { largest.removeLast() }
                }
                var sum = 0.0
                for k in 1 ... cap {
                    if k <= largest.count { sum += largest[k - 1] }
                    topSum[i * (cap + 1) + k] = sum
                }
            }
        }
        current.reserveCapacity(m)
    }

    mutating func run(nodeLimit: Int) -> FunderKnapsack.Solution {
        if knapsack.capacity <= 0 {
            return FunderKnapsack.Solution(taken: [], fraction: 0, fractional: nil, bound: 0)
        }
        search(0, value: 0, room: fullRoom, nodeLimit: nodeLimit)
        let taken = best.map { order[$0] }
        if aborted {
            let root = bound(from: 0, value: 0, room: fullRoom, count: 0)
            return FunderKnapsack.Solution(
                taken: taken, fraction: 0, fractional: nil, bound: max(root, bestValue))
        }
        return FunderKnapsack.Solution(
            taken: taken, fraction: 0, fractional: nil, bound: max(bestValue, cutBound))
    }

    /// Dantzig's bound on the surrogate row from `position` with `room` left,
    /// and the capacity bound when it can bind; the smaller.
    private func bound(from position: Int, value: Double, room: Double, count: Int) -> Double {
        var room = room
        var dantzig = value
        let surrogate = knapsack.surrogate
        var index = position
        // Items without weight (in no budget row) come first in this order and
        // are always taken, even when no room is left.
        while index < order.count {
            let i = order[index]
            if surrogate[i] <= max(room, 0) {
                room -= surrogate[i]
                dantzig += profit[i]
            } else {
                if room > 0 { dantzig += profit[i] * room / surrogate[i] }
                break
            }
            index += 1
        }
        guard cap > 0 else { return dantzig }
        let rest = max(0, min(cap, knapsack.capacity - count))
        return min(dantzig, value + topSum[position * (cap + 1) + rest])
    }

    private mutating func search(_ position: Int, value: Double, room: Double, nodeLimit: Int) {
        if value > bestValue {
            bestValue = value
            best = current
        }
        guard position < order.count, !aborted else { return }
        nodes += 1
        if nodes > nodeLimit {
            aborted = true
            return
        }
        let nodeBound = bound(from: position, value: value, room: room, count: current.count)
        guard nodeBound > bestValue + tolerance else {
            if nodeBound > cutBound { cutBound = nodeBound }
            return
        }
        let i = order[position]
        var fits = current.count < knapsack.capacity
        if fits {
            for k in 0 ..< rows where used[k] + knapsack.weights[i * rows + k] > limits[k] {
                fits = false
                break
            }
        }
        if fits {
            for k in 0 ..< rows { used[k] += knapsack.weights[i * rows + k] }
            current.append(position)
            search(position + 1, value: value + profit[i], room: room - knapsack.surrogate[i], nodeLimit: nodeLimit)
            current.removeLast()
            for k in 0 ..< rows { used[k] -= knapsack.weights[i * rows + k] }
        }
        search(position + 1, value: value, room: room, nodeLimit: nodeLimit)
    }
}
