/// How a variation's decision differs from the base decision, project by
/// project (the projects of a variation are the base's, in the same order).
public struct DecisionChanges: Sendable, Equatable {
    /// Funded in the variation, unfunded in the base; in scenario order.
    public var newlyFunded: [Int]
    /// Funded in the base, unfunded in the variation.
    public var dropped: [Int]
    /// Funded in both, by another funder or from another plan year.
    public var moved: [Int]

    /// A missing decision (infeasible, no solution) funds nothing.
    ///
    /// - Complexity: O(projects).
    public init(base: Decision?, variation: Decision?) {
        let count = max(base?.assignments.count ?? 0, variation?.assignments.count ?? 0)
        var newlyFunded: [Int] = []
        var dropped: [Int] = []
        var moved: [Int] = []
        for p in 0 ..< count {
            let before = base.flatMap { p < $0.assignments.count ? $0.assignments[p] : nil }
            let after = variation.flatMap { p < $0.assignments.count ? $0.assignments[p] : nil }
            switch (before, after) {
            case (nil, .some): newlyFunded.append(p)
            case (.some, nil): dropped.append(p)
            case (.some(let b), .some(let a)) where a != b: moved.append(p)
            default: break
            }
        }
        self.newlyFunded = newlyFunded
        self.dropped = dropped
        self.moved = moved
    }

    /// Whether no project's decision changed.
    public var isEmpty: Bool { newlyFunded.isEmpty && dropped.isEmpty && moved.isEmpty }

    /// Every changed project, in scenario order, with its kind of change.
    public var all: [(project: Int, kind: Kind)] {
        (newlyFunded.map { ($0, Kind.newlyFunded) } + dropped.map { ($0, .dropped) } + moved.map { ($0, .moved) })
            .sorted { $0.project < $1.project }
    }

    /// The kinds of change, as written in CSV and JSON.
    public enum Kind: String, Sendable {
        case newlyFunded, dropped, moved
    }
}
