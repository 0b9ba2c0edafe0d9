/// Which constraint family of the spec's model a row belongs to. Kept beside the
/// matrix so that methods working from the model's structure (the Lagrangian
/// bound keeps each funder's own rows and prices the rest) need not parse names.
public enum RowFamily: Sendable, Equatable {
    /// Project funded at most once (exactly once if mandatory).
    case project
    /// Overlap group: at most one of its projects.
    case overlap
    /// A funder's budget in one plan year (`year` is 1-based).
    case budget(funder: Int, year: Int)
    /// A funder's `maxProjects`.
    case capacity(funder: Int)
    /// A `requires` edge.
    case requires
    /// A strategy's minimum share.
    case share

    /// The funder whose own money or capacity the row limits, if any.
    public var funder: Int? {
        switch self {
        case .budget(let f, _), .capacity(let f): f
        default: nil
        }
    }
}
