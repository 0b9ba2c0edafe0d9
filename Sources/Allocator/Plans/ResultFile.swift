/// What `allocate plans` needs from an `allocate-result/1` file: the decision
/// line of every project and the id, level and budget of every funder, each
/// with the JSON path and line it was read from, so a mismatch with the
/// scenario can be located in the file.
///
/// Keys the plans and explanations do not use (`objective`, `summary`, `timings`...) are not kept.
public struct ResultFile: Sendable, Equatable {
    /// One entry of `projects`.
    public struct ProjectLine: Sendable, Equatable {
        public var id: String
        /// The funding, when `funded` is true: funder id, its level, start year, cost at the funder.
        public var funding: Funding?
        /// `reason` and `explanation` of an unfunded project.
        public var reason: UnfundedReason?
        /// 1-based line of the entry.
        public var line: Int

        public init(id: String, funding: Funding?, reason: UnfundedReason?, line: Int) {
            self.id = id
            self.funding = funding
            self.reason = reason
            self.line = line
        }
    }

    /// The `funder`, `level`, `start` and `cost` of a funded project.
    public struct Funding: Sendable, Equatable {
        public var funder: String
        public var level: String
        public var start: Int
        public var cost: Double

        public init(funder: String, level: String, start: Int, cost: Double) {
            self.funder = funder
            self.level = level
            self.start = start
            self.cost = cost
        }
    }

    /// One entry of `funders`.
    public struct FunderLine: Sendable, Equatable {
        public var id: String
        public var level: String
        /// One amount per plan year.
        public var budget: [Double]
        public var line: Int

        public init(id: String, level: String, budget: [Double], line: Int) {
            self.id = id
            self.level = level
            self.budget = budget
            self.line = line
        }
    }

    /// The scenario's `name`.
    public var scenario: String
    /// `optimal`, `feasible`, `infeasible` or `noSolution`.
    public var status: String
    /// In scenario order.
    public var projects: [ProjectLine]
    /// In scenario order.
    public var funders: [FunderLine]
    /// 1-based lines of the values of `scenario`, `status`, `projects` and `funders`.
    public var lines: Lines
    /// The result's `mipGap` and `timeLimit` (keys this tool adds; nil when the file has none),
    /// so that `allocate explain` can re-solve under the same limits.
    public var mipGap: Double?
    public var timeLimit: Double?
    /// The result's proven `gap`; nil when it is `null` or absent.
    public var gap: Double?

    /// Where the top-level values start.
    public struct Lines: Sendable, Equatable {
        public var scenario: Int
        public var status: Int
        public var projects: Int
        public var funders: Int

        public init(scenario: Int, status: Int, projects: Int, funders: Int) {
            self.scenario = scenario
            self.status = status
            self.projects = projects
            self.funders = funders
        }
    }

    public init(
        scenario: String, status: String, projects: [ProjectLine], funders: [FunderLine], lines: Lines,
        mipGap: Double? = nil, timeLimit: Double? = nil, gap: Double? = nil
    ) {
        self.scenario = scenario
        self.status = status
        self.projects = projects
        self.funders = funders
        self.lines = lines
        self.mipGap = mipGap
        self.timeLimit = timeLimit
        self.gap = gap
    }
}
