/// One body's plan in an integrated decision: the requests that reached it
/// (docs/plans.md defines them), what it funds, what it forwards and to whom,
/// and what stays unfunded, with its money per plan year.
public struct BodyPlan: Sendable, Equatable {
    /// Scenario index of the body (a funder).
    public var funder: Int
    /// Every request, in the order the plan lists them: the ones it funds, then
    /// those forwarded upward, then those another body of its level funds, each
    /// by start year; then the unfunded; ties in scenario order.
    public var requests: [PlanRequest]
    /// The body's budget per plan year.
    public var budget: [Double]
    /// What it spends per plan year on the projects it funds.
    public var used: [Double]

    public init(funder: Int, requests: [PlanRequest], budget: [Double], used: [Double]) {
        self.funder = funder
        self.requests = requests
        self.budget = budget
        self.used = used
    }

    /// The requests it funds.
    public var funded: [PlanRequest] { requests.filter { if case .funds = $0.outcome { true } else { false } } }

    /// The requests a higher level funds.
    public var forwarded: [PlanRequest] { requests.filter { if case .forwarded = $0.outcome { true } else { false } } }

    /// The requests another body of its level funds.
    public var sameLevel: [PlanRequest] { requests.filter { if case .sameLevel = $0.outcome { true } else { false } } }

    /// The requests nobody funds.
    public var unfunded: [PlanRequest] { requests.filter { if case .unfunded = $0.outcome { true } else { false } } }
}
