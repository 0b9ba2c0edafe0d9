/// Why a selection of plans cannot be shown.
public enum PlanSelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownFunder(String, suggestion: String?)
    case unknownLevel(String)
    case unknownArea(String, suggestion: String?)
    /// Everything given exists, but no body matches all of it; `areasAtLevel`
    /// lists the areas of the bodies of the level asked for, as a hint.
    case noBody(level: String?, area: String?, funders: [String], areasAtLevel: [String])

    public var description: String {
        switch self {
        case .unknownFunder(let id, let suggestion):
            return "no funder \"\(id)\" in the scenario" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .unknownLevel(let name):
            return "unknown level \"\(name)\": the levels are " + Level.allCases.map(\.name).joined(separator: ", ")
        case .unknownArea(let id, let suggestion):
            return "no area \"\(id)\" in the scenario" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .noBody(let level, let area, let funders, let areas):
            var parts: [String] = []
            if !funders.isEmpty { parts.append("is one of " + funders.joined(separator: ", ")) }
            if let level { parts.append("is at level \(level)") }
            if let area { parts.append("has area \(area) or an area inside it") }
            var text = "no body " + parts.joined(separator: " and ")
            if let level {
                if areas.isEmpty {
                    text += " (the scenario has no \(level) body)"
                } else {
                    let shown = areas.prefix(6).joined(separator: ", ")
                    text += " (the \(level) bodies' areas: \(shown)\(areas.count > 6 ? " and \(areas.count - 6) more" : ""))"
                }
            }
            return text
        }
    }
}
