/// Writes a `Scenario` as an `allocate/1` document: keys in the order the
/// format's tables list them, optional keys left out when they hold their
/// default, so a written scenario is as short as a hand-written one and reads
/// back (through `ScenarioReader`) as the same value.
///
/// Conventions:
/// * a funder's budget is a scalar when every plan year has the same amount,
///   else one number per year;
/// * `CostProfile.total` is a number, `.perYear` an array;
/// * `duration` is written when it is not 1 and not already the length of
///   a per-year `cost` (the reader's default), `latestStart` when set,
///   `policy` only when some rule differs from the default.
public enum ScenarioWriter {
    /// The scenario as a JSON document; call `serialized()` for the file's text.
    ///
    /// - Complexity: O(size of the scenario).
    public static func json(_ s: Scenario) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("format", .string(Scenario.format)),
            ("name", .string(s.name)),
        ]
        if let fiscalYear = s.fiscalYear { members.append(("fiscalYear", .int(fiscalYear))) }
        if s.horizon != 1 { members.append(("horizon", .int(s.horizon))) }
        members.append(("areas", .array(s.areas.map(area))))
        if !s.strategies.isEmpty { members.append(("strategies", .array(s.strategies.map(strategy)))) }
        members.append(("funders", .array(s.funders.map(funder))))
        members.append(("projects", .array(s.projects.map(project))))
        let policyMembers = policy(s.policy)
        if !policyMembers.isEmpty { members.append(("policy", .object(policyMembers))) }
        return .object(members)
    }

    static func area(_ a: Area) -> JSONOutput {
        var m: [(String, JSONOutput)] = [("id", .string(a.id))]
        if let name = a.name { m.append(("name", .string(name))) }
        if let parent = a.parent { m.append(("parent", .string(parent))) }
        if let kind = a.kind { m.append(("kind", .string(kind.rawValue))) }
        return .object(m)
    }

    static func strategy(_ s: Strategy) -> JSONOutput {
        var m: [(String, JSONOutput)] = [("id", .string(s.id))]
        if let name = s.name { m.append(("name", .string(name))) }
        if s.weight != 0 { m.append(("weight", .number(s.weight))) }
        if s.minShare != 0 { m.append(("minShare", .number(s.minShare))) }
        return .object(m)
    }

    static func funder(_ f: Funder) -> JSONOutput {
        var m: [(String, JSONOutput)] = [("id", .string(f.id))]
        if let name = f.name { m.append(("name", .string(name))) }
        m.append(("level", .string(f.level.name)))
        if let area = f.area { m.append(("area", .string(area))) }
        m.append(("budget", budget(f.budget)))
        if let maxProjects = f.maxProjects { m.append(("maxProjects", .int(maxProjects))) }
        if let maxProjectCost = f.maxProjectCost { m.append(("maxProjectCost", .number(maxProjectCost))) }
        if let sectors = f.sectors { m.append(("sectors", .array(sectors.map { .string($0) }))) }
        return .object(m)
    }

    /// A scalar when every year is equal (the usual case), else the per-year array.
    static func budget(_ years: [Double]) -> JSONOutput {
        if let first = years.first, years.allSatisfy({ $0 == first }) { return .number(first) }
        return .array(years.map { .number($0) })
    }

    static func cost(_ c: CostProfile) -> JSONOutput {
        switch c {
        case .total(let amount): .number(amount)
        case .perYear(let amounts): .array(amounts.map { .number($0) })
        }
    }

    static func project(_ p: Project) -> JSONOutput {
        var m: [(String, JSONOutput)] = [("id", .string(p.id))]
        if let name = p.name { m.append(("name", .string(name))) }
        m.append(("area", .string(p.area)))
        m.append(("cost", cost(p.cost)))
        m.append(("priority", .number(p.priority)))
        if let sector = p.sector { m.append(("sector", .string(sector))) }
        if !p.strategies.isEmpty { m.append(("strategies", strings(p.strategies))) }
        if p.selfReliant { m.append(("selfReliant", .bool(true))) }
        if let levels = p.levels { m.append(("levels", .array(levels.map { .string($0.name) }))) }
        if !p.overlaps.isEmpty { m.append(("overlaps", strings(p.overlaps))) }
        if !p.requires.isEmpty { m.append(("requires", strings(p.requires))) }
        if p.mandatory { m.append(("mandatory", .bool(true))) }
        if let funder = p.funder { m.append(("funder", .string(funder))) }
        if p.exclude { m.append(("exclude", .bool(true))) }
        if p.duration != 1, !p.cost.hasYears(p.duration) { m.append(("duration", .int(p.duration))) }
        if p.earliestStart != 1 { m.append(("earliestStart", .int(p.earliestStart))) }
        if let latestStart = p.latestStart { m.append(("latestStart", .int(latestStart))) }
        if !p.costAt.isEmpty {
            m.append(("costAt", .object(p.costAt.map { ($0.key, cost($0.value)) })))
        }
        if !p.valueAt.isEmpty {
            m.append(("valueAt", .object(p.valueAt.map { ($0.key, .number($0.value)) })))
        }
        return .object(m)
    }

    /// Only the policy keys that differ from `Policy()`'s defaults, in the format's order.
    static func policy(_ p: Policy) -> [(String, JSONOutput)] {
        let d = Policy()
        var m: [(String, JSONOutput)] = []
        if p.escalationPenalty != d.escalationPenalty {
            m.append(("escalationPenalty", .number(p.escalationPenalty)))
        }
        if p.delayDiscount != d.delayDiscount { m.append(("delayDiscount", .number(p.delayDiscount))) }
        if p.strategyRequired != d.strategyRequired {
            m.append(("strategyRequired", .array(p.strategyRequired.map { .string($0.name) })))
        }
        if p.mipGap != d.mipGap { m.append(("mipGap", .number(p.mipGap))) }
        if p.timeLimit != d.timeLimit { m.append(("timeLimit", .number(p.timeLimit))) }
        return m
    }

    private static func strings(_ values: [String]) -> JSONOutput {
        .array(values.map { .string($0) })
    }
}

private extension CostProfile {
    /// Whether this is a per-year profile of exactly `duration` years.
    func hasYears(_ duration: Int) -> Bool {
        if case .perYear(let amounts) = self { return amounts.count == duration }
        return false
    }
}
