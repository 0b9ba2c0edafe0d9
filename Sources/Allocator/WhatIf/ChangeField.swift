/// The field a change expression sets, with the value it takes and the
/// operators it allows. Field names are the scenario format's keys.
public enum ChangeField: String, Sendable, Equatable, CaseIterable {
    // Funders (one funder, a level's, or an area subtree's).
    case budget, maxProjects, maxProjectCost, sectors
    // Projects.
    case priority, cost, exclude, mandatory, funder, earliestStart, latestStart
    // Strategies.
    case weight, minShare
    // Policy.
    case escalationPenalty, delayDiscount, strategyRequired, mipGap, timeLimit

    /// What a field's value is, which decides how the text after the operator is read.
    public enum Kind: Sendable, Equatable {
        /// Baht: `500000`, `500,000`, `฿500,000`, `500000 บาท`.
        case money
        /// A share from 0 to 1, also as a percentage (`30%`).
        case fraction
        /// Any other number (a priority, a weight, seconds).
        case number
        /// A whole number.
        case integer
        /// `true` or `false` (also yes/no).
        case flag
        /// Sector names separated by `;`.
        case sectors
        /// Level names separated by `;`.
        case levels
        /// A funder id.
        case funderID
    }

    public var kind: Kind {
        switch self {
        case .budget, .maxProjectCost, .cost: .money
        case .minShare, .escalationPenalty, .delayDiscount, .mipGap: .fraction
        case .priority, .weight, .timeLimit: .number
        case .maxProjects, .earliestStart, .latestStart: .integer
        case .exclude, .mandatory: .flag
        case .sectors: .sectors
        case .strategyRequired: .levels
        case .funder: .funderID
        }
    }

    /// The operators the field allows: numbers take all four, whole numbers
    /// and lists no `*=`, yes/no and a funder id only `=`.
    public var operations: [ChangeOperation] {
        switch kind {
        case .money, .fraction, .number: [.set, .add, .subtract, .multiply]
        case .integer, .sectors, .levels: [.set, .add, .subtract]
        case .flag, .funderID: [.set]
        }
    }

    /// The word that, after `=`, removes a limit or a restriction
    /// (`maxProjects=none`, `sectors=any`), when the field has one.
    public var unsetWord: String? {
        switch self {
        case .maxProjects, .maxProjectCost, .latestStart, .funder, .strategyRequired: "none"
        case .sectors: "any"
        default: nil
        }
    }

    /// Whether `[year]` may follow the field: only a budget has plan years.
    public var hasPlanYears: Bool { self == .budget }

    /// What the value should look like, for messages.
    var expected: String {
        switch self {
        case .budget, .maxProjectCost, .cost: "an amount in baht (e.g. 500000 or 500,000)"
        case .minShare, .escalationPenalty, .delayDiscount, .mipGap: "a share from 0 to 1 (e.g. 0.3 or 30%)"
        case .priority, .weight: "a number (e.g. 8 or 0.5)"
        case .timeLimit: "a number of seconds (e.g. 30)"
        case .maxProjects, .earliestStart, .latestStart: "a whole number (e.g. 3)"
        case .exclude, .mandatory: "true or false"
        case .sectors: "sector names separated by ; (e.g. roads;water)"
        case .strategyRequired: "level names separated by ; (e.g. lao;district)"
        case .funder: "a funder id"
        }
    }
}
