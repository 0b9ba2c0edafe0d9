import Allocator
import Foundation
import XCTest

/// `allocate calendar --fiscal-year N`: the five stages in both calendars, the
/// same bytes whatever the machine's locale and time zone, CSV for
/// spreadsheets, and years that are not Buddhist Era fiscal years refused.
final class CalendarCommandTests: XCTestCase {
    func testFiscalYear2570PrintsTheStagesInBothCalendars() throws {
        let run = try CommandRunner.run(["calendar", "--fiscal-year", "2570"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(run.stdout, PlanCalendar(fiscalYear: 2570).text(), "the command prints the library's report")
        for stage in 1 ... 5 {
            XCTAssertTrue(run.stdout.contains("\n      \(stage)  "), "stage \(stage) missing:\n\(run.stdout)")
        }
        for expected in [
            "1 ตุลาคม 2569 – 30 กันยายน 2570", "1 October 2026 – 30 September 2027", // the fiscal year
            "ต.ค.–พ.ย. 2567", "Oct–Nov 2024",                                     // stage 1
            "30 มิ.ย. 2568", "30 Jun 2025",                                       // LAO and provincial plans due
            "31 มกราคม 2569", "31 January 2026",                                  // ministries and departments
            "5 กุมภาพันธ์ 2569", "5 February 2026",                                 // the Budget Bureau
        ] {
            XCTAssertTrue(run.stdout.contains(expected), "missing \(expected) in\n\(run.stdout)")
        }
    }

    /// Dates come from arithmetic, not from the machine's calendar: a Thai locale
    /// (whose default calendar is Buddhist) and a time zone a day away change nothing.
    func testSameBytesWhateverLocaleAndTimeZone() throws {
        let bangkok = try run(["calendar", "--fiscal-year", "2569"], environment: ["LANG": "th_TH.UTF-8", "LC_ALL": "th_TH.UTF-8", "TZ": "Asia/Bangkok"])
        let honolulu = try run(["calendar", "--fiscal-year", "2569"], environment: ["LANG": "C", "LC_ALL": "C", "TZ": "Pacific/Honolulu"])
        let kiritimati = try run(["calendar", "--fiscal-year", "2569"], environment: ["LANG": "en_US.UTF-8", "TZ": "Pacific/Kiritimati"])
        XCTAssertEqual(bangkok.status, 0)
        XCTAssertFalse(bangkok.stdout.isEmpty)
        XCTAssertEqual(bangkok.stdout, honolulu.stdout)
        XCTAssertEqual(bangkok.stdout, kiritimati.stdout)
        XCTAssertTrue(bangkok.stdout.contains("1 October 2025 – 30 September 2026"), bangkok.stdout)
    }

    func testCSVStartsWithAByteOrderMarkAndHasOneRowPerEntry() throws {
        let run = try CommandRunner.run(["calendar", "--fiscal-year", "2570", "--csv"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, PlanCalendar(fiscalYear: 2570).csv())
        XCTAssertTrue(run.stdout.utf8.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 byte order mark, so Excel reads Thai")
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 19)
        XCTAssertTrue(lines.contains("5,deadline,province,2569-01-31,2569-01-31,2026-01-31,2026-01-31,"
            + "แผนปฏิบัติราชการประจำปีของจังหวัด ส่งกระทรวง กรม,action plan to ministries and departments"), run.stdout)
    }

    func testHelpStatesTheReadingOfTheGuideline() throws {
        let run = try CommandRunner.run(["calendar", "--help"])
        XCTAssertEqual(run.status, 0)
        let help = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(help.contains("starts in October N-3"), help)
        XCTAssertTrue(help.contains("Budget Bureau by 5 February N-1"), help)
    }

    func testYearsThatAreNotBuddhistEraFiscalYearsAreRefused() throws {
        for arguments in [["--fiscal-year", "2027"], ["--fiscal-year", "2399"], ["--fiscal-year", "2701"],
                          ["--fiscal-year", "abc"], ["--fiscal-year", "2570.5"], []] {
            let run = try CommandRunner.run(["calendar"] + arguments)
            XCTAssertEqual(run.status, 64, "\(arguments): a usage error, \(run.stderr)")
            XCTAssertFalse(run.stderr.isEmpty, "\(arguments)")
            XCTAssertEqual(run.stdout, "", "\(arguments)")
        }
        let gregorian = try CommandRunner.run(["calendar", "--fiscal-year", "2027"])
        XCTAssertTrue(gregorian.stderr.contains("Gregorian 2027 is Buddhist Era 2570"), gregorian.stderr)
    }

    /// Runs the binary with `environment` as its whole environment (besides PATH); stderr is discarded.
    private func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { own, _ in own }
        process.currentDirectoryURL = CommandRunner.root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
