import Allocator
import Foundation
import XCTest

/// The HTML report (`DecisionReport`, docs/report.md) built in the library:
/// escaping, every chart figure against result.json, the bottom-up flow and the
/// un-integrated column worked out by hand on the guideline's example, the
/// cap on the unfunded table, nothing loaded from outside, the same bytes
/// every time; and `--report` on the command line.
final class ReportTests: XCTestCase {
    private func directory() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// The guideline's example, with `replacements` made in its text.
    private func guideline(_ replacements: [(String, String)] = []) throws -> (text: String, scenario: Scenario) {
        var text = try String(contentsOf: CommandRunner.root.appendingPathComponent("scenarios/guideline-example.json"), encoding: .utf8)
        for (old, new) in replacements {
            XCTAssertNotNil(text.range(of: old), "the example has \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return (text, try ScenarioReader.read(bytes: Array(text.utf8)))
    }

    /// Solves, and gives the report and result.json as the command writes them.
    private func report(_ scenario: Scenario, limit: Int? = nil) throws -> (html: String, result: ResultFile, report: DecisionReport) {
        let result = try Allocation.solve(scenario)
        let figures = ResultFigures(model: result.model, decision: result.decision)
        let url = try directory().appendingPathComponent("result.json")
        try Data(ResultDocument.json(result, model: result.model, figures: figures, includeTimings: false).serialized().utf8).write(to: url)
        let report = DecisionReport(result: result, figures: figures)
        var html = report.html()
        if let limit {
            var sections = report.sections
            sections[sections.count - 1] = UnfundedSection(scenario: scenario, reasons: figures.reasons, limit: limit)
            html = ReportPage(title: scenario.name, facts: report.facts, sections: sections).html()
        }
        return (html, try ResultFile(url), report)
    }

    func testEscapesMarkupAndKeepsThai() {
        XCTAssertEqual(HTMLDocument.escape("<b>น้ำ & \"ไฟ\" 'ถนน'</b>"),
                       "&lt;b&gt;น้ำ &amp; &quot;ไฟ&quot; &#39;ถนน&#39;&lt;/b&gt;")
        XCTAssertEqual(HTMLDocument.escape("ขุดลอกหนองน้ำสาธารณะ"), "ขุดลอกหนองน้ำสาธารณะ")
        var html = HTMLDocument()
        html.element("td", [("title", "a \"b\" <c> & ง")], "x < y & \"z\"")
        XCTAssertEqual(html.text, "<td title=\"a &quot;b&quot; &lt;c&gt; &amp; ง\">x &lt; y &amp; &quot;z&quot;</td>")
    }

    func testScenarioTextCannotChangeThePage() throws {
        let hostile = "<script>alert(\\\"x\\\")</script> & 'ขุดลอก' <b>"
        let (_, scenario) = try guideline([
            ("\"ขยายเขตประปาหมู่บ้าน\"", "\"\(hostile)\""),
            ("\"อบต.หนองบัว\"", "\"อบต.<i>หนองบัว</i> & \\\"co\\\"\""),
            ("\"name\": \"ตัวอย่างตามแนวทาง", "\"name\": \"<h1>ตัวอย่างตามแนวทาง"),
            ("\"budget\": 2000000", "\"budget\": 0"),
        ])
        // With no district money P3 is unfunded: its name is in the unfunded table.
        let (html, _, _) = try report(scenario)
        XCTAssertEqual(html.components(separatedBy: "<script>").count, 2, "only the report's own script")
        XCTAssertFalse(html.contains("<i>"))
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;ขุดลอก&#39; &lt;b&gt;"))
        XCTAssertTrue(html.contains("LAO-KK-01-03 อบต.&lt;i&gt;หนองบัว&lt;/i&gt; &amp; &quot;co&quot;"))
        XCTAssertTrue(html.contains("<title>&lt;h1&gt;ตัวอย่างตามแนวทาง"))
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"th\">\n<head><meta charset=\"utf-8\">"))
    }

    func testChartFiguresEqualResultFile() throws {
        // Some projects unfunded (the district has less money), a minimum share.
        let (text, scenario) = try guideline([
            ("\"budget\": 2000000", "\"budget\": 300000"),
            ("\"name\": \"คุณภาพชีวิต (quality of life)\"", "\"name\": \"คุณภาพชีวิต (quality of life)\", \"minShare\": 0.3"),
        ])
        let (html, result, _) = try report(scenario)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let markup = ReportMarkup(html: html)
        markup.check(against: result, scenario: json, "guideline, district 300,000")
        XCTAssertFalse(markup.unfundedRows.isEmpty, "some project is unfunded")
        XCTAssertEqual(markup.bars("strategies").map { $0["data-min-share"] }, ["0", "0.3"])
        XCTAssertEqual(markup.bars("levels").count, 4)
        XCTAssertEqual(markup.bars("funders").count, 4)
    }

