/// A JSON document to write, with object keys in the order given, so output
/// is byte-for-byte reproducible (never a Dictionary's order).
public indirect enum JSONOutput: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// A number, or `null` when absent.
    public static func number(_ value: Double?) -> JSONOutput {
        value.map { .number($0) } ?? .null
    }

    /// A string, or `null` when absent.
    public static func string(_ value: String?) -> JSONOutput {
        value.map { .string($0) } ?? .null
    }

    /// The document as UTF-8 text ending in a newline. Arrays of scalars, and
    /// objects inside arrays whose members are scalars, arrays of scalars or
    /// arrays of such flat objects, stay on one line: one project or funder per
    /// line, easy to diff.
    public func serialized() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// The value on one line, appended to `out` (no text built on the side:
    /// result.json of 200,000 projects is 60 MB of such lines).
    private func writeCompact(to out: inout String) {
        switch self {
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.writeCompact(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += ", " }
                JSONOutput.writeString(key, to: &out)
                out += ": "
                value.writeCompact(to: &out)
            }
            out += "}"
        default:
            writeScalar(to: &out)
        }
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .array(let items):
            let flat = items.allSatisfy(\.isScalar)
            if items.isEmpty || flat {
                writeCompact(to: &out)
                return
            }
            out += "[\n"
            let pad = String(repeating: " ", count: indent + 2)
            for (i, item) in items.enumerated() {
                out += pad
                item.writeCompactIfFlat(to: &out, indent: indent + 2)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            let pad = String(repeating: " ", count: indent + 2)
            for (i, (key, value)) in members.enumerated() {
                out += pad
                JSONOutput.writeString(key, to: &out)
                out += ": "
                value.write(to: &out, indent: indent + 2)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        default:
            writeScalar(to: &out)
        }
    }

    private func writeCompactIfFlat(to out: inout String, indent: Int) {
        if case .object(let members) = self,
           members.allSatisfy({ $0.1.isScalar || $0.1.isFlatArray || $0.1.isArrayOfFlatObjects }) {
            writeCompact(to: &out)
            return
        }
        write(to: &out, indent: indent)
    }

    private var isFlatArray: Bool {
        if case .array(let items) = self { return items.allSatisfy(\.isScalar) }
        return false
    }

    /// An array of objects whose members are scalars or arrays of scalars (a project's funders in result.json).
    private var isArrayOfFlatObjects: Bool {
        guard case .array(let items) = self else { return false }
        return items.allSatisfy { item in
            guard case .object(let members) = item else { return false }
            return members.allSatisfy { $0.1.isScalar || $0.1.isFlatArray }
        }
    }

    private func writeScalar(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let x): out += JSONOutput.format(x)
        case .string(let s): JSONOutput.writeString(s, to: &out)
        case .array, .object: writeCompact(to: &out)
        }
    }

    /// Shortest text that reads back as the same Double; integral values
    /// print without a fraction; NaN and infinities (never valid JSON) print as null.
    public static func format(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 {
            return String(Int64(x))
        }
        return "\(x)"
    }

    /// `s` as a JSON string: quoted, with quotes, backslashes and control
    /// characters escaped. A string with none of them (nearly all: ids, Thai
    /// names) is appended whole rather than scalar by scalar.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
