/// A parsed JSON value that remembers the 1-based line it starts on, so every
/// problem found later (a wrong type, an unknown id) can name its line.
///
/// Objects keep their members as an ordered array, not a dictionary: file
/// order survives (problems are reported in file order) and duplicate keys
/// stay visible so they can be rejected.
public struct JSONValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        /// Always finite: the parser rejects numbers that overflow a Double.
        case number(Double)
        case string(String)
        case array([JSONValue])
        case object([JSONMember])
    }

    public var kind: Kind
    /// 1-based line of the value's first character.
    public var line: Int

    public init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    /// The value of the first member named `key`, if this is an object that has one.
    ///
    /// - Complexity: O(number of members).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// The element at `index`, if this is an array that long.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = kind, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The value found by following `path` from this value (first member for a repeated key).
    public func value(at path: JSONPath) -> JSONValue? {
        var current = self
        for component in path.components {
            switch component {
            case .key(let key):
                guard let next = current[key] else { return nil }
                current = next
            case .index(let index):
                guard let next = current[index] else { return nil }
                current = next
            }
        }
        return current
    }

    /// How the value's type reads in a message: "a string", "an array", ...
    public var typeDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One `"key": value` pair of a JSON object, with the line its key is on.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue
    /// 1-based line of the key.
    public var line: Int

    public init(key: String, value: JSONValue, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }
}
