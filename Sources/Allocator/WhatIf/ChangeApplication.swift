/// One change applied to a scenario (`ScenarioChanger`): the target resolved
/// to funders, a project, a strategy or the policy, the field combined with
/// the value, and the entries touched recorded (`funders[3]`, `policy`), so a
/// rule the result breaks can be traced back to the change.
struct ChangeApplication {
    let changer: ScenarioChanger
    var scenario: Scenario
    let change: Change
    /// Entries changed, as JSON paths of the scenario file.
    var touched: [String] = []

    init(changer: ScenarioChanger, scenario: Scenario, change: Change) {
        self.changer = changer
        self.scenario = scenario
        self.change = change
    }

    private var index: ScenarioIndex { changer.index }
    private var operation: ChangeOperation { change.operation }

    private func fail(_ column: Int?, _ message: String) -> ChangeExpressionError {
        ChangeExpressionError(column: column ?? change.idColumn, message: message)
    }

    mutating func run() throws(ChangeExpressionError) {
        switch change.target {
        case .funder(let id):
            guard let f = index.funderIndex[id] else {
                throw fail(change.idColumn, changer.unknown("funder", id, among: scenario.funders.map(\.id)))
            }
            try changeFunders([f])
        case .level(let level):
            let funders = scenario.funders.indices.filter { scenario.funders[$0].level == level }
            guard !funders.isEmpty else { throw fail(change.idColumn, "no funder has level \(level.name)") }
            try changeFunders(funders)
        case .area(let id):
            guard let a = index.areaIndex[id] else {
                throw fail(change.idColumn, changer.unknown("area", id, among: scenario.areas.map(\.id)))
            }
            let funders = changer.fundersInSubtree[a]
            guard !funders.isEmpty else {
                throw fail(change.idColumn, "no funder serves area \"\(id)\" or an area inside it")
            }
            try changeFunders(funders)
        case .project(let id):
            guard let p = index.projectIndex[id] else {
                throw fail(change.idColumn, changer.unknown("project", id, among: scenario.projects.map(\.id)))
            }
            try changeProject(p)
        case .strategy(let id):
            guard let s = index.strategyIndex[id] else {
                throw fail(change.idColumn, changer.unknown("strategy", id, among: scenario.strategies.map(\.id)))
            }
            try changeStrategy(s)
        case .policy:
            try changePolicy()
        }
    }

    // MARK: Values

    private func number() throws(ChangeExpressionError) -> Double {
        guard case .number(let x) = change.value else { throw mismatch() }
        return x
    }

    private func integer() throws(ChangeExpressionError) -> Int {
        guard case .integer(let n) = change.value else { throw mismatch() }
        return n
    }

    private func flag() throws(ChangeExpressionError) -> Bool {
        guard case .flag(let b) = change.value else { throw mismatch() }
        return b
    }

    private func mismatch() -> ChangeExpressionError {
        fail(change.valueColumn, "expected \(change.field.expected)")
    }

    /// An amount of money after the operation: rounded to the satang unless set as written.
    private func money(_ old: Double, _ value: Double) -> Double {
        let x = operation.apply(old, value)
        return operation == .set ? x : (x * 100).rounded() / 100
    }

    /// A number after the operation, without floating-point dust unless set as written.
    private func plain(_ old: Double, _ value: Double) -> Double {
        let x = operation.apply(old, value)
        return operation == .set ? x : ResultDocument.rounded(x)
    }

    // MARK: Targets

    private mutating func changeFunders(_ funders: [Int]) throws(ChangeExpressionError) {
        var years = Array(0 ..< scenario.horizon)
        if let year = change.year {
            guard year <= scenario.horizon else {
                throw fail(change.yearColumn, scenario.horizon == 1
                    ? "the scenario has one plan year; leave out [\(year)]"
                    : "plan year \(year) is beyond the horizon of \(scenario.horizon) years")
            }
            years = [year - 1]
        }
        for f in funders {
            var funder = scenario.funders[f]
            switch change.field {
            case .budget:
                let value = try number()
                for y in years where y < funder.budget.count { funder.budget[y] = money(funder.budget[y], value) }
            case .maxProjects:
                if change.value == .unset {
                    funder.maxProjects = nil
                } else {
                    let value = try integer()
                    if let old = funder.maxProjects {
                        funder.maxProjects = operation.apply(old, value)
                    } else if operation == .set {
                        funder.maxProjects = value
                    }
                }
            case .maxProjectCost:
                if change.value == .unset {
                    funder.maxProjectCost = nil
                } else {
                    let value = try number()
                    if let old = funder.maxProjectCost {
                        funder.maxProjectCost = money(old, value)
                    } else if operation == .set {
                        funder.maxProjectCost = value
                    }
                }
            case .sectors:
                funder.sectors = try sectors(of: funder)
            default:
                throw fail(change.fieldColumn, "\(change.field.rawValue) is not a field of a funder")
            }
            scenario.funders[f] = funder
            touched.append("funders[\(f)]")
        }
    }

