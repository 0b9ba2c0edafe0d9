/// One re-solve of `allocate explain --funder`, and what it changed against
/// the decision explained.
public struct FunderResolve: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Only the funder's own choices re-solved (as in its budget price),
        /// every other choice held as decided; GLPK's branch and cut, mipGap 0.
        case funderAlone
        /// The whole changed scenario re-solved (`Allocation.solve`, the
        /// decision's mipGap), every funder free, started from the decision.
        case whole
    }

    public var kind: Kind
    /// Baht added to the funder's budget in each year of the extra money's years (0: the decision's own budget).
    public var extra: Double
    public var status: SolveStatus
    /// The re-solve's decision and its objective (the spec's formula); nil without a decision.
    public var decision: Decision?
    public var objective: Double?
    /// `objective` less the objective of the decision explained.
    public var gain: Double?
    /// The re-solve's proven gap, relative and in objective units; nil when unknown.
    public var gap: Double?
    public var absoluteGap: Double?
    public var stoppedAtTimeLimit: Bool
    /// Projects newly funded, dropped or moved against the decision explained.
    public var changes: DecisionChanges
    /// Money the funder spends, over all plan years, more than in the decision explained.
    public var spentAtFunder: Double?

    public init(
        kind: Kind, extra: Double, status: SolveStatus, decision: Decision?, objective: Double?, gain: Double?,
        gap: Double?, absoluteGap: Double?, stoppedAtTimeLimit: Bool, changes: DecisionChanges, spentAtFunder: Double?
    ) {
        self.kind = kind
        self.extra = extra
        self.status = status
        self.decision = decision
        self.objective = objective
        self.gain = gain
        self.gap = gap
        self.absoluteGap = absoluteGap
        self.stoppedAtTimeLimit = stoppedAtTimeLimit
        self.changes = changes
        self.spentAtFunder = spentAtFunder
    }
}
