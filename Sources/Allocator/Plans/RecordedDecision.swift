/// A decision as a result file records it, checked against its scenario:
/// who funds each project and from which plan year, and the result's own
/// reason for each project left unfunded.
public struct RecordedDecision: Sendable, Equatable {
    /// The result's `status`.
    public var status: SolveStatus
    /// One entry per scenario project; all nil when the result has no decision.
    public var decision: Decision
    /// The result's `reason` and `explanation` for each unfunded project, nil for funded ones.
    public var reasons: [UnfundedReason?]

    public init(status: SolveStatus, decision: Decision, reasons: [UnfundedReason?]) {
        self.status = status
        self.decision = decision
        self.reasons = reasons
    }
}
