/// The gain from integration: the integrated decision beside the un-integrated
/// process it replaces (`UnintegratedProcess`), with the same figures computed
/// the same way for both, as `allocate compare` prints and writes them.
///
/// The figures are defined in docs/compare.md. Both columns are computed from a
/// list of fundings by `Figures.init(fundings:in:)`; the un-integrated list may
/// fund two projects of one overlap group, so it is never turned into a `Decision`.
public struct IntegrationComparison: Sendable {
    public typealias Funding = UnintegratedProcess.Funding

    /// The figures of one column.
    public struct Figures: Sendable, Equatable {
        /// The spec's objective formula summed over every funded project,
        /// duplicates included: `v(p,f) × (1 - escalationPenalty)^steps × (1 - delayDiscount)^(t-1)`.
        public var value: Double
        public var projectsFunded: Int
        /// Cost of every funded project at its funder (after `costAt`), over all plan years.
        public var moneySpent: Double
        /// Funded projects that share an overlap group with a project funded before them.
        public var duplicateProjects: Int
        /// What those duplicate projects cost at their funders.
        public var duplicateMoney: Double
        /// Every funder's budget over all plan years, minus `moneySpent`.
        public var unspentBudget: Double

        /// The figures of `fundings`, taken in the order given (which decides,
        /// within an overlap group, which funded project is the first and which are duplicates).
        public init(fundings: [Funding], in scenario: Scenario) {
            var weight: [String: Double] = [:]
            for strategy in scenario.strategies { weight[strategy.id] = strategy.weight }
            let keep = 1 - scenario.policy.escalationPenalty
            let delay = 1 - scenario.policy.delayDiscount
            let duplicate = IntegrationComparison.duplicates(in: fundings, scenario: scenario)
            value = 0
            moneySpent = 0
            duplicateProjects = 0
            duplicateMoney = 0
            for (k, funding) in fundings.enumerated() {
                let project = scenario.projects[funding.project]
                let funder = scenario.funders[funding.funder]
                value += ModelBuilder.baseValue(of: project, at: funder, strategyWeight: weight)
                    * pow(keep, ModelBuilder.escalationSteps(of: project, at: funder))
                    * pow(delay, funding.start - 1)
                let cost = ModelBuilder.yearlyCost(of: project, at: funder).reduce(0, +)
                moneySpent += cost
                if duplicate[k] {
                    duplicateProjects += 1
                    duplicateMoney += cost
                }
            }
            projectsFunded = fundings.count
            unspentBudget = scenario.funders.reduce(0.0) { $0 + $1.budget.reduce(0, +) } - moneySpent
        }
    }

    /// The integrated solve (its model holds the scenario).
    public let result: AllocationResult
    /// The un-integrated process's fundings, in the order they were made.
    public let unintegratedFundings: [Funding]
    public let unintegrated: Figures
    /// The integrated decision as fundings in calendar order (bodies by level,
    /// then scenario order; each body's projects in scenario order); nil without a decision.
    public let integratedFundings: [Funding]?
    public let integrated: Figures?
    /// Projects the integrated decision funds and the un-integrated process leaves unfunded, in scenario order.
    public let fundedOnlyByIntegrated: [Int]
    /// Projects the un-integrated process funds and the integrated decision leaves unfunded, in scenario order.
    public let fundedOnlyByUnintegrated: [Int]

    public var scenario: Scenario { result.scenario }

    /// Runs the un-integrated process on the result's scenario and compares.
    ///
    /// - Complexity: that of `UnintegratedProcess.run`, plus O(projects + funders).
    public init(result: AllocationResult) {
        self.init(result: result, unintegratedFundings: UnintegratedProcess.run(result.scenario))
    }

    /// Compares a result with given un-integrated fundings.
    public init(result: AllocationResult, unintegratedFundings: [Funding]) {
        let s = result.scenario
        self.result = result
        self.unintegratedFundings = unintegratedFundings
        unintegrated = Figures(fundings: unintegratedFundings, in: s)
        var byUnintegrated = [Bool](repeating: false, count: s.projects.count)
        for funding in unintegratedFundings { byUnintegrated[funding.project] = true }
        if let decision = result.decision {
            let fundings = Self.calendarOrder(decision, in: s)
            integratedFundings = fundings
            integrated = Figures(fundings: fundings, in: s)
            fundedOnlyByIntegrated = s.projects.indices.filter { decision.assignments[$0] != nil && !byUnintegrated[$0] }
            fundedOnlyByUnintegrated = s.projects.indices.filter { decision.assignments[$0] == nil && byUnintegrated[$0] }
        } else {
            integratedFundings = nil
            integrated = nil
            fundedOnlyByIntegrated = []
            fundedOnlyByUnintegrated = s.projects.indices.filter { byUnintegrated[$0] }
        }
    }

