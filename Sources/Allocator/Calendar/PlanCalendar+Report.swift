/// The plan calendar as a planning officer reads it: a terminal table in both
/// calendars (BE with Thai month names, CE with English ones), and CSV for
/// spreadsheets.
extension PlanCalendar {
    /// The terminal report: the fiscal year and the cycle, one table of every
    /// stage's work and plans due, then the two submission deadlines.
    public func text() -> String {
        var out = "Plan calendar for fiscal year \(fiscalYear) (ปีงบประมาณ พ.ศ. \(fiscalYear))\n"
        var spans = TextTable(headers: ["", "พ.ศ. (Buddhist Era)", "CE (Gregorian)"], alignments: [.left, .left, .left])
        spans.add(["fiscal year", "\(fiscalYearStart.thaiLong) – \(fiscalYearEnd.thaiLong)",
                   "\(fiscalYearStart.englishLong) – \(fiscalYearEnd.englishLong)"])
        spans.add(["plan cycle", "\(cycleStart.thaiLong) – \(cycleEnd.thaiLong)",
                   "\(cycleStart.englishLong) – \(cycleEnd.englishLong)"])
        out += spans.render(maxWidth: 80)
        out += "The plans funded in fiscal year \(fiscalYear) are made in the cycle that starts in October "
            + "\(cycleStart.buddhistYear) (\(cycleStart.gregorianYear)) and ends\n"
            + "when the province's annual action plan reaches the Budget Bureau, by "
            + "\(budgetBureauDeadline.thai) (\(budgetBureauDeadline.english)).\n"

        out += "\nStages\n"
        var table = TextTable(headers: ["stage", "พ.ศ.", "CE", "level", "what"],
                              alignments: [.right, .left, .left, .left, .left])
        var firstRows: [Int] = []
        for stage in stages {
            firstRows.append(table.rows.count)
            for (k, entry) in stage.entries.enumerated() {
                for (w, what) in TextTable.wrap(entry.summary, width: Self.whatWidth).enumerated() {
                    table.add(w > 0 ? ["", "", "", "", "  " + what]
                        : [k == 0 ? "\(stage.number)" : "", entry.thaiPeriod, entry.englishPeriod, entry.level.name, what])
                }
            }
        }
        var lines = table.render(maxWidth: 200).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for row in firstRows.dropFirst().reversed() { lines.insert("", at: 2 + row) }
        out += lines.joined(separator: "\n")

        out += "\nDeadlines for the annual provincial action plan of fiscal year \(fiscalYear)\n"
        var deadlinesTable = TextTable(headers: ["sent to", "พ.ศ.", "CE"], alignments: [.left, .left, .left])
        deadlinesTable.add(["ministries and departments (กระทรวง กรม)", ministriesDeadline.thaiLong, ministriesDeadline.englishLong])
        deadlinesTable.add(["the Budget Bureau (สำนักงบประมาณ)", budgetBureauDeadline.thaiLong, budgetBureauDeadline.englishLong])
        out += deadlinesTable.render(maxWidth: 80)
        out += "(The guideline says \"by January\" and \"by early February\"; this tool reads them as "
            + "by \(Self.ministriesDeadlineDay) January and by \(Self.budgetBureauDeadlineDay) February.)\n"

        let next = fiscalYearServedByCycleStartingInIt
        guard Self.fiscalYears.contains(next) else { return out }
        out += "\nThe cycle that starts when fiscal year \(fiscalYear) begins (October \(fiscalYearStart.buddhistYear) = "
            + "\(fiscalYearStart.gregorianYear)) prepares fiscal year \(next):\n  allocate calendar --fiscal-year \(next)\n"
        return out
    }

    /// The calendar as CSV, one row per entry, for spreadsheets: UTF-8 with a
    /// byte order mark (so Excel shows Thai), LF line ends, fields quoted only
    /// when they hold a comma, a quote or a line break.
    ///
    /// Columns: `stage, kind, level, start_be, end_be, start, end, thai, english`;
    /// `start_be`/`end_be` are dates as `YYYY-MM-DD` with the BE year, `start`/`end` the same
    /// days in ISO 8601 (CE).
    public func csv() -> String {
        var out = CSV.byteOrderMark + "stage,kind,level,start_be,end_be,start,end,thai,english\n"
        for stage in stages {
            for e in stage.entries {
                let fields: [CSV.Cell] = [
                    .integer(stage.number), .text(e.kind.rawValue), .text(e.level.name), .text(e.start.isoBuddhist),
                    .text(e.end.isoBuddhist), .text(e.start.iso), .text(e.end.iso), .text(e.thai), .text(e.english),
                ]
                out += CSV.row(fields)
            }
        }
        return out
    }

    /// Terminal columns for the "what" of the stages table, so that a line stays within about 120 columns.
    static let whatWidth = 60

    /// Months from `start` to `end` in Thai with BE years: "มิ.ย. 2568", "ต.ค.–พ.ย. 2567", "พ.ย. 2567–ม.ค. 2568".
    public static func thaiMonths(from start: ThaiDate, to end: ThaiDate) -> String {
        monthSpan(start.month, start.buddhistYear, end.month, end.buddhistYear, name: MonthName.thaiAbbreviation)
    }

    /// Months from `start` to `end` in English with CE years: "Jun 2025", "Oct–Nov 2024", "Nov 2024–Jan 2025".
    public static func englishMonths(from start: ThaiDate, to end: ThaiDate) -> String {
        monthSpan(start.month, start.gregorianYear, end.month, end.gregorianYear, name: MonthName.englishAbbreviation)
    }

    private static func monthSpan(_ m1: Int, _ y1: Int, _ m2: Int, _ y2: Int, name: (Int) -> String) -> String {
        if y1 != y2 { return "\(name(m1)) \(y1)–\(name(m2)) \(y2)" }
        if m1 == m2 { return "\(name(m1)) \(y1)" }
        return "\(name(m1))–\(name(m2)) \(y1)"
    }
}

extension PlanCalendar.Entry {
    /// When, in Thai: whole months for work ("ต.ค.–พ.ย. 2567"), the day for a plan due or a deadline ("30 พ.ย. 2567").
    public var thaiPeriod: String {
        kind == .work ? PlanCalendar.thaiMonths(from: start, to: end) : end.thai
    }

    /// When, in English: "Oct–Nov 2024", or "30 Nov 2024".
    public var englishPeriod: String {
        kind == .work ? PlanCalendar.englishMonths(from: start, to: end) : end.english
    }

    /// The table's "what": the English sentence for work; the Thai name and English
    /// description for a plan due or a deadline.
    public var summary: String {
        switch kind {
        case .work: english
        case .due: "due: \(thai): \(english)"
        case .deadline: "deadline: \(english)"
        }
    }
}
