/// One parsed change expression, such as `level:province.budget*=0.9` or
/// `funder:LAO-KK-01-03.budget[2]+=500000` (docs/whatif.md has the syntax).
///
/// It is only read, not yet checked against a scenario: ids are resolved,
/// and plan years checked against the horizon, when it is applied
/// (`ScenarioChanger`). The columns say where each part starts in `text`,
/// so a problem found then can point at it.
public struct Change: Sendable, Equatable {
    /// The expression as written.
    public var text: String
    public var target: ChangeTarget
    public var field: ChangeField
    /// The 1-based plan year of `[year]`; nil changes every plan year.
    public var year: Int?
    public var operation: ChangeOperation
    public var value: ChangeValue

    /// 1-based columns (in characters) of the target's id (or the level name), the field, the year, and the value.
    public var idColumn: Int
    public var fieldColumn: Int
    public var yearColumn: Int?
    public var valueColumn: Int

    public init(
        text: String, target: ChangeTarget, field: ChangeField, year: Int? = nil, operation: ChangeOperation,
        value: ChangeValue, idColumn: Int = 1, fieldColumn: Int = 1, yearColumn: Int? = nil, valueColumn: Int = 1
    ) {
        self.text = text
        self.target = target
        self.field = field
        self.year = year
        self.operation = operation
        self.value = value
        self.idColumn = idColumn
        self.fieldColumn = fieldColumn
        self.yearColumn = yearColumn
        self.valueColumn = valueColumn
    }
}
