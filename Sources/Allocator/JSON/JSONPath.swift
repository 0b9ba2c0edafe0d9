/// A location inside a JSON document, written the way problems name it:
/// `projects[17].requires[0]`, `projects[3].costAt["LAO-KK-01"]`, or `$` for the root.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The document root, `$`.
    public static let root = JSONPath()

    /// This path extended by an object key.
    public func key(_ key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    /// This path extended by an array index.
    public func index(_ index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    /// Keys that are plain identifiers are written `.key` (or bare at the
    /// start); any other key is quoted in brackets so the path stays unambiguous.
    public var description: String {
        guard !components.isEmpty else { return "$" }
        var out = ""
        for component in components {
            switch component {
            case .index(let index):
                out += "[\(index)]"
            case .key(let key):
                if JSONPath.isIdentifier(key) {
                    if !out.isEmpty { out += "." }
                    out += key
                } else {
                    if out.isEmpty { out = "$" }
                    out += "["
                    JSONOutput.writeString(key, to: &out)
                    out += "]"
                }
            }
        }
        return out
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`; any other key (`LAO-KK-01`, Thai text) is quoted.
    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return key.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || (0x30...0x39).contains($0) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
