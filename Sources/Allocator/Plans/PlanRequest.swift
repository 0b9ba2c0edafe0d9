/// One request in a body's plan: a project that reached the body, and what
/// became of it in the decision.
public struct PlanRequest: Sendable, Equatable {
    /// What became of a request.
    public enum Outcome: Sendable, Equatable {
        /// The body funds it, starting in plan year `start`.
        case funds(start: Int)
        /// A body at a higher level funds it (scenario index of that funder), from plan year `start`.
        case forwarded(funder: Int, start: Int)
        /// Another body at the same level funds it (a provincial administrative
        /// organisation, level `lao`, beside a tambon LAO, say).
        case sameLevel(funder: Int, start: Int)
        /// Nobody funds it; the result's reason code and sentence.
        case unfunded(UnfundedReason)

        /// The short code used in the CSV: `funds`, `forwarded`, `sameLevel`, `unfunded`.
        public var code: String {
            switch self {
            case .funds: "funds"
            case .forwarded: "forwarded"
            case .sameLevel: "sameLevel"
            case .unfunded: "unfunded"
            }
        }
    }

    /// Scenario index of the project.
    public var project: Int
    public var outcome: Outcome
    /// Money the funding body spends on it in each plan year (`horizon` entries, after
    /// `costAt`); all zero when it is unfunded.
    public var yearly: [Double]

    public init(project: Int, outcome: Outcome, yearly: [Double]) {
        self.project = project
        self.outcome = outcome
        self.yearly = yearly
    }

    /// The funder that funds it (this body or another), nil when unfunded.
    public func funder(body: Int) -> Int? {
        switch outcome {
        case .funds: body
        case .forwarded(let funder, _), .sameLevel(let funder, _): funder
        case .unfunded: nil
        }
    }

    /// The plan year its funding starts, nil when unfunded.
    public var start: Int? {
        switch outcome {
        case .funds(let start), .forwarded(_, let start), .sameLevel(_, let start): start
        case .unfunded: nil
        }
    }

    /// Its cost at the body that funds it, over all plan years (0 when unfunded).
    public var cost: Double { yearly.reduce(0, +) }
}
