/// How `allocate import` reads the text of one spreadsheet cell: numbers as a
/// Thai spreadsheet writes them, yes/no, and lists.
///
/// * Numbers: `1250000`, `1250000.50`, `"1,250,000"`, `"1,250,000.50"` (commas
///   only between groups of three digits), `-3`, `.5`, `1.25E+06`; Thai digits
///   (`๑,๒๕๐,๐๐๐`) read as 0-9. Amounts of money may carry `฿` before or after,
///   or `บาท` after. Fractions (shares, gaps, penalties) may be written as a
///   percentage: `20%` is 0.2.
/// * Yes/no: `true`/`false`, `yes`/`no`, `y`/`n`, `1`/`0`, `ใช่`/`ไม่ใช่` (case ignored).
/// * Lists: items separated by `;` (`S1; S2`), spaces around items ignored,
///   empty items skipped. `;` and not `,`: a comma is a thousands separator
///   inside amounts (`1,000,000; 1,200,000`).
enum CellText {
    /// The list separator inside a cell.
    static let listSeparator: Character = ";"

    /// What kind of number a column holds, for the forms it accepts.
    enum NumberKind {
        /// A plain number (priority, weight, seconds).
        case plain
        /// Baht: `฿` and `บาท` allowed.
        case money
        /// A fraction: `%` allowed (`20%` = 0.2).
        case fraction
    }

    /// The number written in `text`, or nil when it is not one of the accepted forms.
    static func number(_ text: String, _ kind: NumberKind = .plain) -> Double? {
        var s = Substring(thaiDigitsToASCII(text.trimmingWhitespace()))
        var scale = 1.0
        switch kind {
        case .plain:
            break
        case .money:
            if s.hasPrefix("฿") {
                s = s.dropFirst()
            } else if s.hasSuffix("฿") {
                s = s.dropLast()
            } else if s.hasSuffix("บาท") {
                s = s.dropLast(3)
            }
        case .fraction:
            if s.hasSuffix("%") {
                s = s.dropLast()
                scale = 100
            }
        }
        s = Substring(String(s).trimmingWhitespace())
        guard let plain = withoutGrouping(s), let value = Double(plain), value.isFinite else { return nil }
        return value / scale
    }

    /// An integer, allowing `3.0` but not `3.5`; nil otherwise.
    static func integer(_ text: String) -> Int? {
        guard let x = number(text), x == x.rounded(), abs(x) < 1e15 else { return nil }
        return Int(x)
    }

    /// Yes or no; nil when `text` is neither.
    static func bool(_ text: String) -> Bool? {
        switch text.trimmingWhitespace().lowercased() {
        case "true", "yes", "y", "1", "ใช่": true
        case "false", "no", "n", "0", "ไม่ใช่": false
        default: nil
        }
    }

    /// The items of a `;`-separated list, trimmed, empty ones skipped.
    static func list(_ text: String) -> [String] {
        text.split(separator: listSeparator, omittingEmptySubsequences: false)
            .map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }

    /// `key=value` items of a `;`-separated list, in order, and the first item
    /// that is not of that form (no `=`, or an empty key or value), if any.
    static func pairs(_ text: String) -> (pairs: [(key: String, value: String)], bad: String?) {
        var pairs: [(key: String, value: String)] = []
        for item in list(text) {
            guard let equals = item.firstIndex(of: "=") else { return (pairs, item) }
            let key = String(item[..<equals]).trimmingWhitespace()
            let value = String(item[item.index(after: equals)...]).trimmingWhitespace()
            guard !key.isEmpty, !value.isEmpty else { return (pairs, item) }
            pairs.append((key, value))
        }
        return (pairs, nil)
    }

    /// `text` with Thai digits (U+0E50...U+0E59) replaced by 0-9.
    static func thaiDigitsToASCII(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x0E50...0x0E59).contains($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x0E50...0x0E59).contains(scalar.value) {
                out.append(Unicode.Scalar(scalar.value - 0x0E50 + 0x30)!)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `s` with its thousands separators removed, when it is a decimal number
    /// `[+-]digits[.digits][e[+-]digits]` whose integer part is plain digits or
    /// correctly grouped by commas (exponent only without grouping); nil otherwise.
    /// Rejects what `Double.init` would also take but a spreadsheet never writes
    /// (`nan`, `inf`, hexadecimal).
    private static func withoutGrouping(_ s: Substring) -> String? {
        let bytes = Array(s.utf8)
        var i = 0
        var out = ""
        func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            out.append(Character(Unicode.Scalar(bytes[i])))
            i += 1
        }
        // Integer part: groups of digits separated by commas.
        var groups: [Int] = []
        var run = 0
        while i < bytes.count, isDigit(bytes[i]) || bytes[i] == UInt8(ascii: ",") {
            if bytes[i] == UInt8(ascii: ",") {
                groups.append(run)
                run = 0
            } else {
                out.append(Character(Unicode.Scalar(bytes[i])))
                run += 1
            }
            i += 1
        }
        groups.append(run)
        let grouped = groups.count > 1
        if grouped {
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        }
        var digits = groups.reduce(0, +)
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            out.append(".")
            i += 1
            var fraction = 0
            while i < bytes.count, isDigit(bytes[i]) {
                out.append(Character(Unicode.Scalar(bytes[i])))
                fraction += 1
                i += 1
            }
            guard fraction > 0 else { return nil }
            digits += fraction
        }
        guard digits > 0 else { return nil }
        if !grouped, i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            out.append("e")
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                out.append(Character(Unicode.Scalar(bytes[i])))
                i += 1
            }
            var exponent = 0
            while i < bytes.count, isDigit(bytes[i]) {
                out.append(Character(Unicode.Scalar(bytes[i])))
                exponent += 1
                i += 1
            }
            guard exponent > 0 else { return nil }
        }
        return i == bytes.count ? out : nil
    }
}