    /// For each funding, whether its project shares an overlap group with a
    /// project funded earlier in the list.
    public static func duplicates(in fundings: [Funding], scenario: Scenario) -> [Bool] {
        var seen = Set<String>()
        return fundings.map { funding in
            let groups = scenario.projects[funding.project].overlaps
            let duplicate = groups.contains(where: seen.contains)
            seen.formUnion(groups)
            return duplicate
        }
    }

    /// A decision's fundings, bodies in calendar order (level, then scenario order),
    /// each body's projects in scenario order.
    public static func calendarOrder(_ decision: Decision, in scenario: Scenario) -> [Funding] {
        let fundings = decision.assignments.enumerated().compactMap { p, a in
            a.map { Funding(project: p, funder: $0.funder, start: $0.start) }
        }
        return fundings.sorted { a, b in
            let (la, lb) = (scenario.funders[a.funder].level, scenario.funders[b.funder].level)
            if la != lb { return la < lb }
            if a.funder != b.funder { return a.funder < b.funder }
            return a.project < b.project
        }
    }
}

// MARK: - JSON

extension IntegrationComparison {
    /// The `allocate-compare/1` document (docs/compare.md); no timings, so the
    /// same scenario gives the same bytes whenever the solve ends by itself.
    public static let format = "allocate-compare/1"

    public func json() -> JSONOutput {
        let s = scenario
        var unintegratedAt = [Funding?](repeating: nil, count: s.projects.count)
        var order = [Int?](repeating: nil, count: s.projects.count)
        let duplicate = Self.duplicates(in: unintegratedFundings, scenario: s)
        var isDuplicate = [Bool](repeating: false, count: s.projects.count)
        for (k, funding) in unintegratedFundings.enumerated() {
            unintegratedAt[funding.project] = funding
            order[funding.project] = k + 1
            isDuplicate[funding.project] = duplicate[k]
        }
        func funderID(_ f: Funding?) -> JSONOutput { .string(f.map { s.funders[$0.funder].id }) }
        func start(_ f: Funding?) -> JSONOutput { f.map { .int($0.start) } ?? .null }
        let projects: [JSONOutput] = s.projects.enumerated().map { p, project in
            let u = unintegratedAt[p]
            let i = result.decision?.assignments[p].map { Funding(project: p, funder: $0.funder, start: $0.start) }
            return .object([
                ("id", .string(project.id)),
                ("unintegratedFunder", funderID(u)), ("unintegratedStart", start(u)),
                ("unintegratedOrder", order[p].map { .int($0) } ?? .null),
                ("duplicate", .bool(isDuplicate[p])),
                ("integratedFunder", funderID(i)), ("integratedStart", start(i)),
            ])
        }
        let difference: JSONOutput = integrated.map { i in
            Self.json(Figures.difference(i, unintegrated))
        } ?? .null
        return .object([
            ("format", .string(Self.format)),
            ("scenario", .string(s.name)),
            ("integrated", .object([
                ("status", .string(result.status.rawValue)),
                ("termination", .string(result.termination.rawValue)),
                ("objective", .number(result.objective)),
                ("bound", .number(result.bound)),
                ("gap", .number(result.gap)),
                ("mipGap", .number(result.mipGap)),
                ("timeLimit", .number(result.timeLimit)),
                ("figures", integrated.map(Self.json) ?? .null),
            ])),
            ("unintegrated", .object([("figures", Self.json(unintegrated))])),
            ("difference", difference),
            ("fundedOnlyByIntegrated", idList(fundedOnlyByIntegrated)),
            ("fundedOnlyByUnintegrated", idList(fundedOnlyByUnintegrated)),
            ("projects", .array(projects)),
        ])
    }

    private func idList(_ projects: [Int]) -> JSONOutput {
        .object([("count", .int(projects.count)), ("projects", .array(projects.map { .string(scenario.projects[$0].id) }))])
    }

