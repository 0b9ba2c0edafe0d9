/// The line of the value at a JSON path of a parsed file, for problems found
/// after decoding (the validator's), in time that does not grow with the size
/// of the objects on the way.
///
/// `JSONValue.value(at:)` scans an object's members for each key. A file whose
/// project has 100,000 unknown `costAt` keys gets 100,000 problems inside that
/// one object; scanning it for each would take 5 billion comparisons. Objects
/// with many members are therefore indexed by key once, on first use; small
/// ones are scanned as before.
struct SourceLines {
    private let root: JSONValue?
    /// First value of each key of the large objects met so far, by the object's path.
    private var indexed: [JSONPath: [String: JSONValue]] = [:]
    /// Objects with fewer members are scanned, not indexed.
    private static let indexedFrom = 16

    /// Lines are looked up in `root`; with nil (a scenario built in code) there are none.
    init(_ root: JSONValue?) {
        self.root = root
    }

    /// The line of the value at `path` (the first member of a repeated key, as
    /// `JSONValue.value(at:)` has it); nil when the path leads nowhere.
    mutating func line(of path: JSONPath) -> Int? {
        guard var current = root else { return nil }
        for (depth, component) in path.components.enumerated() {
            switch component {
            case .index(let index):
                guard let next = current[index] else { return nil }
                current = next
            case .key(let key):
                guard case .object(let members) = current.kind else { return nil }
                if members.count < Self.indexedFrom {
                    guard let next = current[key] else { return nil }
                    current = next
                } else {
                    let objectPath = JSONPath(Array(path.components[..<depth]))
                    if indexed[objectPath] == nil {
                        var byKey = [String: JSONValue](minimumCapacity: members.count)
                        for member in members where byKey[member.key] == nil { byKey[member.key] = member.value }
                        indexed[objectPath] = byKey
                    }
                    guard let next = indexed[objectPath]?[key] else { return nil }
                    current = next
                }
            }
        }
        return current.line
    }
}
