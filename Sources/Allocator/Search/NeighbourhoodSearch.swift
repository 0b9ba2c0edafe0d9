/// Improves a decision by solving small parts of the model exactly with GLPK:
/// the choices of one group of areas are left free, every other choice is fixed
/// as the decision has it, and GLPK's branch and cut solves the small model
/// that remains, starting from the decision. A decision it returns is better
/// than the one it started from; the caller checks it against every row.
struct NeighbourhoodSearch {
    let model: AllocationModel

    /// Solves the model restricted to `free` (others fixed as in `decision`)
    /// for at most `timeLimit` seconds; returns a better decision or nil. The
    /// caller checks it against the whole model's rows (`HybridSearch` does,
    /// for every decision it keeps).
    func improve(_ decision: [Int], free: [Int], timeLimit: Double) throws(SolverFailure) -> [Int]? {
        var position = [Int: Int](minimumCapacity: free.count)
        for (k, j) in free.enumerated() { position[j] = k }
        let fixedAtOne = decision.filter { position[$0] == nil }
        let sub = model.linear.restricted(free: free, fixedAtOne: fixedAtOne)
        let start = decision.compactMap { position[$0] }
        let outcome = try GLPKSolver(mipGap: 0, timeLimit: timeLimit).solve(sub, start: start)
        guard let columns = outcome.columns else { return nil }
        let candidate = (fixedAtOne + columns.map { free[$0] }).sorted()
        let current = model.objective(of: decision)
        return model.objective(of: candidate) > current + 1e-9 * max(1, abs(current)) ? candidate : nil
    }
}

extension NeighbourhoodSearch {
    /// Projects grouped by area: the largest subtrees of the area tree holding
    /// at most `size` projects each (an area too large for one group is split
    /// into its children, its own projects forming a group of their own).
    /// Groups come in area order, projects in scenario order.
    func regions(size: Int) -> [[Int]] {
        let index = model.index
        let areaCount = model.scenario.areas.count
        var count = [Int](repeating: 0, count: areaCount)
        var projectArea = [Int](repeating: -1, count: model.scenario.projects.count)
        for (p, project) in model.scenario.projects.enumerated() {
            guard let a = index.areaIndex[project.area] else { continue }
            projectArea[p] = a
            var up = a
            while up >= 0 {
                count[up] += 1
                up = index.areaParent[up]
            }
        }
        var children = Array(repeating: [Int](), count: areaCount)
        var roots: [Int] = []
        for a in 0 ..< areaCount {
            if index.areaParent[a] >= 0 { children[index.areaParent[a]].append(a) } else { roots.append(a) }
        }
        // Top down: an area small enough (or a leaf) is a region; a larger one is split.
        var isRegion = [Bool](repeating: false, count: areaCount)
        var stack = roots.reversed() as [Int]
        while let a = stack.popLast() {
            if count[a] <= size || children[a].isEmpty {
                isRegion[a] = true
            } else {
                isRegion[a] = true  // its own projects, outside every child region
                stack += children[a].reversed()
            }
        }
        var members = Array(repeating: [Int](), count: areaCount)
        for (p, a) in projectArea.enumerated() where a >= 0 {
            var up = a
            while up >= 0 && !isRegion[up] { up = index.areaParent[up] }
            members[up].append(p)
        }
        return members.filter { !$0.isEmpty }
    }
}
