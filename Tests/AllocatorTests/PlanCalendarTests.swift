import XCTest
@testable import Allocator

/// The plan calendar: dates in the Buddhist Era and Gregorian calendars, leap
/// years, month names, and the five stages of fiscal year 2570 checked by hand.
final class PlanCalendarTests: XCTestCase {
    private func date(_ be: Int, _ month: Int, _ day: Int, file: StaticString = #filePath, line: UInt = #line) throws -> ThaiDate {
        try XCTUnwrap(ThaiDate(buddhistYear: be, month: month, day: day), "\(day)/\(month)/\(be)", file: file, line: line)
    }

    // MARK: ThaiDate

    func testBuddhistAndGregorianYearsDifferBy543() throws {
        let d = try date(2570, 2, 5)
        XCTAssertEqual(d.gregorianYear, 2027)
        XCTAssertEqual(ThaiDate(gregorianYear: 2026, month: 10, day: 1), try date(2569, 10, 1))
        XCTAssertEqual(ThaiDate(gregorianYear: 2026, month: 10, day: 1)?.buddhistYear, 2569)
        // The year changes on 1 January in both calendars: 31 Dec 2569 = 2026, 1 Jan 2570 = 2027.
        XCTAssertEqual(try date(2569, 12, 31).gregorianYear, 2026)
        XCTAssertEqual(try date(2570, 1, 1).gregorianYear, 2027)
    }

