import Allocator
import ArgumentParser

/// `allocate calendar --fiscal-year N`: the guideline's five stages of the plan
/// cycle behind fiscal year N, with real dates in both calendars, the plans due
/// at each stage and the submission deadlines.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Print the plan calendar behind a fiscal year: the five stages with dates, plans due and deadlines.",
        discussion: """
            Thai fiscal year N (Buddhist Era) runs 1 October N-1 to 30 September N; \
            CE year = BE year - 543. The plans funded in fiscal year N come from the cycle that \
            starts in October N-3: stages 1-4 and the review of the provincial development plan \
            run October N-3 to June N-2; the annual provincial action plan for N is drawn up in \
            October-November N-2, sent to ministries and departments by 31 January N-1 and to the \
            Budget Bureau by 5 February N-1 (this tool's reading of "early February"). \
            Stage work ends on the last day of its last month. \
            Example: fiscal year 2570 (1 Oct 2026 - 30 Sep 2027) comes from the cycle \
            1 October 2567 (2024) - 5 February 2569 (2026). See docs/calendar.md.
            """)

    @Option(help: "The fiscal year served, in the Buddhist Era (2400...2700), e.g. 2570.")
    var fiscalYear: Int

    @Flag(help: "Print CSV (UTF-8 with a byte order mark, for Excel) instead of the table: one row per work, plan due or deadline.")
    var csv = false

    func validate() throws {
        let years = PlanCalendar.fiscalYears
        guard years.contains(fiscalYear) else {
            var message = "--fiscal-year must be a Buddhist Era year from \(years.lowerBound) to \(years.upperBound), found \(fiscalYear)"
            if (years.lowerBound - ThaiDate.eraOffset ... years.upperBound - ThaiDate.eraOffset).contains(fiscalYear) {
                let be = fiscalYear + ThaiDate.eraOffset
                message += " (a Gregorian year? Gregorian \(fiscalYear) is Buddhist Era \(be); "
                    + "fiscal year \(be) runs 1 October \(fiscalYear - 1) to 30 September \(fiscalYear))"
            }
            throw ValidationError(message)
        }
    }

    func run() throws {
        let calendar = PlanCalendar(fiscalYear: fiscalYear)
        print(csv ? calendar.csv() : calendar.text(), terminator: "")
    }
}
