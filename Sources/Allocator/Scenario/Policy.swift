/// Decision rules and solver limits of a scenario.
public struct Policy: Sendable, Equatable {
    /// Value lost per level of escalation above the lowest allowed level (subsidiarity).
    public var escalationPenalty: Double
    /// Value lost per year of delay (horizon > 1).
    public var delayDiscount: Double
    /// Levels that may fund only strategy-linked projects (section 53/1).
    public var strategyRequired: [Level]
    /// Relative optimality gap at which the solve stops; 0 asks for a proven optimum.
    public var mipGap: Double
    /// Seconds; the best decision so far is returned with its gap.
    public var timeLimit: Double

    public init(
        escalationPenalty: Double = 0.001, delayDiscount: Double = 0.05,
        strategyRequired: [Level] = [.lao, .district, .province, .ministry],
        mipGap: Double = 0.001, timeLimit: Double = 60
    ) {
        self.escalationPenalty = escalationPenalty
        self.delayDiscount = delayDiscount
        self.strategyRequired = strategyRequired
        self.mipGap = mipGap
        self.timeLimit = timeLimit
    }
}
