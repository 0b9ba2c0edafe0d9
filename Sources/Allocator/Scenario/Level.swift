/// A level of government that can fund projects, in the guideline's escalation
/// order: a need goes to the lowest level able to fund it, then upward.
public enum Level: Int, CaseIterable, Comparable, Sendable, Hashable {
    case community = 0
    case lao
    case district
    case province
    case ministry

    /// The name used in scenario files (`"lao"`, `"ministry"`, ...).
    public var name: String {
        switch self {
        case .community: "community"
        case .lao: "lao"
        case .district: "district"
        case .province: "province"
        case .ministry: "ministry"
        }
    }

    /// Parses a level name as written in scenario files.
    public init?(name: String) {
        guard let level = Level.allCases.first(where: { $0.name == name }) else { return nil }
        self = level
    }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
}
