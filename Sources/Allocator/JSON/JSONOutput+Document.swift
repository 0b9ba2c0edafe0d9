/// A document to write, turned into the tree the parser would make of its
/// text, without the text: what `ScenarioChanger` hands to the scenario
/// reader's checks, so a changed scenario is checked as its file would be,
/// without writing and parsing 4 MB per variation.
extension JSONOutput {
    /// The parsed form of `serialized()`: the same values (a number that is not
    /// finite is written `null`, so it becomes null), every value on `line`.
    ///
    /// - Complexity: O(size of the document).
    public func document(line: Int = 1) -> JSONValue {
        switch self {
        case .null: JSONValue(.null, line: line)
        case .bool(let flag): JSONValue(.bool(flag), line: line)
        case .int(let n): JSONValue(.number(Double(n)), line: line)
        case .number(let x): JSONValue(x.isFinite ? .number(x) : .null, line: line)
        case .string(let text): JSONValue(.string(text), line: line)
        case .array(let items): JSONValue(.array(items.map { $0.document(line: line) }), line: line)
        case .object(let members):
            JSONValue(.object(members.map { JSONMember(key: $0.0, value: $0.1.document(line: line), line: line) }), line: line)
        }
    }
}

/// A parsed document turned back into one to write: what `allocate whatif merge`
/// does to a shard's result file to leave its `timings` out.
extension JSONValue {
    /// The document to write: the same values and key order (lines are not
    /// kept). For a document this tool wrote, `output.serialized()` is the
    /// file's own text: numbers are written in the shortest form that reads
    /// back as the same Double, as they were.
    ///
    /// - Complexity: O(size of the document).
    public var output: JSONOutput {
        switch kind {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let x): .number(x)
        case .string(let text): .string(text)
        case .array(let items): .array(items.map(\.output))
        case .object(let members): .object(members.map { ($0.key, $0.value.output) })
        }
    }
}