    /// A funder's sectors after the change; the names must be sectors the scenario uses.
    private func sectors(of funder: Funder) throws(ChangeExpressionError) -> [String]? {
        if change.value == .unset { return nil }
        guard case .names(let names) = change.value else { throw mismatch() }
        for name in names where !changer.sectors.contains(name) {
            var message = "no project or funder of the scenario has sector \"\(name)\""
            if let guess = KeySuggestion.closest(to: name, among: changer.sectors) { message += "; did you mean \"\(guess)\"?" }
            throw fail(change.valueColumn, message + " (sectors: \(changer.sectors.joined(separator: ", ")))")
        }
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        switch operation {
        case .set, .multiply:
            return unique
        case .add:
            guard var sectors = funder.sectors else { return nil }
            for name in unique where !sectors.contains(name) { sectors.append(name) }
            return sectors
        case .subtract:
            guard var sectors = funder.sectors else {
                throw fail(change.valueColumn, "funder \"\(funder.id)\" may fund every sector (it has no sectors list), "
                    + "so none can be taken away; give the list it keeps instead (sectors=a;b)")
            }
            sectors.removeAll(where: unique.contains)
            return sectors
        }
    }

    private mutating func changeProject(_ p: Int) throws(ChangeExpressionError) {
        var project = scenario.projects[p]
        switch change.field {
        case .priority:
            project.priority = plain(project.priority, try number())
        case .cost:
            let value = try number()
            switch project.cost {
            case .total(let old):
                project.cost = .total(money(old, value))
            case .perYear(let amounts):
                let total = operation.apply(project.cost.total, value)
                let scaled = operation == .multiply
                    ? amounts.map { $0 * value }
                    : project.cost.scaled(toTotal: total, duration: amounts.count)
                project.cost = .perYear(scaled.map { ($0 * 100).rounded() / 100 })
            }
        case .exclude:
            project.exclude = try flag()
        case .mandatory:
            project.mandatory = try flag()
        case .funder:
            switch change.value {
            case .unset:
                project.funder = nil
            case .identifier(let id):
                guard index.funderIndex[id] != nil else {
                    throw fail(change.valueColumn, changer.unknown("funder", id, among: scenario.funders.map(\.id)))
                }
                project.funder = id
            default:
                throw mismatch()
            }
        case .earliestStart:
            project.earliestStart = operation.apply(project.earliestStart, try integer())
        case .latestStart:
            if change.value == .unset {
                project.latestStart = nil
            } else {
                project.latestStart = operation.apply(project.latestStart ?? scenario.horizon, try integer())
            }
        default:
            throw fail(change.fieldColumn, "\(change.field.rawValue) is not a field of a project")
        }
        scenario.projects[p] = project
        touched.append("projects[\(p)]")
    }

    private mutating func changeStrategy(_ s: Int) throws(ChangeExpressionError) {
        switch change.field {
        case .weight: scenario.strategies[s].weight = plain(scenario.strategies[s].weight, try number())
        case .minShare: scenario.strategies[s].minShare = plain(scenario.strategies[s].minShare, try number())
        default: throw fail(change.fieldColumn, "\(change.field.rawValue) is not a field of a strategy")
        }
        touched.append("strategies[\(s)]")
    }

    private mutating func changePolicy() throws(ChangeExpressionError) {
        var policy = scenario.policy
        switch change.field {
        case .escalationPenalty: policy.escalationPenalty = plain(policy.escalationPenalty, try number())
        case .delayDiscount: policy.delayDiscount = plain(policy.delayDiscount, try number())
        case .mipGap: policy.mipGap = plain(policy.mipGap, try number())
        case .timeLimit: policy.timeLimit = plain(policy.timeLimit, try number())
        case .strategyRequired:
            var levels: [Level] = []
            if case .levels(let given) = change.value {
                levels = given
            } else if change.value != .unset {
                throw mismatch()
            }
            switch operation {
            case .set, .multiply: policy.strategyRequired = levels
            case .add: policy.strategyRequired += levels.filter { !policy.strategyRequired.contains($0) }
            case .subtract: policy.strategyRequired.removeAll(where: levels.contains)
            }
        default:
            throw fail(change.fieldColumn, "\(change.field.rawValue) is not a field of the policy")
        }
        scenario.policy = policy
        touched.append("policy")
    }
}
