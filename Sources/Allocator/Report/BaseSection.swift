/// A section of the base decision's report inside the what-if report
/// (`WhatIfReport`): its heading reads "Base: ..." and its anchor starts with
/// `base-`, so the page's contents tell it from the variations' sections.
struct BaseSection: ReportSection {
    let section: any ReportSection

    var anchor: String { "base-" + section.anchor }
    var title: String { "Base: " + section.title }

    func write(into html: inout HTMLDocument) {
        section.write(into: &html)
    }
}
