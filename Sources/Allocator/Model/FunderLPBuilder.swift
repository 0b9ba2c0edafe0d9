/// Cuts `FunderLP`s out of a model at one decision, any number of funders,
/// each in time proportional to its own choices and their rows: what is
/// shared (the matrix by column, each row's activity at the decision, who
/// funds each project) is worked out once.
public struct FunderLPBuilder: Sendable {
    public let model: AllocationModel
    /// The decision's columns at 1.
    public let decision: [Int]
    private let byColumn: ColumnRows
    private let activity: [Double]
    private let isOne: [Bool]
    /// The funder of each project in the decision, nil when unfunded.
    private let fundedBy: [Int?]
    /// Each funder's columns, in column order.
    private let columnsOf: [[Int]]
    /// The funder (budget or capacity row) of each row, -1 for shared rows;
    /// the plan year of a budget row, 0 otherwise.
    private let rowFunder: [Int32]
    private let rowYear: [Int32]

    /// - Parameter decision: the columns at 1; they must satisfy every row.
    /// - Complexity: O(rows + columns + entries).
    public init(model: AllocationModel, decision: [Int]) {
        self.model = model
        self.decision = decision
        let linear = model.linear
        byColumn = ColumnRows(linear)
        activity = linear.activity(ofColumns: decision)
        var isOne = [Bool](repeating: false, count: linear.columnCount)
        var fundedBy = [Int?](repeating: nil, count: model.scenario.projects.count)
        for j in decision {
            isOne[j] = true
            fundedBy[model.choices[j].project] = model.choices[j].funder
        }
        self.isOne = isOne
        self.fundedBy = fundedBy
        var columnsOf = Array(repeating: [Int](), count: model.scenario.funders.count)
        for (j, c) in model.choices.enumerated() { columnsOf[c.funder].append(j) }
        self.columnsOf = columnsOf
        var rowFunder = [Int32](repeating: -1, count: linear.rowCount)
        var rowYear = [Int32](repeating: 0, count: linear.rowCount)
        for (i, family) in model.rowFamilies.enumerated() {
            switch family {
            case .budget(let f, let year): (rowFunder[i], rowYear[i]) = (Int32(f), Int32(year))
            case .capacity(let f): rowFunder[i] = Int32(f)
            default: break
            }
        }
        self.rowFunder = rowFunder
        self.rowYear = rowYear
    }

    /// The model's columns funder `f` may change at the decision: its own
    /// choices of the projects it funds or that are unfunded, in column order.
    public func part(of f: Int) -> [Int] {
        columnsOf[f].filter { j in
            let owner = fundedBy[model.choices[j].project]
            return owner == nil || owner == f
        }
    }

    /// Funder `f`'s program.
    ///
    /// - Complexity: O(e log e) for the e matrix entries of `f`'s free columns.
    public func lp(of f: Int) -> FunderLP {
        let horizon = model.scenario.horizon
        let part = part(of: f)
        // The rows the part touches, each with its entries (as indices into `part`).
        var slot: [Int32: Int] = [:]
        var touched: [Int] = []
        var entries: [[(column: Int, value: Double)]] = []
        for (i, j) in part.enumerated() {
            for k in byColumn.entries(of: j) {
                let r = byColumn.row[k]
                let s: Int
                if let known = slot[r] {
                    s = known
                } else {
                    s = touched.count
                    slot[r] = s
                    touched.append(Int(r))
                    entries.append([])
                }
                entries[s].append((i, byColumn.value[k]))
            }
        }
        let order = touched.indices.sorted { touched[$0] < touched[$1] }
        let linear = model.linear
        var bounds: [LinearModel.RowBounds] = []
        for s in touched.indices {
            let r = touched[s]
            var own = 0.0
            for (i, value) in entries[s] where isOne[part[i]] { own += value }
            let held = activity[r] - own
            var b = linear.rowBounds[r]
            b.lower = b.lower.map { $0 - held }
            b.upper = b.upper.map { $0 - held }
            bounds.append(b)
        }
        // Single-column rows other than the funder's own: implied by [0, 1]
        // (left out), or holding their column at 0 (both left out).
        var keepRow = [Bool](repeating: true, count: touched.count)
        var keepColumn = [Bool](repeating: true, count: part.count)
        for s in touched.indices where entries[s].count == 1 && rowFunder[touched[s]] != Int32(f) {
            let (i, a) = entries[s][0]
            let tolerance = LinearModel.feasibilityTolerance * max(1, abs(a))
            let low = min(0, a), high = max(0, a)
            let b = bounds[s]
            if (b.lower.map { $0 <= low + tolerance } ?? true) && (b.upper.map { $0 >= high - tolerance } ?? true) {
                keepRow[s] = false
            } else if a > 0 ? (b.upper.map { $0 < tolerance } ?? false) : (b.lower.map { $0 > -tolerance } ?? false) {
                keepRow[s] = false
                keepColumn[i] = false
            }
        }
        var local = [Int](repeating: -1, count: part.count)
        var columns: [Int] = []
        var sub = LinearModel()
        for (i, j) in part.enumerated() where keepColumn[i] {
            local[i] = columns.count
            columns.append(j)
            _ = sub.addColumn(objective: linear.objective[j], name: linear.columnNames[j])
        }
        var rows: [Int] = []
        var budgetRows = [Int?](repeating: nil, count: horizon)
        var capacityRow: Int?
        for s in order where keepRow[s] {
            let kept = entries[s].compactMap { e in local[e.column] >= 0 ? (column: local[e.column], value: e.value) : nil }
            guard !kept.isEmpty else { continue }
            let r = touched[s]
            if rowFunder[r] == Int32(f) {
                if rowYear[r] > 0 { budgetRows[Int(rowYear[r]) - 1] = rows.count } else { capacityRow = rows.count }
            }
            rows.append(r)
            sub.addRow(name: linear.rowNames[r], lower: bounds[s].lower, upper: bounds[s].upper, entries: kept)
        }
        let start = part.indices.compactMap { i in isOne[part[i]] && local[i] >= 0 ? local[i] : nil }
        return FunderLP(
            funder: f, columns: columns, rows: rows, linear: sub, budgetRows: budgetRows, capacityRow: capacityRow,
            start: start)
    }
}
