extension LinearModel {
    /// The model with only the `free` columns left (in that order); every
    /// other column is fixed, at 1 if it is in `fixedAtOne`, else at 0. Row
    /// bounds absorb the fixed columns; rows with no free column are dropped
    /// (the caller knows the fixed part holds them). Column `k` of the result is
    /// column `free[k]` of this model.
    public func restricted(free: [Int], fixedAtOne: [Int]) -> LinearModel {
        var newIndex = [Int](repeating: -1, count: columnCount)
        for (k, j) in free.enumerated() { newIndex[j] = k }
        var isOne = [Bool](repeating: false, count: columnCount)
        for j in fixedAtOne { isOne[j] = true }
        var sub = LinearModel()
        for j in free { _ = sub.addColumn(objective: objective[j], name: columnNames[j]) }
        var entries: [(column: Int, value: Double)] = []
        for i in 0 ..< rowCount {
            entries.removeAll(keepingCapacity: true)
            var fixed = 0.0
            for e in rowStart[i] ..< rowStart[i + 1] {
                let j = Int(entryColumn[e])
                if newIndex[j] >= 0 {
                    entries.append((newIndex[j], entryValue[e]))
                } else if isOne[j] {
                    fixed += entryValue[e]
                }
            }
            guard !entries.isEmpty else { continue }
            let b = rowBounds[i]
            sub.addRow(name: rowNames[i], lower: b.lower.map { $0 - fixed }, upper: b.upper.map { $0 - fixed }, entries: entries)
        }
        return sub
    }
}
