/// One section of an HTML report: a heading, an anchor the page's contents
/// link to, and what it writes below the heading.
///
/// The decision report (`DecisionReport`) is a list of these; a report of
/// several variations of a scenario can append its own sections to that list
/// or make a `ReportPage` of other sections.
public protocol ReportSection: Sendable {
    /// The section's `id` (letters, digits and `-` only), for links.
    var anchor: String { get }
    var title: String { get }
    /// Writes the section's content (the heading is written by `ReportPage`).
    func write(into html: inout HTMLDocument)
}
