extension LinearModel {
    /// One smaller model per part, for changing a decision in several places at
    /// once: model `k` keeps only the columns of `parts[k]` (in that order),
    /// every other column fixed as `decision` (the columns at 1) has it. Row
    /// bounds absorb the fixed columns; rows with no column of the part are
    /// dropped (the caller knows the fixed part holds them).
    ///
    /// A row that several parts touch gives each of the `m` parts an equal share
    /// of its slack at `decision` (`1/m` of the room left under its upper bound
    /// and over its lower bound), so that any solutions of the parts, taken
    /// together, still hold the row: the parts can be solved independently, on
    /// different threads. The parts must be disjoint. Column `i` of model `k` is
    /// column `parts[k][i]` of this model.
    public func restricted(parts: [[Int]], at decision: [Int]) -> [LinearModel] {
        var part = [Int](repeating: -1, count: columnCount)
        var newIndex = [Int](repeating: -1, count: columnCount)
        for (k, columns) in parts.enumerated() {
            for (i, j) in columns.enumerated() {
                precondition(part[j] < 0, "parts overlap")
                part[j] = k
                newIndex[j] = i
            }
        }
        var isOne = [Bool](repeating: false, count: columnCount)
        for j in decision { isOne[j] = true }
        var subs = parts.map { columns in
            var sub = LinearModel()
            for j in columns { _ = sub.addColumn(objective: objective[j], name: columnNames[j]) }
            return sub
        }
        var entries = Array(repeating: [(column: Int, value: Double)](), count: parts.count)
        var partActivity = [Double](repeating: 0, count: parts.count)
        var touched: [Int] = []
        for i in 0 ..< rowCount {
            var activity = 0.0
            for e in rowStart[i] ..< rowStart[i + 1] {
                let j = Int(entryColumn[e])
                let k = part[j]
                if isOne[j] { activity += entryValue[e] }
                guard k >= 0 else { continue }
                if entries[k].isEmpty { touched.append(k) }
                entries[k].append((newIndex[j], entryValue[e]))
                if isOne[j] { partActivity[k] += entryValue[e] }
            }
            guard !touched.isEmpty else { continue }
            let b = rowBounds[i]
            // The share of the slack the other parts keep.
            let others = Double(touched.count - 1) / Double(touched.count)
            for k in touched {
                let fixed = activity - partActivity[k]
                subs[k].addRow(
                    name: rowNames[i],
                    lower: b.lower.map { $0 - fixed + others * max(0, activity - $0) },
                    upper: b.upper.map { $0 - fixed - others * max(0, $0 - activity) },
                    entries: entries[k])
                entries[k].removeAll(keepingCapacity: true)
                partActivity[k] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return subs
    }
}
