/// The matrix of a `LinearModel` column by column (compressed sparse columns):
/// the rows each column appears in, so that a small part of the model (one
/// funder's choices) can be cut out in time proportional to that part, not to
/// the whole matrix.
struct ColumnRows: Sendable {
    /// `start[j] ..< start[j + 1]` indexes column `j`'s entries.
    let start: [Int]
    /// Row of each entry, ascending within a column.
    let row: [Int32]
    let value: [Double]

    /// - Complexity: O(rows + columns + entries).
    init(_ model: LinearModel) {
        var start = [Int](repeating: 0, count: model.columnCount + 1)
        for k in 0 ..< model.entryCount { start[Int(model.entryColumn[k]) + 1] += 1 }
        for j in 0 ..< model.columnCount { start[j + 1] += start[j] }
        var next = start
        var row = [Int32](repeating: 0, count: model.entryCount)
        var value = [Double](repeating: 0, count: model.entryCount)
        for i in 0 ..< model.rowCount {
            for k in model.rowStart[i] ..< model.rowStart[i + 1] {
                let j = Int(model.entryColumn[k])
                row[next[j]] = Int32(i)
                value[next[j]] = model.entryValue[k]
                next[j] += 1
            }
        }
        self.start = start
        self.row = row
        self.value = value
    }

    /// The entry range of column `j`.
    func entries(of j: Int) -> Range<Int> { start[j] ..< start[j + 1] }
}

extension LinearModel {
    /// Each row's activity `Σ a_ij x_j` at the 0/1 point whose columns at 1 are `columns`.
    ///
    /// - Complexity: O(rows + entries).
    func activity(ofColumns columns: [Int]) -> [Double] {
        var isOne = [Bool](repeating: false, count: columnCount)
        for j in columns { isOne[j] = true }
        var activity = [Double](repeating: 0, count: rowCount)
        for i in 0 ..< rowCount {
            var sum = 0.0
            for k in rowStart[i] ..< rowStart[i + 1] where isOne[Int(entryColumn[k])] { sum += entryValue[k] }
            activity[i] = sum
        }
        return activity
    }
}
