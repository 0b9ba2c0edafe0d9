/// One re-solve of a changed scenario and what it did with the project asked about.
public struct Resolve: Sendable, Equatable {
    /// The figure tried: extra baht per plan year, or the priority.
    public var figure: Double
    /// The re-solve's status; without a decision (`noSolution`) nothing is known about the project.
    public var status: SolveStatus
    /// The funder that funds the project in the re-solve's decision; nil when it stays unfunded.
    public var funder: Int?
    /// The re-solve's proven gap, relative and in objective units (bound − objective); nil when unknown.
    public var gap: Double?
    public var absoluteGap: Double?
    /// Whether the re-solve stopped at its time limit rather than by reaching `mipGap`.
    public var stoppedAtTimeLimit: Bool

    public init(
        figure: Double, status: SolveStatus, funder: Int?, gap: Double?, absoluteGap: Double?, stoppedAtTimeLimit: Bool
    ) {
        self.figure = figure
        self.status = status
        self.funder = funder
        self.gap = gap
        self.absoluteGap = absoluteGap
        self.stoppedAtTimeLimit = stoppedAtTimeLimit
    }

    /// Whether the re-solve funds the project; nil when it returned no decision.
    public var funds: Bool? {
        status.hasDecision ? funder != nil : nil
    }
}
