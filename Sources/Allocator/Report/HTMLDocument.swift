/// An HTML document written as text, element by element, with every piece of
/// scenario text escaped on the way in: a project named `<b>น้ำ & "ไฟ"</b>`
/// shows as written and cannot change the page.
///
/// Only `raw(_:)` writes text unescaped; it is for the report's own constant
/// style sheet and script, never for data.
public struct HTMLDocument: Sendable {
    /// The text written so far.
    public private(set) var text = ""

    public init() {}

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references,
    /// safe in element content and in quoted attribute values. Thai and every
    /// other character stays as it is (the page is UTF-8).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Opens `tag` with `attributes` in the order given (names are the report's
    /// own constants; values are escaped).
    public mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
        text += "<" + tag
        for (name, value) in attributes {
            text += " " + name + "=\"" + Self.escape(value) + "\""
        }
        text += ">"
    }

    /// Closes `tag`.
    public mutating func close(_ tag: String) {
        text += "</" + tag + ">"
    }

    /// `<tag attributes>content</tag>`, the content escaped.
    public mutating func element(_ tag: String, _ attributes: [(String, String)] = [], _ content: String) {
        open(tag, attributes)
        add(content)
        close(tag)
    }

    /// `<tag attributes>`, whatever `body` writes, `</tag>`.
    public mutating func element(_ tag: String, _ attributes: [(String, String)] = [], body: (inout HTMLDocument) -> Void) {
        open(tag, attributes)
        body(&self)
        close(tag)
    }

    /// A void element such as `<meta>` or `<rect/>` (SVG), with no content.
    public mutating func void(_ tag: String, _ attributes: [(String, String)] = [], selfClosing: Bool = false) {
        open(tag, attributes)
        if selfClosing { text.removeLast(); text += "/>" }
    }

    /// Escaped text.
    public mutating func add(_ content: String) {
        text += Self.escape(content)
    }

    /// A line break in the source, to keep the file readable and diffable.
    public mutating func newline() {
        text += "\n"
    }

    /// Text written as it is: only for the report's constant style sheet and script.
    mutating func raw(_ trusted: String) {
        text += trusted
    }
}
