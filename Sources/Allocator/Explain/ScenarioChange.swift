/// One change to a scenario whose effect on a project is tried by re-solving:
/// more money for one funder, or another priority for the project.
public enum ScenarioChange: Sendable, Equatable {
    /// `amount` baht more in the budget of funder `funder` (a scenario index) in
    /// each plan year of `years` (1-based).
    case extraBudget(funder: Int, years: ClosedRange<Int>, amount: Double)
    /// Project `project` (a scenario index) gets priority `priority`.
    case priority(project: Int, priority: Double)

    /// The scenario with this change made; everything else is the same.
    public func applied(to scenario: Scenario) -> Scenario {
        var s = scenario
        switch self {
        case .extraBudget(let f, let years, let amount):
            for y in years { s.funders[f].budget[y - 1] += amount }
        case .priority(let p, let priority):
            s.projects[p].priority = priority
        }
        return s
    }
}