    private static func json(_ f: Figures) -> JSONOutput {
        .object([
            ("value", .number(ResultDocument.rounded(f.value))),
            ("projectsFunded", .int(f.projectsFunded)),
            ("moneySpent", .number(ResultDocument.rounded(f.moneySpent))),
            ("duplicateProjects", .int(f.duplicateProjects)),
            ("duplicateMoney", .number(ResultDocument.rounded(f.duplicateMoney))),
            ("unspentBudget", .number(ResultDocument.rounded(f.unspentBudget))),
        ])
    }
}

extension IntegrationComparison.Figures {
    /// `a - b`, figure by figure.
    public static func difference(_ a: Self, _ b: Self) -> Self {
        var d = a
        d.value -= b.value
        d.projectsFunded -= b.projectsFunded
        d.moneySpent -= b.moneySpent
        d.duplicateProjects -= b.duplicateProjects
        d.duplicateMoney -= b.duplicateMoney
        d.unspentBudget -= b.unspentBudget
        return d
    }
}

// MARK: - Text

extension IntegrationComparison {
    /// How many project ids the text lists under each "funded only by" line.
    public static let listedProjects = 20

    /// The terminal comparison: the integrated solve's status, a table with
    /// one column per process and their difference, and the projects only one of them funds.
    public func text() -> String {
        let s = scenario
        var out = "\(s.name)\n"
        out += "Integrated      \(Summary.statusLine(result))\n"
        out += "Un-integrated   each body funds its own requests by priority, in calendar order\n"
        out += "                community → lao → district → province → ministry, seeing no other plan\n"
        out += "                (overlaps across bodies and minimum strategy shares are not checked)\n\n"
        var table = TextTable(
            headers: ["", "un-integrated", "integrated", "difference"],
            alignments: [.left, .right, .right, .right])
        let u = unintegrated
        let d = integrated.map { Figures.difference($0, u) }
        func row(_ label: String, _ figure: (Figures) -> String, _ signed: (Figures) -> String) {
            table.add([label, figure(u), integrated.map(figure) ?? "-", d.map(signed) ?? "-"])
        }
        row("value", { NumberFormat.fixed($0.value, decimals: 3) }, { Self.signed($0.value, decimals: 3) })
        row("projects funded", { NumberFormat.grouped($0.projectsFunded) }, { Self.signed(Double($0.projectsFunded)) })
        row("money spent (baht)", { NumberFormat.baht($0.moneySpent) }, { Self.signed($0.moneySpent) })
        row("money on duplicates (baht)", { NumberFormat.baht($0.duplicateMoney) }, { Self.signed($0.duplicateMoney) })
        row("duplicate projects", { NumberFormat.grouped($0.duplicateProjects) }, { Self.signed(Double($0.duplicateProjects)) })
        row("unspent budget (baht)", { NumberFormat.baht($0.unspentBudget) }, { Self.signed($0.unspentBudget) })
        out += table.render()
        if result.decision != nil {
            out += "\nFunded by the integrated plan, left unfunded by the un-integrated process: "
                + NumberFormat.counted(fundedOnlyByIntegrated.count, "project") + "\n"
            out += listing(fundedOnlyByIntegrated)
            out += "Funded by the un-integrated process, left unfunded by the integrated plan: "
                + NumberFormat.counted(fundedOnlyByUnintegrated.count, "project") + "\n"
            out += listing(fundedOnlyByUnintegrated)
        } else {
            out += "\nThe integrated solve returned no decision (\(result.status.rawValue)).\n"
        }
        return out
    }

    /// Terminal columns a project name may take in those lists (longer names end in "…").
    static let nameWidth = 60

    /// The first `listedProjects` ids with their names, one a line, then how many more.
    private func listing(_ projects: [Int]) -> String {
        var out = ""
        for p in projects.prefix(Self.listedProjects) {
            let project = scenario.projects[p]
            let name = project.name.map { DisplayWidth.of($0) > Self.nameWidth ? DisplayWidth.pad($0, to: Self.nameWidth) : $0 }
            out += "  \(project.id)" + (name.map { "  \($0)" } ?? "") + "\n"
        }
        if projects.count > Self.listedProjects {
            out += "  ... and \(NumberFormat.grouped(projects.count - Self.listedProjects)) more\n"
        }
        return out
    }

    /// A difference with its sign: "+1,234", "-0.500", "0".
    static func signed(_ x: Double, decimals: Int = 0) -> String {
        let text = NumberFormat.fixed(x, decimals: decimals)
        let zero = NumberFormat.fixed(0, decimals: decimals)
        return text == zero || text.hasPrefix("-") ? text : "+" + text
    }
}
