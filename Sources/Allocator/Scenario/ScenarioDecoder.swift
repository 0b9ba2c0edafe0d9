/// Turns a parsed JSON tree into a `Scenario`, checking everything that can
/// be checked one value at a time: types, required keys, unknown and repeated
/// keys, ranges, and array lengths that depend on `horizon` or `duration`.
/// References between entities (ids, parents, `requires`) are left to
/// `ScenarioValidator`.
///
/// Every problem is collected; decoding never stops at the first. So that the
/// validator can still run on a broken file, the decoded scenario keeps one
/// entry per array element, in file order, with "" standing in for any id
/// or reference that could not be read (those were reported here, and the
/// validator skips "").
struct ScenarioDecoder {
    /// Problems found so far, in the order found (the reader sorts by line).
    var problems: [ScenarioProblem] = []
    /// The plan horizon once read; nil when `horizon` itself is invalid, in
    /// which case checks that depend on it are skipped rather than guessed.
    var horizon: Int? = 1

    /// Keys allowed at each level of the format, in the order the spec lists them.
    static let topKeys = ["format", "name", "fiscalYear", "horizon", "areas", "strategies", "funders", "projects", "policy"]
    static let areaKeys = ["id", "name", "parent", "kind"]
    static let strategyKeys = ["id", "name", "weight", "minShare"]
    static let policyKeys = ["escalationPenalty", "delayDiscount", "strategyRequired", "mipGap", "timeLimit"]

    /// Fiscal years accepted: Buddhist Era 2400 ... 2700 (Gregorian 1857 ... 2157).
    /// Wide enough for any plan, historical or future, yet it catches a
    /// Gregorian year (2026) written where the Buddhist Era one (2569) belongs.
    static let fiscalYears = 2400...2700
    /// Plan horizons accepted, in years.
    static let horizons = 1...10

    /// Decodes the document root.
    ///
    /// - Complexity: O(size of the document).
    mutating func decode(_ root: JSONValue) -> DecodedScenario {
        var decoded = DecodedScenario()
        guard case .object(let members) = root.kind else {
            report(.root, line: root.line, "expected a JSON object at the top level, found \(root.typeDescription)")
            decoded.areasListed = false
            decoded.strategiesListed = false
            decoded.fundersListed = false
            return decoded
        }
        var format, name, fiscalYear, horizon, areas, strategies, funders, projects, policy: JSONMember?
        var xKeyLines: [String: Int] = [:]
        for member in members {
            switch member.key {
            case "format": take(&format, member, in: .root)
            case "name": take(&name, member, in: .root)
            case "fiscalYear": take(&fiscalYear, member, in: .root)
            case "horizon": take(&horizon, member, in: .root)
            case "areas": take(&areas, member, in: .root)
            case "strategies": take(&strategies, member, in: .root)
            case "funders": take(&funders, member, in: .root)
            case "projects": take(&projects, member, in: .root)
            case "policy": take(&policy, member, in: .root)
            default: otherKey(member, in: .root, known: Self.topKeys, xKeyLines: &xKeyLines)
            }
        }
        if let format {
            if let text = string(format.value, at: JSONPath.root.key("format")), text != Scenario.format {
                report(JSONPath.root.key("format"), line: format.value.line,
                       "expected \"\(Scenario.format)\", found \"\(text)\"")
            }
        } else {
            missing("format", in: .root, line: root.line)
        }
        if let name {
            decoded.scenario.name = string(name.value, at: JSONPath.root.key("name")) ?? ""
        } else {
            missing("name", in: .root, line: root.line)
        }
        if let fiscalYear {
            decoded.scenario.fiscalYear = decodeFiscalYear(fiscalYear.value)
        }
        if let horizon {
            let years = Self.horizons
            self.horizon = integer(horizon.value, in: years, at: JSONPath.root.key("horizon"))
            decoded.scenario.horizon = self.horizon ?? 1
        }
        decoded.areasListed = decodeList(areas, "areas", required: true, line: root.line) { decoder, element, i in
            decoded.scenario.areas.append(decoder.decodeArea(element, i))
        }
        decoded.strategiesListed = decodeList(strategies, "strategies", required: false, line: root.line) { decoder, element, i in
            decoded.scenario.strategies.append(decoder.decodeStrategy(element, i))
        }
        decoded.fundersListed = decodeList(funders, "funders", required: true, line: root.line) { decoder, element, i in
            decoded.scenario.funders.append(decoder.decodeFunder(element, i))
        }
        _ = decodeList(projects, "projects", required: true, line: root.line) { decoder, element, i in
            decoded.scenario.projects.append(decoder.decodeProject(element, i))
        }
        if let policy {
            decoded.scenario.policy = decodePolicy(policy.value)
        }
        return decoded
    }

    /// Calls `decodeElement` for each element of a top-level array. Returns
    /// whether the list is usable for checking references into it (absent
    /// optional lists are: they are simply empty).
    private mutating func decodeList(
        _ member: JSONMember?, _ key: String, required: Bool, line: Int,
        _ decodeElement: (inout ScenarioDecoder, JSONValue, Int) -> Void
    ) -> Bool {
        guard let member else {
            if required { missing(key, in: .root, line: line) }
            return !required
        }
        guard let elements = array(member.value, at: JSONPath.root.key(key)) else { return false }
        for (i, element) in elements.enumerated() {
            decodeElement(&self, element, i)
        }
        return true
    }

