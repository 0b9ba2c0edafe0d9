/// Improves a decision by solving small parts of the model exactly with GLPK
/// (relaxation-induced neighbourhood search, RINS): the choices on which the
/// decision and the relaxation's averaged point agree are fixed, the rest are
/// left free, and GLPK's branch and cut solves the small model that remains,
/// starting from the decision. Any decision it returns is feasible for the
/// whole model, so it can only improve.
struct NeighbourhoodSearch {
    let model: AllocationModel

    /// The free columns around `decision`: those where `guide` (values in
    /// [0, 1]) is far from the decision's own value, and those with a reduced
    /// profit within `margin` of zero, at most `limit` in all (closest first).
    func neighbourhood(
        of decision: [Int], guide: [Double], reduced: [Double], margin: Double, limit: Int
    ) -> [Int] {
        let n = model.linear.columnCount
        var inDecision = [Bool](repeating: false, count: n)
        for j in decision { inDecision[j] = true }
        var disputed: [(distance: Double, column: Int)] = []
        var near: [(reduced: Double, column: Int)] = []
        for j in 0 ..< n {
            let distance = abs((inDecision[j] ? 1 : 0) - guide[j])
            if distance > 0.3 {
                disputed.append((distance, j))
            } else if abs(reduced[j]) <= margin {
                near.append((abs(reduced[j]), j))
            }
        }
        disputed.sort { $0.distance != $1.distance ? $0.distance > $1.distance : $0.column < $1.column }
        near.sort { $0.reduced != $1.reduced ? $0.reduced < $1.reduced : $0.column < $1.column }
        var free = Array((disputed.map(\.column) + near.map(\.column)).prefix(limit))
        // A project's other choices come with it, so a project can move between funders.
        var seen = Set(free)
        for j in free {
            for k in model.choices(ofProject: model.choices[j].project) where seen.insert(k).inserted {
                free.append(k)
            }
        }
        return free.sorted()
    }

    /// Solves the model restricted to `free` (others fixed as in `decision`)
    /// for at most `timeLimit` seconds; returns a better decision or nil.
    func improve(_ decision: [Int], free: [Int], timeLimit: Double) throws(SolverFailure) -> [Int]? {
        let isFree = Set(free)
        let fixedAtOne = decision.filter { !isFree.contains($0) }
        let sub = model.linear.restricted(free: free, fixedAtOne: fixedAtOne)
        var position = [Int: Int]()
        for (k, j) in free.enumerated() { position[j] = k }
        let start = decision.compactMap { position[$0] }
        let outcome = try GLPKSolver(mipGap: 0, timeLimit: timeLimit).solve(sub, start: start)
        guard let columns = outcome.columns else { return nil }
        let candidate = (fixedAtOne + columns.map { free[$0] }).sorted()
        guard model.linear.maximumViolation(ofColumns: candidate) <= LinearModel.feasibilityTolerance,
              model.objective(of: candidate) > model.objective(of: decision) + 1e-9 * max(1, abs(model.objective(of: decision)))
        else { return nil }
        return candidate
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
