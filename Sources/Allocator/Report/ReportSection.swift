/// One section of an HTML report: a heading, an anchor the page's contents
/// link to, and what it writes below the heading.
///
/// The decision report (`DecisionReport`) is a list of these; the what-if
/// report (`WhatIfReport`) is a list of its own, then the base decision's.
public protocol ReportSection: Sendable {
    /// The section's `id` (letters, digits and `-` only), for links.
    var anchor: String { get }
    var title: String { get }
    /// Writes the section's content (the heading is written by `ReportPage`).
    func write(into html: inout HTMLDocument)
}
