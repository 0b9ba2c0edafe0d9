/// Decoding of `projects` entries, including the year window and the
/// `costAt` / `valueAt` overrides whose shape depends on the duration.
extension ScenarioDecoder {
    static let projectKeys = [
        "id", "name", "area", "cost", "priority", "sector", "strategies", "selfReliant", "levels",
        "overlaps", "requires", "mandatory", "funder", "exclude", "duration", "earliestStart",
        "latestStart", "costAt", "valueAt",
    ]

    mutating func decodeProject(_ value: JSONValue, _ index: Int) -> Project {
        let at = EntityPath(list: "projects", index: index)
        var project = Project(id: "", area: "", cost: .total(1), priority: 0)
        guard let members = object(value, at: at.path) else { return project }
        var id, name, area, cost, priority, sector, strategies, selfReliant, levels, overlaps: JSONMember?
        var requires, mandatory, funder, exclude, duration, earliestStart, latestStart, costAt, valueAt: JSONMember?
        var xKeyLines: [String: Int] = [:]
        for member in members {
            switch member.key {
            case "id": take(&id, member, in: at.path)
            case "name": take(&name, member, in: at.path)
            case "area": take(&area, member, in: at.path)
            case "cost": take(&cost, member, in: at.path)
            case "priority": take(&priority, member, in: at.path)
            case "sector": take(&sector, member, in: at.path)
            case "strategies": take(&strategies, member, in: at.path)
            case "selfReliant": take(&selfReliant, member, in: at.path)
            case "levels": take(&levels, member, in: at.path)
            case "overlaps": take(&overlaps, member, in: at.path)
            case "requires": take(&requires, member, in: at.path)
            case "mandatory": take(&mandatory, member, in: at.path)
            case "funder": take(&funder, member, in: at.path)
            case "exclude": take(&exclude, member, in: at.path)
            case "duration": take(&duration, member, in: at.path)
            case "earliestStart": take(&earliestStart, member, in: at.path)
            case "latestStart": take(&latestStart, member, in: at.path)
            case "costAt": take(&costAt, member, in: at.path)
            case "valueAt": take(&valueAt, member, in: at.path)
            default: otherKey(member, in: at.path, known: Self.projectKeys, xKeyLines: &xKeyLines)
            }
        }
        if let id {
            project.id = identifier(id.value, at: at.key("id")) ?? ""
        } else {
            missing("id", in: at.path, line: value.line)
        }
        if let name { project.name = string(name.value, at: at.key("name")) }
        if let area {
            project.area = identifier(area.value, at: at.key("area")) ?? ""
        } else {
            missing("area", in: at.path, line: value.line)
        }
        if let cost {
            project.cost = self.cost(cost.value, at: at.key("cost")) ?? .total(1)
        } else {
            missing("cost", in: at.path, line: value.line)
        }
        if let priority {
            project.priority = number(priority.value, .nonNegative, at: at.key("priority")) ?? 0
        } else {
            missing("priority", in: at.path, line: value.line)
        }
        if let sector { project.sector = string(sector.value, at: at.key("sector")) }
        if let strategies { project.strategies = identifiers(strategies.value, at: at.key("strategies")) }
        if let selfReliant { project.selfReliant = bool(selfReliant.value, at: at.key("selfReliant")) ?? false }
        if let levels {
            project.levels = self.levels(levels.value, nonEmpty: true, rejectRepeats: true, at: at.key("levels"))
        }
        if let overlaps { project.overlaps = identifiers(overlaps.value, at: at.key("overlaps")) }
        if let requires { project.requires = identifiers(requires.value, at: at.key("requires")) }
        if let mandatory { project.mandatory = bool(mandatory.value, at: at.key("mandatory")) ?? false }
        if let funder { project.funder = identifier(funder.value, at: at.key("funder")) ?? "" }
        if let exclude { project.exclude = bool(exclude.value, at: at.key("exclude")) ?? false }

        let years = decodeYears(cost: cost, duration: duration, earliestStart: earliestStart,
                                latestStart: latestStart, at: at)
        project.duration = years.duration ?? 1
        project.earliestStart = years.earliestStart ?? 1
        project.latestStart = years.latestStart

        if let costAt, let entries = object(costAt.value, at: at.key("costAt")) {
            project.costAt = decodeOverrides(entries, at: at.key("costAt"), placeholder: .total(1)) { decoder, value, path in
                decoder.overrideCost(value, duration: years.duration, at: path)
            }
        }
        if let valueAt, let entries = object(valueAt.value, at: at.key("valueAt")) {
            project.valueAt = decodeOverrides(entries, at: at.key("valueAt"), placeholder: 0) { decoder, value, path in
                decoder.number(value, .nonNegative, at: path)
            }
        }
        return project
    }

