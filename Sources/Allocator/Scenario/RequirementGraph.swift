/// The `requires` edges between projects, stored compactly (one flat edge
/// array, offsets per project), and the search for cycles in them.
///
/// Built project by project: `addEdge` for each resolved `requires` entry of
/// the current project, then `finishNode` once per project, in order.
struct RequirementGraph {
    /// A cycle of projects, reported once per group of projects that require
    /// each other (strongly connected component).
    struct Cycle: Equatable {
        /// Project indices along the cycle, starting at the component's
        /// first project in the file; each requires the next, the last the first.
        var nodes: [Int]
        /// Index in `nodes[0]`'s `requires` array of its edge to `nodes[1]`.
        var firstElement: Int
    }

    private let projectCount: Int
    /// `edgeStart[p] ..< edgeStart[p + 1]` are project p's edges.
    private var edgeStart: [Int] = [0]
    private var targets: [Int] = []
    /// For each edge, its index in the project's `requires` array.
    private var elements: [Int] = []

    init(projectCount: Int) {
        self.projectCount = projectCount
        edgeStart.reserveCapacity(projectCount + 1)
    }

    mutating func addEdge(from project: Int, to target: Int, element: Int) {
        precondition(project == edgeStart.count - 1, "edges must be added project by project")
        targets.append(target)
        elements.append(element)
    }

    mutating func finishNode() {
        edgeStart.append(targets.count)
    }

    /// One cycle per strongly connected component of more than one project,
    /// ordered by the component's first project: the shortest cycle through that project.
    ///
    /// - Complexity: O(projects + edges); Tarjan's algorithm run with an
    ///   explicit stack so that long chains cannot overflow the call stack.
    func cycles() -> [Cycle] {
        precondition(edgeStart.count == projectCount + 1, "finishNode must be called once per project")
        let n = projectCount
        var order = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var component = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        var calls: [(node: Int, nextEdge: Int)] = []
        var counter = 0
        var components: [[Int]] = []

        for root in 0..<n where order[root] == -1 && edgeStart[root] < edgeStart[root + 1] {
            order[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            calls.append((root, edgeStart[root]))
            while let (v, e) = calls.last {
                if e < edgeStart[v + 1] {
                    calls[calls.count - 1].nextEdge = e + 1
                    let w = targets[e]
                    if order[w] == -1 {
                        order[w] = counter
                        low[w] = counter
                        counter += 1
                        stack.append(w)
                        onStack[w] = true
                        calls.append((w, edgeStart[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], order[w])
                    }
                    continue
                }
                calls.removeLast()
                if let parent = calls.last {
                    low[parent.node] = min(low[parent.node], low[v])
                }
                guard low[v] == order[v] else { continue }
                var members: [Int] = []
                while let w = stack.popLast() {
                    onStack[w] = false
                    members.append(w)
                    if w == v { break }
                }
                if members.count > 1 {
                    for w in members { component[w] = components.count }
                    components.append(members)
                }
            }
        }
        return components
            .map { $0.min()! }
            .sorted()
            .map { shortestCycle(through: $0, component: component) }
    }

    /// Breadth-first search from `start` along edges inside its component
    /// until an edge leads back to `start`.
    private func shortestCycle(through start: Int, component: [Int]) -> Cycle {
        let inside = component[start]
        var previous: [Int: (node: Int, element: Int)] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for e in edgeStart[v]..<edgeStart[v + 1] {
                let w = targets[e]
                guard component[w] == inside else { continue }
                if w == start {
                    // Walk back from v to start; the last edge walked is start's edge into the cycle.
                    var nodes = [v]
                    var firstElement = elements[e]
                    var node = v
                    while node != start, let step = previous[node] {
                        firstElement = step.element
                        nodes.append(step.node)
                        node = step.node
                    }
                    return Cycle(nodes: nodes.reversed(), firstElement: firstElement)
                }
                if previous[w] == nil, w != start {
                    previous[w] = (v, elements[e])
                    queue.append(w)
                }
            }
        }
        preconditionFailure("a strongly connected component always has a cycle through each member")
    }
}