    func testLeapYearsFollowTheGregorianRule() throws {
        XCTAssertTrue(ThaiDate.isLeapYear(gregorianYear: 2024))  // BE 2567
        XCTAssertFalse(ThaiDate.isLeapYear(gregorianYear: 2025)) // BE 2568
        XCTAssertFalse(ThaiDate.isLeapYear(gregorianYear: 1900)) // BE 2443: century not divisible by 400
        XCTAssertTrue(ThaiDate.isLeapYear(gregorianYear: 2000))  // BE 2543: divisible by 400
        XCTAssertFalse(ThaiDate.isLeapYear(gregorianYear: 2100)) // BE 2643
        // February 2567 BE = 2024 has 29 days; February 2568 BE = 2025 has 28.
        XCTAssertEqual(ThaiDate.lastDay(ofMonth: 2, buddhistYear: 2567), try date(2567, 2, 29))
        XCTAssertEqual(ThaiDate.lastDay(ofMonth: 2, buddhistYear: 2568), try date(2568, 2, 28))
        XCTAssertEqual(ThaiDate.lastDay(ofMonth: 2, buddhistYear: 2443).day, 28)
        XCTAssertEqual(ThaiDate.lastDay(ofMonth: 2, buddhistYear: 2543).day, 29)
        XCTAssertNotNil(ThaiDate(buddhistYear: 2567, month: 2, day: 29))
        XCTAssertNil(ThaiDate(buddhistYear: 2568, month: 2, day: 29))
        // Thirty days hath September, April, June and November.
        XCTAssertEqual((1 ... 12).map { ThaiDate.daysInMonth($0, gregorianYear: 2025) },
                       [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        XCTAssertEqual((1 ... 12).map { ThaiDate.daysInMonth($0, gregorianYear: 2024) }.reduce(0, +), 366)
        XCTAssertEqual((1 ... 12).map { ThaiDate.daysInMonth($0, gregorianYear: 2025) }.reduce(0, +), 365)
        // 97 leap years in every 400.
        XCTAssertEqual((1601 ... 2000).filter { ThaiDate.isLeapYear(gregorianYear: $0) }.count, 97)
    }

    func testImpossibleDatesAreRejected() {
        XCTAssertNil(ThaiDate(buddhistYear: 2570, month: 4, day: 31))
        XCTAssertNil(ThaiDate(buddhistYear: 2570, month: 13, day: 1))
        XCTAssertNil(ThaiDate(buddhistYear: 2570, month: 0, day: 1))
        XCTAssertNil(ThaiDate(buddhistYear: 2570, month: 1, day: 0))
        XCTAssertNil(ThaiDate(buddhistYear: 2570, month: 1, day: 32))
        XCTAssertNil(ThaiDate(buddhistYear: 543, month: 1, day: 1), "no Gregorian year 0")
    }

    func testMonthNames() {
        XCTAssertEqual((1 ... 12).map(MonthName.thai), [
            "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
            "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
        ])
        XCTAssertEqual((1 ... 12).map(MonthName.thaiAbbreviation), [
            "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
        ])
        XCTAssertEqual(MonthName.english(2), "February")
        XCTAssertEqual(MonthName.english(9), "September")
        XCTAssertEqual((1 ... 12).map(MonthName.englishAbbreviation).joined(separator: " "),
                       "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")
    }

    func testDateFormatsInBothCalendars() throws {
        let d = try date(2569, 2, 5)
        XCTAssertEqual(d.thai, "5 ก.พ. 2569")
        XCTAssertEqual(d.thaiLong, "5 กุมภาพันธ์ 2569")
        XCTAssertEqual(d.english, "5 Feb 2026")
        XCTAssertEqual(d.englishLong, "5 February 2026")
        XCTAssertEqual(d.iso, "2026-02-05")
        XCTAssertEqual(d.isoBuddhist, "2569-02-05")
        XCTAssertEqual(try date(2567, 11, 30).iso, "2024-11-30")
    }

    func testDatesOrderChronologically() throws {
        XCTAssertLessThan(try date(2568, 12, 31), try date(2569, 1, 1))
        XCTAssertLessThan(try date(2569, 1, 31), try date(2569, 2, 1))
        XCTAssertLessThan(try date(2569, 2, 4), try date(2569, 2, 5))
        XCTAssertFalse(try date(2569, 2, 5) < date(2569, 2, 5))
    }

    func testMonthSpansInBothCalendars() throws {
        let oct = try date(2567, 10, 1), nov = try date(2567, 11, 30), jan = try date(2568, 1, 31), jun = try date(2568, 6, 1)
        XCTAssertEqual(PlanCalendar.thaiMonths(from: oct, to: nov), "ต.ค.–พ.ย. 2567")
        XCTAssertEqual(PlanCalendar.englishMonths(from: oct, to: nov), "Oct–Nov 2024")
        XCTAssertEqual(PlanCalendar.thaiMonths(from: nov, to: jan), "พ.ย. 2567–ม.ค. 2568")
        XCTAssertEqual(PlanCalendar.englishMonths(from: nov, to: jan), "Nov 2024–Jan 2025")
        XCTAssertEqual(PlanCalendar.thaiMonths(from: jun, to: ThaiDate.lastDay(ofMonth: 6, buddhistYear: 2568)), "มิ.ย. 2568")
    }

    // MARK: Fiscal year 2570, by hand

    /// FY 2570 runs 1 Oct 2569 BE (= 1 Oct 2026) to 30 Sep 2570 BE (= 30 Sep 2027).
    func testFiscalYear2570RunsOctober2569ToSeptember2570() throws {
        let c = PlanCalendar(fiscalYear: 2570)
        XCTAssertEqual(c.fiscalYearStart, try date(2569, 10, 1))
        XCTAssertEqual(c.fiscalYearEnd, try date(2570, 9, 30))
        XCTAssertEqual(c.fiscalYearStart.iso, "2026-10-01")
        XCTAssertEqual(c.fiscalYearEnd.iso, "2027-09-30")
    }

    /// Worked out by hand for FY 2570 (cycle year S = 2567 = 2024, T = 2568 = 2025, U = 2569 = 2026):
    ///   1  Oct-Nov 2567          1 Oct 2567 (2024-10-01) .. 30 Nov 2567 (2024-11-30)
    ///   2  Nov 2567-Jan 2568     1 Nov 2567 (2024-11-01) .. 31 Jan 2568 (2025-01-31)
    ///   3  Jan-Mar 2568          1 Jan 2568 (2025-01-01) .. 31 Mar 2568 (2025-03-31)
    ///   4  Feb-Mar / Feb-Jun     1 Feb 2568 (2025-02-01) .. 30 Jun 2568 (2025-06-30)
    ///   5  Apr-Jun 2568, Oct-Nov 2568, deadlines
    ///                            1 Apr 2568 (2025-04-01) .. 5 Feb 2569 (2026-02-05)
    func testStagesOf2570CheckedByHand() throws {
        let c = PlanCalendar(fiscalYear: 2570)
        XCTAssertEqual(c.stages.map(\.number), [1, 2, 3, 4, 5])
        XCTAssertEqual(c.stages.map(\.start.iso), ["2024-10-01", "2024-11-01", "2025-01-01", "2025-02-01", "2025-04-01"])
        XCTAssertEqual(c.stages.map(\.end.iso), ["2024-11-30", "2025-01-31", "2025-03-31", "2025-06-30", "2026-02-05"])
        XCTAssertEqual(c.stages.map(\.start.isoBuddhist), ["2567-10-01", "2567-11-01", "2568-01-01", "2568-02-01", "2568-04-01"])
        XCTAssertEqual(c.cycleStart, try date(2567, 10, 1))
        XCTAssertEqual(c.cycleEnd, try date(2569, 2, 5))

        // Stage 4's two pieces of work: the district Feb-Mar 2568, the LAOs Feb-Jun 2568.
        let work4 = c.stages[3].entries.filter { $0.kind == .work }
        XCTAssertEqual(work4.map(\.level), [.district, .lao])
        XCTAssertEqual(work4.map(\.end), [try date(2568, 3, 31), try date(2568, 6, 30)])
        // Stage 5: provincial plan review Apr-Jun 2568, then the action plan Oct-Nov 2568 (= 2025).
        let work5 = c.stages[4].entries.filter { $0.kind == .work }
        XCTAssertEqual(work5.map(\.start), [try date(2568, 4, 1), try date(2568, 10, 1)])
        XCTAssertEqual(work5.map(\.end), [try date(2568, 6, 30), try date(2568, 11, 30)])
        XCTAssertEqual(work5[1].englishPeriod, "Oct–Nov 2025")
        XCTAssertEqual(work5[1].thaiPeriod, "ต.ค.–พ.ย. 2568")
    }

    /// Which plans are due when, for FY 2570.
    func testPlansDueAtEachStageOf2570() throws {
        let c = PlanCalendar(fiscalYear: 2570)
        let due = c.stages.map { $0.due.map { "\($0.end.isoBuddhist) \($0.level.name) \($0.thai)" } }
        XCTAssertEqual(due, [
            ["2567-11-30 province ยุทธศาสตร์จังหวัด (ฉบับทบทวน)"],
            ["2568-01-31 district กรอบการพัฒนาอำเภอ", "2568-01-31 community เวทีประชาคม"],
            ["2568-03-31 community แผนชุมชน"],
            ["2568-03-31 district แผนพัฒนาอำเภอ", "2568-06-30 lao แผนพัฒนาท้องถิ่น"],
            ["2568-06-30 province แผนพัฒนาจังหวัด (ฉบับทบทวน)",
             "2568-11-30 province แผนปฏิบัติราชการประจำปีของจังหวัด พ.ศ. 2570",
             "2569-01-31 province แผนปฏิบัติราชการประจำปีของจังหวัด ส่งกระทรวง กรม",
             "2569-02-05 province แผนปฏิบัติราชการประจำปีของจังหวัด ส่งสำนักงบประมาณ"],
        ])
        XCTAssertEqual(c.stages[2].due[0].english, "community plans, to the LAO and the village committee")
    }

    /// Ministries and departments by 31 January 2569 (2026); the Budget Bureau by 5 February 2569 (2026).
    func testDeadlinesOf2570() throws {
        let c = PlanCalendar(fiscalYear: 2570)
        XCTAssertEqual(c.ministriesDeadline, try date(2569, 1, 31))
        XCTAssertEqual(c.budgetBureauDeadline, try date(2569, 2, 5))
        XCTAssertEqual(c.ministriesDeadline.englishLong, "31 January 2026")
        XCTAssertEqual(c.budgetBureauDeadline.thaiLong, "5 กุมภาพันธ์ 2569")
        XCTAssertEqual(c.deadlines.map(\.kind), [.deadline, .deadline])
        XCTAssertEqual(c.fiscalYearServedByCycleStartingInIt, 2572)
    }

    /// Every accepted fiscal year has FY 2570's shape, shifted by whole years, and
    /// its own rules hold: work spans whole months, what is due falls on the last
    /// day of its work, a stage's entries end in date order, the deadlines come
    /// before the fiscal year starts.
    func testEveryFiscalYearHasTheSameShape() throws {
        let reference = PlanCalendar(fiscalYear: 2570)
        let referenceEntries = reference.stages.flatMap(\.entries)
        for year in PlanCalendar.fiscalYears {
            let c = PlanCalendar(fiscalYear: year)
            let shift = year - 2570
            XCTAssertEqual(c.cycleStart, try date(year - 3, 10, 1))
            XCTAssertEqual(c.budgetBureauDeadline, try date(year - 1, 2, 5))
            XCTAssertLessThan(c.budgetBureauDeadline, c.fiscalYearStart)
            let entries = c.stages.flatMap(\.entries)
            XCTAssertEqual(entries.count, referenceEntries.count)
            for (e, r) in zip(entries, referenceEntries) {
                XCTAssertEqual([e.start.month, e.start.day, e.end.month, e.end.day], [r.start.month, r.start.day, r.end.month, r.end.day])
                XCTAssertEqual(e.start.buddhistYear - r.start.buddhistYear, shift)
                XCTAssertEqual(e.end.buddhistYear - r.end.buddhistYear, shift)
                XCTAssertEqual(e.kind, r.kind)
                XCTAssertEqual(e.level, r.level)
            }
            for stage in c.stages {
                XCTAssertEqual(stage.entries.first?.kind, .work, "stage \(stage.number) of \(year) opens with work")
                for (previous, entry) in zip(stage.entries, stage.entries.dropFirst()) {
                    XCTAssertLessThanOrEqual(previous.end, entry.end, "stage \(stage.number) of \(year)")
                    if entry.kind == .due { XCTAssertEqual(previous.kind, .work); XCTAssertEqual(entry.end, previous.end) }
                }
                for entry in stage.entries where entry.kind == .work {
                    XCTAssertEqual(entry.start.day, 1)
                    XCTAssertEqual(entry.end, ThaiDate.lastDay(ofMonth: entry.end.month, buddhistYear: entry.end.buddhistYear))
                }
            }
        }
    }

    // MARK: Reports

    func testTextReportOf2570ShowsBothCalendarsAndIsStable() {
        let text = PlanCalendar(fiscalYear: 2570).text()
        XCTAssertEqual(text, PlanCalendar(fiscalYear: 2570).text())
        for expected in [
            "Plan calendar for fiscal year 2570 (ปีงบประมาณ พ.ศ. 2570)",
            "1 ตุลาคม 2569 – 30 กันยายน 2570", "1 October 2026 – 30 September 2027",
            "1 ตุลาคม 2567 – 5 กุมภาพันธ์ 2569", "1 October 2024 – 5 February 2026",
            "      1  ต.ค.–พ.ย. 2567", "Oct–Nov 2024", "      2  พ.ย. 2567–ม.ค. 2568", "Nov 2024–Jan 2025",
            "      5  เม.ย.–มิ.ย. 2568", "due: แผนชุมชน: community plans",
            "31 มกราคม 2569", "31 January 2026", "5 กุมภาพันธ์ 2569", "5 February 2026",
            "allocate calendar --fiscal-year 2572",
        ] {
            XCTAssertTrue(text.contains(expected), "missing \(expected) in\n\(text)")
        }
        for line in text.split(separator: "\n") where line.hasPrefix("      ") || line.hasPrefix("         ") {
            XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 120, "stages table line too wide: \(line)")
        }
    }

    func testLastFiscalYearPointsToNoYearOutsideTheRange() {
        XCTAssertFalse(PlanCalendar(fiscalYear: 2700).text().contains("--fiscal-year 2702"))
        XCTAssertTrue(PlanCalendar(fiscalYear: 2698).text().contains("--fiscal-year 2700"))
    }

    func testCSVHasOneRowPerEntryAndQuotesCommas() throws {
        let c = PlanCalendar(fiscalYear: 2570)
        let csv = c.csv()
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}stage,kind,level,start_be,end_be,start,end,thai,english\n"))
        let rows = csv.dropFirst().split(separator: "\n").map { Self.fields(String($0)) }
        XCTAssertEqual(rows.count, 1 + c.stages.flatMap(\.entries).count)
        XCTAssertEqual(rows.count, 19, "2 + 4 + 2 + 4 + 6 entries and the header")
        XCTAssertTrue(rows.allSatisfy { $0.count == 9 }, "\(rows.filter { $0.count != 9 })")
        XCTAssertEqual(Array(rows.last!.prefix(7)), ["5", "deadline", "province", "2569-02-05", "2569-02-05", "2026-02-05", "2026-02-05"])
        XCTAssertEqual(rows.last![7], "แผนปฏิบัติราชการประจำปีของจังหวัด ส่งสำนักงบประมาณ")
        let forums = try XCTUnwrap(rows.first { $0[1] == "work" && $0[2] == "community" })
        XCTAssertEqual(forums[8], "Communities hold forums, supported by the village committee and the LAO.")
        XCTAssertEqual(CSV.field("say \"no\", twice"), "\"say \"\"no\"\", twice\"")
        XCTAssertEqual(CSV.field("แผนชุมชน"), "แผนชุมชน")
    }

    func testWrapKeepsEveryWordWithinTheWidth() {
        let text = "LAOs build their development plans, forwarding what exceeds their capacity to the district-level, "
            + "then the province-level coordination committee."
        let lines = TextTable.wrap(text, width: 30)
        XCTAssertEqual(lines.joined(separator: " "), text)
        XCTAssertLessThanOrEqual(DisplayWidth.of(lines[0]), 30)
        XCTAssertTrue(lines.dropFirst().allSatisfy { DisplayWidth.of($0) <= 28 }, "\(lines)")
        XCTAssertEqual(TextTable.wrap("short", width: 30), ["short"])
    }

    /// Splits one CSV line (RFC 4180 quoting, no line breaks inside fields).
    private static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }
}
