/// A self-contained HTML page made of report sections: UTF-8, `lang="th"`,
/// the style sheet and the small table-sorting script inline, charts as inline
/// SVG; it loads nothing (no network, no external script, font or image), so
/// it can be mailed or opened from a USB stick.
///
/// The bytes depend only on the title, the facts lines and the sections: no
/// date, no timing.
public struct ReportPage: Sendable {
    public var title: String
    /// Short lines under the title (status, totals), each a label and its text.
    public var facts: [(label: String, text: String)]
    public var sections: [any ReportSection]

    public init(title: String, facts: [(label: String, text: String)], sections: [any ReportSection]) {
        self.title = title
        self.facts = facts
        self.sections = sections
    }

    public func html() -> String {
        var html = HTMLDocument()
        html.raw("<!DOCTYPE html>\n")
        html.open("html", [("lang", "th")])
        html.newline()
        html.open("head")
        html.void("meta", [("charset", "utf-8")])
        html.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        html.element("title", [], title)
        html.open("style")
        html.raw(ReportStyle.css)
        html.close("style")
        html.close("head")
        html.newline()
        html.open("body")
        html.newline()
        html.element("header") { html in
            html.element("h1", [], title)
            html.element("dl", [("class", "facts")]) { html in
                for fact in facts {
                    html.element("dt", [], fact.label)
                    html.element("dd", [], fact.text)
                }
            }
            html.element("nav", [("aria-label", "Contents")]) { html in
                html.element("ul") { html in
                    for section in sections {
                        html.element("li") { html in
                            html.element("a", [("href", "#" + section.anchor)], section.title)
                        }
                    }
                }
            }
        }
        html.newline()
        for section in sections {
            html.open("section", [("id", section.anchor)])
            html.newline()
            html.element("h2", [], section.title)
            html.newline()
            section.write(into: &html)
            html.close("section")
            html.newline()
        }
        html.open("script")
        html.raw(ReportStyle.script)
        html.close("script")
        html.newline()
        html.close("body")
        html.newline()
        html.close("html")
        html.newline()
        return html.text
    }
}
