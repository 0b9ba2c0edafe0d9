/// Why a project cannot be explained.
public enum ExplainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No project has this id; `suggestion` is an id one or two typing mistakes away.
    case unknownProject(String, suggestion: String?)

    public var description: String {
        switch self {
        case .unknownProject(let id, let suggestion):
            "no project \"\(id)\" in the scenario" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        }
    }
}
