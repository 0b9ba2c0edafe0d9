/// How a cost is written in a scenario: a total spread evenly over the
/// project's duration, or one amount per year of the duration.
public enum CostProfile: Sendable, Equatable {
    case total(Double)
    case perYear([Double])

    /// The whole amount over all years.
    public var total: Double {
        switch self {
        case .total(let amount): amount
        case .perYear(let amounts): amounts.reduce(0, +)
        }
    }

    /// The amount falling in each year of a project lasting `duration` years.
    public func yearly(duration: Int) -> [Double] {
        switch self {
        case .total(let amount): Array(repeating: amount / Double(duration), count: duration)
        case .perYear(let amounts): amounts
        }
    }

    /// This profile's yearly split with its total replaced by `total`
    /// (a `costAt` number applied to a per-year `cost` scales that profile).
    public func scaled(toTotal total: Double, duration: Int) -> [Double] {
        switch self {
        case .total: return Array(repeating: total / Double(duration), count: duration)
        case .perYear(let amounts):
            let sum = amounts.reduce(0, +)
            guard sum > 0 else { return Array(repeating: total / Double(duration), count: duration) }
            return amounts.map { $0 * total / sum }
        }
    }
}
