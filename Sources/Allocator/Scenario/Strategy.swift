/// A provincial development strategy that funded projects should serve
/// (State Administration Act section 53/1).
public struct Strategy: Sendable, Equatable {
    public var id: String
    public var name: String?
    /// Raises the value of linked projects: value = priority * (1 + sum of weights).
    public var weight: Double
    /// Money to projects serving this strategy must be at least this fraction of all money allocated.
    public var minShare: Double

    public init(id: String, name: String? = nil, weight: Double = 0, minShare: Double = 0) {
        self.id = id
        self.name = name
        self.weight = weight
        self.minShare = minShare
    }
}
