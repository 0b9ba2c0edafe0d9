/// A binary linear program as plain data, independent of any solver:
/// maximise `objective · x` subject to `lower ≤ A x ≤ upper`, every `x` in {0, 1}.
///
/// The matrix is stored row by row (compressed sparse rows) because the builder
/// produces it one constraint at a time; the solver layer converts it to the
/// 1-based triplets GLPK loads in a single call.
public struct LinearModel: Sendable {
    /// Row bounds; `nil` is unbounded on that side.
    public struct RowBounds: Sendable, Equatable {
        public var lower: Double?
        public var upper: Double?
        public init(lower: Double?, upper: Double?) {
            self.lower = lower
            self.upper = upper
        }
    }

    /// Objective coefficient of each column (maximised).
    public private(set) var objective: [Double] = []
    /// Column names, for model files a person can audit.
    public private(set) var columnNames: [String] = []
    public private(set) var rowBounds: [RowBounds] = []
    public private(set) var rowNames: [String] = []
    /// `rowStart[i] ..< rowStart[i + 1]` indexes row `i`'s entries.
    public private(set) var rowStart: [Int] = [0]
    public private(set) var entryColumn: [Int32] = []
    public private(set) var entryValue: [Double] = []

    public init() {}

    public var columnCount: Int { objective.count }
    public var rowCount: Int { rowBounds.count }
    public var entryCount: Int { entryValue.count }

    /// Adds a binary column and returns its 0-based index.
    public mutating func addColumn(objective value: Double, name: String) -> Int {
        objective.append(value)
        columnNames.append(name)
        return objective.count - 1
    }

    /// Adds a row `lower ≤ Σ coefficients ≤ upper`; zero coefficients are dropped.
    /// - Precondition: every column index exists and appears once.
    public mutating func addRow(
        name: String, lower: Double?, upper: Double?, entries: [(column: Int, value: Double)]
    ) {
        for (column, value) in entries where value != 0 {
            precondition(column >= 0 && column < columnCount, "column out of range")
            entryColumn.append(Int32(column))
            entryValue.append(value)
        }
        rowStart.append(entryValue.count)
        rowBounds.append(RowBounds(lower: lower, upper: upper))
        rowNames.append(name)
    }

    /// Sets row `i`'s upper bound: a funder's budget changed in place
    /// (`ModelBuilder.rebudgeted(_:to:)`).
    public mutating func setUpper(_ upper: Double?, ofRow i: Int) {
        rowBounds[i].upper = upper
    }

    /// The entries of row `i` as (column, value) pairs.
    public func row(_ i: Int) -> [(column: Int, value: Double)] {
        (rowStart[i] ..< rowStart[i + 1]).map { (Int(entryColumn[$0]), entryValue[$0]) }
    }

    /// Objective value of a 0/1 point given as the set of columns at 1.
    public func objectiveValue(ofColumns columns: [Int]) -> Double {
        columns.reduce(0) { $0 + objective[$1] }
    }

    /// The largest violation of any row by the 0/1 point `x`, relative to the
    /// row's bound (divided by max(1, |bound|)); 0 when every row holds.
    public func maximumViolation(_ x: [Bool]) -> Double {
        var worst = 0.0
        for i in 0 ..< rowCount {
            var activity = 0.0
            for k in rowStart[i] ..< rowStart[i + 1] where x[Int(entryColumn[k])] {
                activity += entryValue[k]
            }
            worst = max(worst, violation(ofRow: i, activity: activity))
        }
        return worst
    }

    /// How far `activity` lies outside row `i`'s bounds, relative to the bound
    /// (divided by max(1, |bound|)); at most 0 within them.
    public func violation(ofRow i: Int, activity: Double) -> Double {
        var worst = 0.0
        if let lower = rowBounds[i].lower { worst = max(worst, (lower - activity) / max(1, abs(lower))) }
        if let upper = rowBounds[i].upper { worst = max(worst, (activity - upper) / max(1, abs(upper))) }
        return worst
    }

    /// The largest relative row violation of the point with these columns at 1.
    public func maximumViolation(ofColumns columns: [Int]) -> Double {
        var x = [Bool](repeating: false, count: columnCount)
        for j in columns { x[j] = true }
        return maximumViolation(x)
    }

    /// Largest relative row violation a decision may have: budgets in baht are
    /// met to well under a satang.
    public static let feasibilityTolerance = 1e-9
}
