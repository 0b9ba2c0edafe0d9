/// Decoding of `funders` entries.
extension ScenarioDecoder {
    static let funderKeys = ["id", "name", "level", "area", "budget", "maxProjects", "maxProjectCost", "sectors"]

    mutating func decodeFunder(_ value: JSONValue, _ index: Int) -> Funder {
        let at = EntityPath(list: "funders", index: index)
        var funder = Funder(id: "", level: .ministry, budget: [])
        guard let members = object(value, at: at.path) else { return funder }
        var id, name, level, area, budget, maxProjects, maxProjectCost, sectors: JSONMember?
        var xKeyLines: [String: Int] = [:]
        for member in members {
            switch member.key {
            case "id": take(&id, member, in: at.path)
            case "name": take(&name, member, in: at.path)
            case "level": take(&level, member, in: at.path)
            case "area": take(&area, member, in: at.path)
            case "budget": take(&budget, member, in: at.path)
            case "maxProjects": take(&maxProjects, member, in: at.path)
            case "maxProjectCost": take(&maxProjectCost, member, in: at.path)
            case "sectors": take(&sectors, member, in: at.path)
            default: otherKey(member, in: at.path, known: Self.funderKeys, xKeyLines: &xKeyLines)
            }
        }
        if let id {
            funder.id = identifier(id.value, at: at.key("id")) ?? ""
        } else {
            missing("id", in: at.path, line: value.line)
        }
        if let name { funder.name = string(name.value, at: at.key("name")) }
        var knownLevel: Level?
        if let level {
            knownLevel = self.level(level.value, at: at.key("level"))
            funder.level = knownLevel ?? .ministry
        } else {
            missing("level", in: at.path, line: value.line)
        }
        if let area {
            funder.area = identifier(area.value, at: at.key("area")) ?? ""
        } else if let knownLevel, knownLevel != .ministry {
            report(at.path, line: value.line,
                   "missing required key \"area\" (only a ministry funder may serve every area)")
        }
        if let budget {
            funder.budget = decodeBudget(budget.value, at: at.key("budget"))
        } else {
            missing("budget", in: at.path, line: value.line)
        }
        if let maxProjects {
            funder.maxProjects = integer(maxProjects.value, in: 0...Int.max, at: at.key("maxProjects"))
        }
        if let maxProjectCost {
            funder.maxProjectCost = number(maxProjectCost.value, .positive, at: at.key("maxProjectCost"))
        }
        if let sectors {
            funder.sectors = decodeSectors(sectors.value, at: at.key("sectors"))
        }
        return funder
    }

    /// A number >= 0 for every plan year, or one number >= 0 per plan year;
    /// always returned with one entry per year.
    private mutating func decodeBudget(_ value: JSONValue, at path: JSONPath) -> [Double] {
        switch value.kind {
        case .number:
            guard let amount = number(value, .nonNegative, at: path) else { return [] }
            return Array(repeating: amount, count: horizon ?? 1)
        case .array(let elements):
            var amounts: [Double] = []
            for (i, element) in elements.enumerated() {
                if let amount = number(element, .nonNegative, at: path.index(i)) { amounts.append(amount) }
            }
            if let horizon, elements.count != horizon {
                report(path, line: value.line,
                       "\(Self.yearlyAmounts(elements.count)) but horizon is \(horizon) (give one per plan year, or a single number for every year)")
            }
            return amounts
        default:
            wrongType(value, expected: "a number or an array of yearly amounts", at: path)
            return []
        }
    }

    /// Sector names, each at most once.
    private mutating func decodeSectors(_ value: JSONValue, at path: JSONPath) -> [String]? {
        guard let elements = array(value, at: path) else { return nil }
        var sectors: [String] = []
        var firstIndex: [String: Int] = [:]
        for (i, element) in elements.enumerated() {
            guard let sector = string(element, at: path.index(i)) else { continue }
            if let first = firstIndex[sector] {
                report(path.index(i), line: element.line, "sector \"\(sector)\" is already listed at \(path.index(first))")
                continue
            }
            firstIndex[sector] = i
            sectors.append(sector)
        }
        return sectors
    }

    /// "1 yearly amount", "3 yearly amounts".
    static func yearlyAmounts(_ count: Int) -> String {
        count == 1 ? "1 yearly amount" : "\(count) yearly amounts"
    }
}
