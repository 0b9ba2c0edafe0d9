/// A horizontal bar chart drawn as inline SVG: one row per bar, its label on
/// the left, the bar, and its figure written out on the right.
///
/// A bar may carry a reference: a funder's budget, drawn as a pale bar behind
/// the money used (`.capacity`), a minimum share, drawn as a line across the
/// bar (`.minimum`), or a figure to compare with (the base's objective beside
/// each variation's), drawn as a dashed line (`.marker`). Each bar is a `<g class="bar">` holding the bar's figures
/// as `data-` attributes (`ReportNumber`), so the numbers drawn can be checked.
public struct SVGBarChart: Sendable {
    public enum Reference: Sendable {
        /// The reference is the whole (a budget): a pale bar behind the value.
        case capacity
        /// The reference is a floor the value must reach: a line across the bar.
        case minimum
        /// The reference is a figure to compare with: a dashed line across the bar.
        case marker
    }

    public struct Bar: Sendable {
        /// Short text on the left (shortened with "…" when long).
        public var label: String
        /// The whole label, shown as a tooltip.
        public var title: String
        public var value: Double
        /// The budget or the minimum, nil when there is none.
        public var reference: Double?
        /// The figure written out on the right.
        public var caption: String
        /// Attributes of the bar's `<g>`, in this order, after `class`.
        public var data: [(String, String)]
        /// The value bar's class: `value`, or `forwarded` for the bottom-up flow's second colour.
        public var kind: String

        public init(
            label: String, title: String, value: Double, reference: Double?, caption: String, data: [(String, String)],
            kind: String = "value"
        ) {
            self.kind = kind
            self.label = label
            self.title = title
            self.value = value
            self.reference = reference
            self.caption = caption
            self.data = data
        }
    }

    /// Names the chart for screen readers and as the `data-chart` attribute.
    public var name: String
    public var description: String
    public var reference: Reference
    public var bars: [Bar]

    /// Layout, in SVG user units (the chart scales to the page width).
    static let width = 1000.0
    static let labelWidth = 290.0
    static let barStart = 300.0
    static let barWidth = 330.0
    static let rowHeight = 26.0
    static let barHeight = 16.0
    /// Grapheme clusters a label keeps before it is shortened.
    static let labelLength = 32

    public init(name: String, description: String, reference: Reference, bars: [Bar]) {
        self.name = name
        self.description = description
        self.reference = reference
        self.bars = bars
    }

    /// The largest value or reference, which fills the bar width (1 when all are 0).
    var scale: Double {
        let largest = bars.reduce(0.0) { max($0, $1.value, $1.reference ?? 0) }
        return largest > 0 ? largest : 1
    }

    public func write(into html: inout HTMLDocument) {
        let height = Self.rowHeight * Double(max(bars.count, 1)) + 4
        html.open("svg", [
            ("class", "chart"), ("data-chart", name), ("role", "img"), ("aria-label", description),
            ("viewBox", "0 0 \(Self.number(Self.width)) \(Self.number(height))"),
            ("xmlns", "http://www.w3.org/2000/svg"),
        ])
        html.element("title", [], description)
        let scale = self.scale
        for (k, bar) in bars.enumerated() {
            let y = 2 + Self.rowHeight * Double(k)
            let barY = y + (Self.rowHeight - Self.barHeight) / 2
            let textY = y + Self.rowHeight / 2 + 4
            html.newline()
            html.open("g", [("class", "bar")] + bar.data)
            html.element("title", [], bar.title + ": " + bar.caption)
            html.element("text", [("class", "label"), ("x", Self.number(Self.labelWidth)), ("y", Self.number(textY))],
                         Self.shortened(bar.label))
            if reference == .capacity, let whole = bar.reference {
                html.void("rect", [
                    ("class", "whole"), ("x", Self.number(Self.barStart)), ("y", Self.number(barY)),
                    ("width", Self.number(Self.barWidth * whole / scale)), ("height", Self.number(Self.barHeight)),
                ], selfClosing: true)
            }
            html.void("rect", [
                ("class", bar.kind), ("x", Self.number(Self.barStart)), ("y", Self.number(barY)),
                ("width", Self.number(Self.barWidth * max(0, bar.value) / scale)), ("height", Self.number(Self.barHeight)),
            ], selfClosing: true)
            if reference != .capacity, let line = bar.reference, line > 0 {
                let x = Self.barStart + Self.barWidth * line / scale
                html.void("line", [
                    ("class", reference == .minimum ? "minimum" : "marker"), ("x1", Self.number(x)), ("x2", Self.number(x)),
                    ("y1", Self.number(y)), ("y2", Self.number(y + Self.rowHeight)),
                ], selfClosing: true)
            }
            html.element("text", [("class", "figure"), ("x", Self.number(Self.barStart + Self.barWidth + 10)), ("y", Self.number(textY))],
                         bar.caption)
            html.close("g")
        }
        html.newline()
        html.close("svg")
        html.newline()
    }

    /// A label of at most `labelLength` characters (grapheme clusters, so a Thai
    /// vowel or tone mark is never cut from its consonant), ending in "…" when shortened.
    static func shortened(_ label: String) -> String {
        label.count > labelLength ? String(label.prefix(labelLength - 1)) + "…" : label
    }

    /// A coordinate with at most two decimals, the same text on every machine.
    static func number(_ x: Double) -> String {
        let text = String(NumberFormat.fixed(x, decimals: 2).filter { $0 != "," })
        if text.hasSuffix(".00") { return String(text.dropLast(3)) }
        return text
    }
}
