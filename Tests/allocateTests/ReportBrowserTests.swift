import Foundation
import XCTest

/// The report of the shipped province scenario as a browser shows it: headless
/// Chromium (Debian's `chromium` package) renders scenarios/chon-buri-2565.json's
/// report to a screenshot, the page logs nothing to the console, its script runs,
/// and the figures in the rendered DOM equal result.json, `allocate plans --csv`
/// (the bottom-up flow) and `allocate compare --output` (the un-integrated column).
///
/// The same for the what-if report of the shipped variations (`allocate whatif
/// --report`), against comparison.json. Fails, saying how to install it, when
/// chromium is not installed. `ALLOCATE_REPORT_SCREENSHOT=FILE` and
/// `ALLOCATE_WHATIF_REPORT_SCREENSHOT=FILE` keep the screenshots there.
final class ReportBrowserTests: XCTestCase {
    static let scenario = "scenarios/chon-buri-2565.json"

    /// The chromium binary, nil when it is not installed.
    static var chromium: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        return paths.map { $0 + "/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private func directory() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// Runs chromium headless on `page` with `arguments`; stdout and stderr.
    private func chromium(_ binary: String, _ arguments: [String], page: URL, in dir: URL) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--user-data-dir=" + dir.appendingPathComponent("profile").path,
                             "--enable-logging=stderr", "--v=0"] + arguments + [page.absoluteString]
        let errFile = dir.appendingPathComponent("chromium-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let err = try FileHandle(forWritingTo: errFile)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let stderr = String(decoding: try Data(contentsOf: errFile), as: UTF8.self)
        return (String(decoding: data, as: UTF8.self), stderr, process.terminationStatus)
    }

    /// Lines chromium logs for the page's console (`INFO:CONSOLE(...)` with --enable-logging=stderr).
    private static func consoleLines(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
    }

