/// A day of the Thai solar calendar: the Gregorian calendar with years counted
/// in the Buddhist Era (BE = CE + 543), the calendar Thai plans and budgets
/// are dated in.
///
/// Pure arithmetic, no Foundation `Calendar`: a date never depends on the
/// machine's locale or time zone. Today's rules are applied to every year
/// (the year begins on 1 January, Gregorian leap years), also before BE 2484,
/// when the Thai year still began on 1 April.
public struct ThaiDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// BE year minus Gregorian (CE) year.
    public static let eraOffset = 543

    /// The year in the Buddhist Era, e.g. 2570.
    public let buddhistYear: Int
    /// 1 (January) ... 12 (December).
    public let month: Int
    /// 1 ... the number of days in the month.
    public let day: Int

    /// The date, or nil when there is no such day (29 February 2570, 31 April, month 13).
    public init?(buddhistYear: Int, month: Int, day: Int) {
        guard (1 ... 12).contains(month), buddhistYear - Self.eraOffset >= 1,
              (1 ... Self.daysInMonth(month, gregorianYear: buddhistYear - Self.eraOffset)).contains(day)
        else { return nil }
        self.buddhistYear = buddhistYear
        self.month = month
        self.day = day
    }

    /// The date given with a Gregorian year, or nil when there is no such day.
    public init?(gregorianYear: Int, month: Int, day: Int) {
        self.init(buddhistYear: gregorianYear + Self.eraOffset, month: month, day: day)
    }

    /// The first day of a month (BE year).
    public static func firstDay(ofMonth month: Int, buddhistYear: Int) -> ThaiDate {
        ThaiDate(buddhistYear: buddhistYear, month: month, day: 1)!
    }

    /// The last day of a month (BE year): 29 February in a leap year.
    public static func lastDay(ofMonth month: Int, buddhistYear: Int) -> ThaiDate {
        ThaiDate(buddhistYear: buddhistYear, month: month,
                 day: daysInMonth(month, gregorianYear: buddhistYear - eraOffset))!
    }

    /// The year in the Gregorian calendar (CE), e.g. 2027 for BE 2570.
    public var gregorianYear: Int { buddhistYear - Self.eraOffset }

    /// Gregorian rule: every fourth year, except centuries not divisible by 400
    /// (1900 = BE 2443 is not a leap year, 2000 = BE 2543 is).
    public static func isLeapYear(gregorianYear year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in `month` (1...12) of a Gregorian year: 28 to 31.
    public static func daysInMonth(_ month: Int, gregorianYear year: Int) -> Int {
        precondition((1 ... 12).contains(month), "month \(month) is not 1...12")
        switch month {
        case 2: return isLeapYear(gregorianYear: year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (lhs: ThaiDate, rhs: ThaiDate) -> Bool {
        (lhs.buddhistYear, lhs.month, lhs.day) < (rhs.buddhistYear, rhs.month, rhs.day)
    }

    // MARK: Formatting

    /// "5 ก.พ. 2569": abbreviated Thai month, BE year.
    public var thai: String { "\(day) \(MonthName.thaiAbbreviation(month)) \(buddhistYear)" }
    /// "5 กุมภาพันธ์ 2569": full Thai month, BE year.
    public var thaiLong: String { "\(day) \(MonthName.thai(month)) \(buddhistYear)" }
    /// "5 Feb 2026": abbreviated English month, Gregorian year.
    public var english: String { "\(day) \(MonthName.englishAbbreviation(month)) \(gregorianYear)" }
    /// "5 February 2026": full English month, Gregorian year.
    public var englishLong: String { "\(day) \(MonthName.english(month)) \(gregorianYear)" }
    /// ISO 8601 with the Gregorian year, "2026-02-05", as spreadsheets read dates.
    public var iso: String { Self.iso(year: gregorianYear, month: month, day: day) }
    /// The ISO layout with the BE year, "2569-02-05".
    public var isoBuddhist: String { Self.iso(year: buddhistYear, month: month, day: day) }

    public var description: String { iso }

    private static func iso(year: Int, month: Int, day: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}

/// Thai and English month names, fixed here rather than taken from the
/// machine's locale.
public enum MonthName {
    static let thaiNames = [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ]
    static let thaiAbbreviations = [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]
    static let englishNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// "กุมภาพันธ์" for 2.
    public static func thai(_ month: Int) -> String { thaiNames[month - 1] }
    /// "ก.พ." for 2.
    public static func thaiAbbreviation(_ month: Int) -> String { thaiAbbreviations[month - 1] }
    /// "February" for 2.
    public static func english(_ month: Int) -> String { englishNames[month - 1] }
    /// "Feb" for 2.
    public static func englishAbbreviation(_ month: Int) -> String { String(englishNames[month - 1].prefix(3)) }
}