    private mutating func decodeFiscalYear(_ value: JSONValue) -> Int? {
        let path = JSONPath.root.key("fiscalYear")
        let years = Self.fiscalYears
        let requirement = "must be a Buddhist Era year from \(years.lowerBound) to \(years.upperBound)"
        guard let year = integer(value, in: Int.min...Int.max, requirement: requirement, at: path) else {
            return nil
        }
        guard years.contains(year) else {
            var message = "\(requirement), found \(year)"
            if (years.lowerBound - 543...years.upperBound - 543).contains(year) {
                message += " (a Gregorian year? Gregorian \(year) is Buddhist Era \(year + 543))"
            }
            report(path, line: value.line, message)
            return nil
        }
        return year
    }

    // MARK: Areas and strategies

    mutating func decodeArea(_ value: JSONValue, _ index: Int) -> Area {
        let at = EntityPath(list: "areas", index: index)
        var area = Area(id: "")
        guard let members = object(value, at: at.path) else { return area }
        var id, name, parent, kind: JSONMember?
        var xKeyLines: [String: Int] = [:]
        for member in members {
            switch member.key {
            case "id": take(&id, member, in: at.path)
            case "name": take(&name, member, in: at.path)
            case "parent": take(&parent, member, in: at.path)
            case "kind": take(&kind, member, in: at.path)
            default: otherKey(member, in: at.path, known: Self.areaKeys, xKeyLines: &xKeyLines)
            }
        }
        if let id {
            area.id = identifier(id.value, at: at.key("id")) ?? ""
        } else {
            missing("id", in: at.path, line: value.line)
        }
        if let name { area.name = string(name.value, at: at.key("name")) }
        if let parent { area.parent = identifier(parent.value, at: at.key("parent")) ?? "" }
        if let kind, let text = string(kind.value, at: at.key("kind")) {
            area.kind = Area.Kind(rawValue: text)
            if area.kind == nil {
                report(at.key("kind"), line: kind.value.line,
                       "unknown kind \"\(text)\"; expected one of \(Area.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        return area
    }

    mutating func decodeStrategy(_ value: JSONValue, _ index: Int) -> Strategy {
        let at = EntityPath(list: "strategies", index: index)
        var strategy = Strategy(id: "")
        guard let members = object(value, at: at.path) else { return strategy }
        var id, name, weight, minShare: JSONMember?
        var xKeyLines: [String: Int] = [:]
        for member in members {
            switch member.key {
            case "id": take(&id, member, in: at.path)
            case "name": take(&name, member, in: at.path)
            case "weight": take(&weight, member, in: at.path)
            case "minShare": take(&minShare, member, in: at.path)
            default: otherKey(member, in: at.path, known: Self.strategyKeys, xKeyLines: &xKeyLines)
            }
        }
        if let id {
            strategy.id = identifier(id.value, at: at.key("id")) ?? ""
        } else {
            missing("id", in: at.path, line: value.line)
        }
        if let name { strategy.name = string(name.value, at: at.key("name")) }
        if let weight { strategy.weight = number(weight.value, .nonNegative, at: at.key("weight")) ?? 0 }
        if let minShare { strategy.minShare = number(minShare.value, .fraction, at: at.key("minShare")) ?? 0 }
        return strategy
    }

    // MARK: Policy

    mutating func decodePolicy(_ value: JSONValue) -> Policy {
        let at = JSONPath.root.key("policy")
        var policy = Policy()
        guard let members = object(value, at: at) else { return policy }
        var escalationPenalty, delayDiscount, strategyRequired, mipGap, timeLimit: JSONMember?
        var xKeyLines: [String: Int] = [:]
        for member in members {
            switch member.key {
            case "escalationPenalty": take(&escalationPenalty, member, in: at)
            case "delayDiscount": take(&delayDiscount, member, in: at)
            case "strategyRequired": take(&strategyRequired, member, in: at)
            case "mipGap": take(&mipGap, member, in: at)
            case "timeLimit": take(&timeLimit, member, in: at)
            default: otherKey(member, in: at, known: Self.policyKeys, xKeyLines: &xKeyLines)
            }
        }
        if let escalationPenalty,
           let x = number(escalationPenalty.value, .fractionBelowOne, at: at.key("escalationPenalty")) {
            policy.escalationPenalty = x
        }
        if let delayDiscount, let x = number(delayDiscount.value, .fractionBelowOne, at: at.key("delayDiscount")) {
            policy.delayDiscount = x
        }
        if let strategyRequired,
           let levels = levels(strategyRequired.value, nonEmpty: false, rejectRepeats: false,
                               at: at.key("strategyRequired")) {
            policy.strategyRequired = levels
        }
        if let mipGap, let x = number(mipGap.value, .fractionBelowOne, at: at.key("mipGap")) {
            policy.mipGap = x
        }
        if let timeLimit, let x = number(timeLimit.value, .positive, at: at.key("timeLimit")) {
            policy.timeLimit = x
        }
        return policy
    }
}

/// The path of one element of a top-level list (`projects[17]`), cheap to
/// carry around: the full `JSONPath` is built only when a problem is reported.
struct EntityPath {
    let list: String
    let index: Int

    var path: JSONPath { JSONPath([.key(list), .index(index)]) }

    func key(_ key: String) -> JSONPath { JSONPath([.key(list), .index(index), .key(key)]) }
}

/// What the decoder produced: a scenario with one entry per array element
/// (placeholders where unreadable), and which lists exist, so references into
/// a missing or malformed list are not reported once per reference.
struct DecodedScenario {
    var scenario = Scenario(name: "", areas: [], funders: [], projects: [])
    var areasListed = true
    var strategiesListed = true
    var fundersListed = true
}
