/// Why a project cannot be explained.
public enum ExplainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No project has this id; `suggestion` is an id one or two typing mistakes away.
    case unknownProject(String, suggestion: String?)
    /// No funder has this id; `suggestion` is an id one or two typing mistakes away.
    case unknownFunder(String, suggestion: String?)
    /// The year names no plan year: neither 1 to `horizon` nor a fiscal year of the plan.
    case unknownYear(Int, horizon: Int, fiscalYear: Int?)

    public var description: String {
        switch self {
        case .unknownProject(let id, let suggestion):
            "no project \"\(id)\" in the scenario" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .unknownFunder(let id, let suggestion):
            "no funder \"\(id)\" in the scenario" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .unknownYear(let year, let horizon, let fiscalYear):
            "--year \(year) is not a plan year of the scenario: give 1" + (horizon > 1 ? " to \(horizon)" : "")
                + (fiscalYear.map { " or the fiscal year" + (horizon > 1 ? " \($0) to \($0 + horizon - 1)" : " \($0)") } ?? "")
        }
    }
}