    /// A project's duration and start window; nil for what is invalid (reported)
    /// or, for `duration`, unknown because it conflicts with `cost`.
    struct Years {
        var duration: Int?
        var earliestStart: Int?
        var latestStart: Int?
    }

    /// `duration` defaults to the number of yearly amounts in `cost` (else 1)
    /// and must agree with it when both are given; no value may pass the horizon.
    private mutating func decodeYears(
        cost: JSONMember?, duration: JSONMember?, earliestStart: JSONMember?, latestStart: JSONMember?,
        at: EntityPath
    ) -> Years {
        let lastYear = horizon ?? Self.horizons.upperBound
        let yearRequirement = horizon.map { "must be an integer from 1 to \($0) (the horizon)" }
        var years = Years()
        var costYears: Int?
        if let cost, case .array(let amounts) = cost.value.kind, !amounts.isEmpty {
            costYears = amounts.count
        }
        if let duration {
            years.duration = integer(duration.value, in: 1...lastYear, requirement: yearRequirement,
                                     at: at.key("duration"))
            if let given = years.duration, let costYears, let cost, costYears != given {
                report(at.key("cost"), line: cost.value.line,
                       "\(Self.yearlyAmounts(costYears)) but duration is \(given)")
                years.duration = nil
            }
        } else if let costYears, let cost {
            years.duration = costYears
            if let horizon, costYears > horizon {
                report(at.key("cost"), line: cost.value.line,
                       "\(Self.yearlyAmounts(costYears)) but horizon is \(horizon)")
            }
        } else {
            years.duration = 1
        }
        if let earliestStart {
            years.earliestStart = integer(earliestStart.value, in: 1...lastYear, requirement: yearRequirement,
                                          at: at.key("earliestStart"))
        }
        if let latestStart {
            years.latestStart = integer(latestStart.value, in: 1...lastYear, requirement: yearRequirement,
                                        at: at.key("latestStart"))
            if let earliest = years.earliestStart, let latest = years.latestStart, latest < earliest {
                report(at.key("latestStart"), line: latestStart.value.line,
                       "latestStart \(latest) is before earliestStart \(earliest)")
            }
        }
        return years
    }

    /// A `costAt` value: a total > 0, or one amount >= 0 per year of the
    /// duration (not all zero). Yearly amounts are checked against the
    /// duration only when the duration is known.
    private mutating func overrideCost(_ value: JSONValue, duration: Int?, at path: JSONPath) -> CostProfile? {
        let profile = cost(value, at: path)
        if case .array(let amounts) = value.kind, !amounts.isEmpty, let duration, amounts.count != duration {
            report(path, line: value.line, "\(Self.yearlyAmounts(amounts.count)) but duration is \(duration)")
            return nil
        }
        return profile
    }

    /// The members of a `costAt` or `valueAt` object, keyed by funder id or
    /// level name. Keys are checked against funders by the validator; an entry
    /// whose value is invalid is kept (with a placeholder) so its key is still
    /// checked. `x-` keys are ignored, as in every object.
    private mutating func decodeOverrides<Value>(
        _ members: [JSONMember], at path: JSONPath, placeholder: Value,
        _ decodeValue: (inout ScenarioDecoder, JSONValue, JSONPath) -> Value?
    ) -> [Project.Override<Value>] where Value: Sendable & Equatable {
        var overrides: [Project.Override<Value>] = []
        var firstLine: [String: Int] = [:]
        for member in members {
            let memberPath = path.key(member.key)
            if let line = firstLine[member.key] {
                report(memberPath, line: member.line, "duplicate key \"\(member.key)\" (first at line \(line))")
                continue
            }
            firstLine[member.key] = member.line
            if member.key.hasPrefix("x-") { continue }
            if member.key.isEmpty {
                report(memberPath, line: member.line, "the key must be a funder id or a level name, not empty")
                continue
            }
            let decoded = decodeValue(&self, member.value, memberPath) ?? placeholder
            overrides.append(Project.Override(key: member.key, value: decoded))
        }
        return overrides
    }
}
