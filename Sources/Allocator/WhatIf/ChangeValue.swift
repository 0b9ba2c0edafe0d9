/// The value written after a change's operator, read by the kind of value
/// its field holds (`ChangeField.Kind`).
public enum ChangeValue: Sendable, Equatable {
    /// An amount, a share, a priority, seconds, or a factor for `*=`.
    case number(Double)
    case integer(Int)
    case flag(Bool)
    /// Sector names.
    case names([String])
    case levels([Level])
    /// A funder id (a project's pinned funder).
    case identifier(String)
    /// `none` (no limit, no pinned funder, no level) or `any` (every sector).
    case unset
}
