/// One funder's part of the model at a decision, the program its budget prices
/// are read from (docs/prices.md): every choice that is not the funder's is
/// held as the decision has it; the funder's own choices of the projects it
/// funds or that are left unfunded are free. Row bounds absorb the held
/// choices, so the funder may spend its own money and project limit as it
/// likes, within every overlap group, `requires` edge and minimum share the
/// held choices leave room for.
///
/// Solved with its columns in [0, 1] it is a linear program whose budget rows'
/// dual values are the prices; solved with 0/1 columns it is the funder's own
/// re-solve (`allocate explain --funder`). The held decision's columns of the
/// part (`start`) satisfy every row, so both are feasible.
///
/// A row with a single column that the bounds [0, 1] already imply is left
/// out, and a column such a row holds at 0 (a project whose overlap group is
/// taken elsewhere, or whose required project is unfunded) is left out with
/// it: a smaller program with the same solutions. The funder's own budget and
/// project-limit rows are always kept.
public struct FunderLP: Sendable {
    /// The funder (index into `Scenario.funders`).
    public let funder: Int
    /// Column `i` of `linear` is column `columns[i]` of the model.
    public let columns: [Int]
    /// Row `r` of `linear` is row `rows[r]` of the model.
    public let rows: [Int]
    public let linear: LinearModel
    /// The row of `linear` holding the funder's budget of plan year `y` at
    /// index `y - 1`; nil when no free column spends money that year.
    public let budgetRows: [Int?]
    /// The row of `linear` holding the funder's `maxProjects`, if it has one with a free column.
    public let capacityRow: Int?
    /// The columns of `linear` that the held decision sets to 1.
    public let start: [Int]

    public init(
        funder: Int, columns: [Int], rows: [Int], linear: LinearModel, budgetRows: [Int?], capacityRow: Int?,
        start: [Int]
    ) {
        self.funder = funder
        self.columns = columns
        self.rows = rows
        self.linear = linear
        self.budgetRows = budgetRows
        self.capacityRow = capacityRow
        self.start = start
    }
}
