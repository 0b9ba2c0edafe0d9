/// Which funder funds each project and in which plan year it starts: the
/// answer `allocate` gives, independent of how it was found.
public struct Decision: Sendable, Equatable {
    /// One funded project: the funder's index in `Scenario.funders` and the 1-based start year.
    public struct Assignment: Sendable, Equatable, Hashable {
        public var funder: Int
        public var start: Int

        public init(funder: Int, start: Int) {
            self.funder = funder
            self.start = start
        }
    }

    /// One entry per scenario project, in scenario order; nil = not funded.
    public var assignments: [Assignment?]

    public init(assignments: [Assignment?]) {
        self.assignments = assignments
    }

    /// Nothing funded, for `projectCount` projects.
    public init(unfundedCount projectCount: Int) {
        self.assignments = Array(repeating: nil, count: projectCount)
    }
}