    func testFlowAndComparisonByHand() throws {
        let (_, scenario) = try guideline()
        let (html, _, report) = try report(scenario)
        // Of บ้านหนองแวง's 6 needs the community funds P6 (50,000) and forwards 5; of those the LAO
        // funds 3 (P1, P2, P4: 1,000,000) and forwards P3 and P5 (450,000) to the district.
        XCTAssertEqual(LevelFlow.all(report.plans), [
            LevelFlow(level: .community, requests: 6, funds: 1, fundsMoney: 50_000, forwarded: 5, forwardedMoney: 1_450_000, unfunded: 0),
            LevelFlow(level: .lao, requests: 5, funds: 3, fundsMoney: 1_000_000, forwarded: 2, forwardedMoney: 450_000, unfunded: 0),
            LevelFlow(level: .district, requests: 2, funds: 2, fundsMoney: 450_000, forwarded: 0, forwardedMoney: 0, unfunded: 0),
            LevelFlow(level: .province, requests: 0, funds: 0, fundsMoney: 0, forwarded: 0, forwardedMoney: 0, unfunded: 0),
        ])
        let markup = ReportMarkup(html: html)
        XCTAssertEqual(markup.bars("flow").map { [$0["data-level"]!, $0["data-flow"]!, $0["data-projects"]!, $0["data-money"]!] }, [
            ["community", "funds", "1", "50000"], ["community", "forwarded", "5", "1450000"],
            ["lao", "funds", "3", "1000000"], ["lao", "forwarded", "2", "450000"],
            ["district", "funds", "2", "450000"], ["district", "forwarded", "0", "0"],
            ["province", "funds", "0", "0"], ["province", "forwarded", "0", "0"],
        ])
        // docs/compare.md: the greedy LAO happens to choose the optimum here; budgets 3,060,000.
        let cells = markup.comparisonCells()
        XCTAssertEqual(cells["projectsFunded"], ["unintegrated": 6, "integrated": 6, "difference": 0])
        XCTAssertEqual(cells["moneySpent"], ["unintegrated": 1_500_000, "integrated": 1_500_000, "difference": 0])
        XCTAssertEqual(cells["unspentBudget"], ["unintegrated": 1_560_000, "integrated": 1_560_000, "difference": 0])
        XCTAssertEqual(cells["duplicateProjects"], ["unintegrated": 0, "integrated": 0, "difference": 0])
        XCTAssertEqual(markup.bars("integration").map { $0["data-money-spent"] }, ["1500000", "1500000"])
        XCTAssertTrue(html.contains("Every project is funded."))
    }

    func testUnfundedTableIsCappedAndSaysSo() throws {
        let (_, scenario) = try guideline([("\"budget\": 2000000", "\"budget\": 0"), ("\"budget\": 1000000", "\"budget\": 500000")])
        let (full, result, _) = try report(scenario)
        let unfunded = result.projects.filter { ($0["funded"] as? Bool) == false }.map { $0["id"] as! String }
        XCTAssertGreaterThan(unfunded.count, 2)
        XCTAssertEqual(ReportMarkup(html: full).unfundedRows.count, unfunded.count)
        let (capped, _, _) = try report(scenario, limit: 2)
        let rows = ReportMarkup(html: capped).unfundedRows
        // P1..P5 have priorities 9..5: the two highest-priority unfunded ones.
        let expected = unfunded.sorted { Int($0.dropFirst())! < Int($1.dropFirst())! }.prefix(2)
        XCTAssertEqual(rows.map { $0["data-id"]! }, Array(expected))
        let note = ReportMarkup.tags("p", with: "data-listed", in: capped)
        XCTAssertEqual(note.first?["data-listed"], "2")
        XCTAssertEqual(note.first?["data-unfunded"], String(unfunded.count))
        XCTAssertTrue(capped.contains("The 2 with the highest priority of the \(unfunded.count) are listed"))
    }

    func testSelfContainedAndSameBytes() throws {
        let (_, scenario) = try guideline([("\"budget\": 2000000", "\"budget\": 300000")])
        let first = try report(scenario).html
        let second = try report(scenario).html
        XCTAssertEqual(first, second)
        for outside in ["src=", "<link", "url(", "@import", "http://", "https://", "<iframe", "<img"] {
            let uses = first.components(separatedBy: outside).count - 1
            let allowed = outside == "http://" ? first.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1 : 0
            XCTAssertEqual(uses, allowed, "\(outside) in the page")
        }
        XCTAssertEqual(first.components(separatedBy: "<script").count, 2, "one inline script")
    }

    func testReportFlag() throws {
        let dir = try directory()
        let html = dir.appendingPathComponent("report.html")
        let path = "scenarios/guideline-example.json"
        let run = try CommandRunner.run([path, "--report", html.path, "--output", dir.appendingPathComponent("result.json").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let first = try String(contentsOf: html, encoding: .utf8)
        XCTAssertTrue(first.contains("<h1>ตัวอย่างตามแนวทาง: ชุมชนบ้านหนองแวง (guideline example)</h1>"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: CommandRunner.root.appendingPathComponent(path))) as? [String: Any])
        ReportMarkup(html: first).check(against: try ResultFile(dir.appendingPathComponent("result.json")), scenario: json, "guideline, command line")
        XCTAssertEqual(try CommandRunner.run([path, "--report", html.path]).status, 0)
        XCTAssertEqual(try String(contentsOf: html, encoding: .utf8), first, "the same bytes again")
        // A file that cannot be written: exit 3, nothing left behind.
        let missing = dir.appendingPathComponent("result.json/report.html")
        let failed = try CommandRunner.run([path, "--report", missing.path])
        XCTAssertEqual(failed.status, 3)
        XCTAssertTrue(failed.stderr.contains("cannot write \(missing.path)"), failed.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["report.html", "result.json"])
    }
}