    func testChonBuriReportInChromium() throws {
        guard let binary = Self.chromium else {
            return XCTFail("chromium is not installed: the README's test command installs it (apt-get install -y chromium fonts-tlwg-loma-otf)")
        }
        let dir = try directory()
        // The console check can fail: a page that logs an error is caught.
        let bad = dir.appendingPathComponent("bad.html")
        try Data("<!DOCTYPE html><html><body><script>console.error('marker'); missingFunction();</script></body></html>".utf8).write(to: bad)
        let control = try chromium(binary, ["--dump-dom"], page: bad, in: dir)
        XCTAssertEqual(Self.consoleLines(control.stderr).count, 2, "chromium reports console errors on stderr:\n\(control.stderr)")

        let report = dir.appendingPathComponent("report.html")
        let resultURL = dir.appendingPathComponent("result.json")
        let solve = try CommandRunner.run([Self.scenario, "--time-limit", "5", "--output", resultURL.path, "--report", report.path])
        XCTAssertEqual(solve.status, 0, solve.stderr)
        let plans = dir.appendingPathComponent("plans.csv")
        XCTAssertEqual(try CommandRunner.run(["plans", resultURL.path, "--scenario", Self.scenario, "--csv", plans.path]).status, 0)
        let compare = dir.appendingPathComponent("compare.json")
        XCTAssertEqual(try CommandRunner.run(["compare", Self.scenario, "--time-limit", "5", "--output", compare.path]).status, 0)

        let screenshot = dir.appendingPathComponent("report.png")
        let shot = try chromium(binary, ["--screenshot=" + screenshot.path, "--window-size=1280,4000", "--hide-scrollbars"], page: report, in: dir)
        XCTAssertEqual(shot.status, 0, shot.stderr)
        let png = try Data(contentsOf: screenshot)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        let size = png.subdata(in: 16 ..< 24).map { UInt32($0) }
        XCTAssertEqual(size[0] << 24 | size[1] << 16 | size[2] << 8 | size[3], 1280, "width")
        XCTAssertEqual(size[4] << 24 | size[5] << 16 | size[6] << 8 | size[7], 4000, "height")
        XCTAssertEqual(Self.consoleLines(shot.stderr), [], "console messages while rendering")
        if let keep = ProcessInfo.processInfo.environment["ALLOCATE_REPORT_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: screenshot, to: URL(fileURLWithPath: keep))
        }

        let dump = try chromium(binary, ["--dump-dom"], page: report, in: dir)
        XCTAssertEqual(dump.status, 0, dump.stderr)
        XCTAssertEqual(Self.consoleLines(dump.stderr), [], "console messages")
        let dom = dump.stdout
        XCTAssertTrue(dom.contains("<html lang=\"th\" data-script=\"ready\">"), "the script ran to its end: \(dom.prefix(200))")
        XCTAssertTrue(dom.contains("<h1>ชลบุรี") || dom.contains("ชลบุรี"), "Thai text in the DOM")
        let scenarioJSON = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: CommandRunner.root.appendingPathComponent(Self.scenario))) as? [String: Any])
        let markup = ReportMarkup(html: dom)
        let result = try ResultFile(resultURL)
        markup.check(against: result, scenario: scenarioJSON, "chon buri, rendered")
        XCTAssertEqual(markup.bars("funders").count, 20)

        // The bottom-up flow against allocate plans --csv, counted per level by hand.
        let rows = try Self.csv(String(contentsOf: plans, encoding: .utf8))
        let header = rows[0]
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        var seen = Set<[String]>()
        var flow: [String: [String: (count: Int, money: Double)]] = [:]
        for row in rows.dropFirst() where !row[column("body_level")].isEmpty {
            let level = row[column("body_level")]
            guard seen.insert([level, row[column("project")]]).inserted else { continue }
            let outcome = row[column("outcome")] == "sameLevel" ? "funds" : row[column("outcome")]
            let money = Double(row[column("cost")]) ?? 0
            flow[level, default: [:]][outcome, default: (0, 0)].count += 1
            flow[level, default: [:]][outcome, default: (0, 0)].money += money
        }
        let flowBars = markup.bars("flow")
        XCTAssertFalse(flowBars.isEmpty)
        for bar in flowBars {
            let expected = flow[bar["data-level"]!]?[bar["data-flow"]!] ?? (0, 0)
            XCTAssertEqual(ReportMarkup.number(bar, "data-projects"), Double(expected.count), "\(bar)")
            XCTAssertTrue(ReportMarkup.close(ReportMarkup.number(bar, "data-money"), expected.money), "\(bar) against \(expected)")
        }

        // The un-integrated column against allocate compare (it does not depend on the solve).
        let compared = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: compare)) as? [String: Any])
        let unintegrated = try XCTUnwrap((compared["unintegrated"] as? [String: Any])?["figures"] as? [String: Any])
        let cells = markup.comparisonCells()
        for key in ["value", "projectsFunded", "moneySpent", "duplicateProjects", "duplicateMoney", "unspentBudget"] {
            XCTAssertEqual(cells[key]?["unintegrated"], ResultFile.number(unintegrated[key]), "un-integrated \(key)")
        }
    }

    /// The what-if report of the shipped variations of Chon Buri (`allocate whatif
    /// --report`): rendered to a 1280x4000 screenshot with no console message,
    /// its script run, and every figure of the rendered DOM equal to comparison.json
    /// (the variations' sections) and base/result.json (the base's).
    /// `ALLOCATE_WHATIF_REPORT_SCREENSHOT=FILE` keeps the screenshot there.
    func testChonBuriWhatIfReportInChromium() throws {
        guard let binary = Self.chromium else {
            return XCTFail("chromium is not installed: the README's test command installs it (apt-get install -y chromium fonts-tlwg-loma-otf)")
        }
        let dir = try directory()
        let out = dir.appendingPathComponent("out")
        let report = dir.appendingPathComponent("whatif.html")
        let run = try CommandRunner.run([
            "whatif", Self.scenario, "--variations", "scenarios/whatif/chon-buri-2565-variations.json", "--gap", "0.01",
            "--time-limit", "2", "--output", out.path, "--report", report.path,
        ])
        XCTAssertEqual(run.status, 0, run.stderr)

        let screenshot = dir.appendingPathComponent("whatif.png")
        let shot = try chromium(binary, ["--screenshot=" + screenshot.path, "--window-size=1280,4000", "--hide-scrollbars"], page: report, in: dir)
        XCTAssertEqual(shot.status, 0, shot.stderr)
        let png = try Data(contentsOf: screenshot)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG")
        XCTAssertEqual(Self.consoleLines(shot.stderr), [], "console messages while rendering")
        if let keep = ProcessInfo.processInfo.environment["ALLOCATE_WHATIF_REPORT_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: screenshot, to: URL(fileURLWithPath: keep))
        }

        let dump = try chromium(binary, ["--dump-dom"], page: report, in: dir)
        XCTAssertEqual(dump.status, 0, dump.stderr)
        XCTAssertEqual(Self.consoleLines(dump.stderr), [], "console messages")
        let dom = dump.stdout
        XCTAssertTrue(dom.contains("<html lang=\"th\" data-script=\"ready\">"), "the script ran to its end: \(dom.prefix(200))")
        XCTAssertTrue(dom.contains("อำเภอบ้านบึง"), "Thai text in the DOM")
        let markup = ReportMarkup(html: dom)
        let comparison = try CommandRunner.json(at: out.appendingPathComponent("comparison.json"))
        XCTAssertEqual((comparison["runs"] as? [Any])?.count, 8)
        markup.checkWhatIf(against: comparison, "chon buri what-if, rendered")
        XCTAssertTrue(markup.bars("level-ministry").count == 8, "a chart per level, a bar per run")
        let scenarioJSON = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: CommandRunner.root.appendingPathComponent(Self.scenario))) as? [String: Any])
        markup.check(against: try ResultFile(out.appendingPathComponent("base/result.json")), scenario: scenarioJSON, "chon buri what-if base, rendered")
    }

    /// RFC 4180 rows (quoted fields, doubled quotes), a leading byte order mark dropped.
    static func csv(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var k = 0
        while k < characters.count {
            let c = characters[k]
            if quoted {
                if c == "\"" {
                    if k + 1 < characters.count, characters[k + 1] == "\"" { field.unicodeScalars.append(c); k += 1 } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.unicodeScalars.append(c)
            }
            k += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
