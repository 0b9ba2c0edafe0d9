/// Improves a decision by solving small parts of the model exactly with GLPK:
/// the choices of a few groups of areas are left free, every other choice is
/// fixed as the decision has it, and GLPK's branch and cut solves the small
/// model of each group, starting from the decision, the groups at the same
/// time on different threads (each with its own GLPK problem, created and
/// deleted on that thread). A decision it returns is better than the one it
/// started from; the caller checks it against every row.
struct NeighbourhoodSearch {
    let model: AllocationModel

    /// Solves the model restricted to each of `parts` (disjoint sets of
    /// columns; everything else fixed as in `decision`) with at most
    /// `SearchWork.groupSteps` GLPK steps each (`GLPKSolver.stepLimit`; and
    /// `timeLimit` seconds, a safety net), up to `threads` parts at once; returns the decision with
    /// every improved part changed, or nil when none improved, and the work
    /// done (`SearchWork`: the largest part's, since they run side by side).
    /// Rows shared by several parts split their slack between them
    /// (`LinearModel.restricted(parts:at:)`), so the changes hold together.
    func improve(
        _ decision: [Int], parts: [[Int]], timeLimit: Double, threads: Int
    ) throws(SolverFailure) -> (decision: [Int]?, work: Double) {
        let subs = model.linear.restricted(parts: parts, at: decision)
        // Each part's start: the decision's columns in it, as the part's own indices.
        var owner = [Int](repeating: -1, count: model.linear.columnCount)
        var local = [Int](repeating: -1, count: model.linear.columnCount)
        for (k, columns) in parts.enumerated() {
            for (i, j) in columns.enumerated() { (owner[j], local[j]) = (k, i) }
        }
        var starts = Array(repeating: [Int](), count: parts.count)
        for j in decision where owner[j] >= 0 { starts[owner[j]].append(local[j]) }
        let found = ParallelMap.run(count: parts.count, threads: threads) {
            [starts] k -> Result<(columns: [Int]?, work: Double), SolverFailure> in
            Result { () throws(SolverFailure) -> (columns: [Int]?, work: Double) in
                let start = starts[k]
                var solver = GLPKSolver(mipGap: 0, timeLimit: timeLimit)
                solver.stepLimit = SearchWork.groupSteps(rows: subs[k].rowCount, columns: subs[k].columnCount)
                let outcome = try solver.solve(subs[k], start: start)
                let work = SearchWork.glpk(
                    iterations: outcome.iterations, nodes: outcome.nodes ?? 0,
                    rows: subs[k].rowCount, columns: subs[k].columnCount)
                let before = subs[k].objectiveValue(ofColumns: start)
                guard let columns = outcome.columns,
                    subs[k].objectiveValue(ofColumns: columns) > before + 1e-9 * max(1, abs(before))
                else { return (nil, work) }
                return (columns, work)
            }
        }
        var isOne = [Bool](repeating: false, count: model.linear.columnCount)
        for j in decision { isOne[j] = true }
        var changed = false
        var work = 0.0
        for (k, result) in found.enumerated() {
            let part = try result.get()
            work = max(work, part.work)
            guard let columns = part.columns else { continue }
            for j in parts[k] { isOne[j] = false }
            for i in columns { isOne[parts[k][i]] = true }
            changed = true
        }
        guard changed else { return (nil, work) }
        let candidate = isOne.indices.filter { isOne[$0] }
        let current = model.objective(of: decision)
        return (model.objective(of: candidate) > current + 1e-9 * max(1, abs(current)) ? candidate : nil, work)
    }
}

extension NeighbourhoodSearch {
    /// Funders whose money spans several area groups (districts, the province,
    /// ministries), in scenario order: an area group holds only a share of
    /// such a funder's slack, so re-solving the funder alone is what moves its
    /// money between areas.
    func spanningFunders() -> [Int] {
        model.scenario.funders.indices.filter { model.scenario.funders[$0].level >= .district }
    }

    /// The funder of each project in `decision`, nil when unfunded.
    func funders(of decision: [Int]) -> [Int?] {
        var fundedBy = [Int?](repeating: nil, count: model.scenario.projects.count)
        for j in decision { fundedBy[model.choices[j].project] = model.choices[j].funder }
        return fundedBy
    }

    /// The choices funder `f` may take over from a decision whose projects'
    /// funders are `fundedBy`: its own choices of the projects unfunded or given to `f`.
    func funderPart(_ f: Int, columnsOf: [[Int]], fundedBy: [Int?]) -> [Int] {
        columnsOf[f].filter { j in
            let owner = fundedBy[model.choices[j].project]
            return owner == nil || owner == f
        }
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
        var children = Array(repeating: [Int](), count: areaCount)
        var roots: [Int] = []
        for a in 0 ..< areaCount {
            if index.areaParent[a] >= 0 { children[index.areaParent[a]].append(a) } else { roots.append(a) }
        }
        // Areas parents first (breadth first from the roots): one pass down and
        // one up make this linear however deep the tree is.
        var topDown = roots
        var next = 0
        while next < topDown.count {
            topDown += children[topDown[next]]
            next += 1
        }
        var projectArea = [Int](repeating: -1, count: model.scenario.projects.count)
        var count = [Int](repeating: 0, count: areaCount)
        for (p, project) in model.scenario.projects.enumerated() {
            guard let a = index.areaIndex[project.area] else { continue }
            projectArea[p] = a
            count[a] += 1
        }
        for a in topDown.reversed() where index.areaParent[a] >= 0 { count[index.areaParent[a]] += count[a] }
        // Top down: an area small enough (or a leaf) is a region and holds its
        // whole subtree; a larger one is split, its own projects a region of
        // their own. `region[a]`: the region holding area `a`'s projects.
        var region = [Int](repeating: -1, count: areaCount)
        for a in topDown {
            let parent = index.areaParent[a]
            if parent >= 0, region[parent] >= 0, region[parent] != parent || count[parent] <= size || children[parent].isEmpty {
                region[a] = region[parent]
            } else {
                region[a] = a
            }
        }
        var members = Array(repeating: [Int](), count: areaCount)
        for (p, a) in projectArea.enumerated() where a >= 0 { members[region[a]].append(p) }
        return members.filter { !$0.isEmpty }
    }
}
