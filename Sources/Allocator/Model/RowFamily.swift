/// Which constraint family of the spec's model a row belongs to. Kept beside the
/// matrix so that methods working from the model's structure (the Lagrangian
/// bound keeps each funder's own rows and prices the rest) need not parse names.
public enum RowFamily: Sendable, Equatable {
    /// Project `project` funded at most once (exactly once if mandatory).
    case project(Int)
    /// Overlap group `group`: at most one of its projects.
    case overlap(group: String)
    /// A funder's budget in one plan year (`year` is 1-based).
    case budget(funder: Int, year: Int)
    /// A funder's `maxProjects`.
    case capacity(funder: Int)
    /// A `requires` edge: `project` only if `required` (by a plan year when the horizon is > 1).
    case requires(project: Int, required: Int)
    /// Strategy `strategy`'s minimum share.
    case share(strategy: Int)

    /// The funder whose own money or capacity the row limits, if any.
    public var funder: Int? {
        switch self {
        case .budget(let f, _), .capacity(let f): f
        default: nil
        }
    }
}
