/// How a change combines its value with the current one.
public enum ChangeOperation: String, Sendable, Equatable, CaseIterable {
    /// `=`: replace.
    case set = "="
    /// `+=` (also written `=+`): add; for a list, add the items not in it yet.
    case add = "+="
    /// `-=` (also written `=-`): subtract; for a list, remove the items.
    case subtract = "-="
    /// `*=`: multiply.
    case multiply = "*="

    /// `old` combined with `value`.
    func apply(_ old: Double, _ value: Double) -> Double {
        switch self {
        case .set: value
        case .add: old + value
        case .subtract: old - value
        case .multiply: old * value
        }
    }

    /// `old` combined with `value`, for whole numbers (never `*=`).
    func apply(_ old: Int, _ value: Int) -> Int {
        switch self {
        case .set, .multiply: value
        case .add: old + value
        case .subtract: old - value
        }
    }
}
