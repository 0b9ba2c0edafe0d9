import Allocator
import Foundation
import XCTest

/// `allocate whatif --report` (`WhatIfReport`, docs/report.md): every figure
/// of the variations' sections against comparison.json, the base's sections
/// against base/result.json, escaping, nothing loaded from outside, the same
/// bytes every run, the caps of the change tables, and the report of merged
/// shards equal to the whole batch's.
final class WhatIfReportTests: XCTestCase {
    static let guideline = "scenarios/guideline-example.json"

    private func directory() throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    private func variations(in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("v.json")
        try Data("""
            {"format": "allocate-whatif/1",
             "variations": [
               {"name": "lao-cut", "description": "ตัดงบ <b>อบต.</b> & \\"ลด\\" 10%", "changes": ["level:lao.budget*=0.9"]},
               {"name": "district-cut", "changes": ["funder:DIST-KK-01.budget*=0.1"]},
               {"name": "p5-forced-no-money", "changes": ["project:P5.mandatory=true", "project:P5.funder=DIST-KK-01", "funder:DIST-KK-01.budget=0"]},
               {"name": "both", "changes": ["funder:DIST-KK-01.budget*=0.1", "level:lao.budget=+200,000"]}
             ]}
            """.utf8).write(to: url)
        return url
    }

    func testEveryFigureAgainstComparisonJSON() throws {
        let dir = try directory()
        let v = try variations(in: dir)
        let out = dir.appendingPathComponent("out")
        let report = dir.appendingPathComponent("report.html")
        let run = try CommandRunner.run(["whatif", Self.guideline, "--variations", v.path, "--no-timings", "--output", out.path, "--report", report.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let html = try String(contentsOf: report, encoding: .utf8)
        let comparison = try CommandRunner.json(at: out.appendingPathComponent("comparison.json"))
        let runs = try XCTUnwrap(comparison["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.map { $0["status"] as? String }, ["optimal", "optimal", "optimal", "infeasible", "optimal"], "an infeasible variation is drawn too")
        let markup = ReportMarkup(html: html)
        markup.checkWhatIf(against: comparison, "guideline")
        // The infeasible run: no objective, no money, its budget.
        let infeasible = try XCTUnwrap(markup.bars("money").first { $0["data-index"] == "3" })
        XCTAssertNil(infeasible["data-funded-cost"])
        XCTAssertEqual(infeasible["data-budget"], "1060000")
        // The base's own sections, against base/result.json.
        let scenario = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: CommandRunner.root.appendingPathComponent(Self.guideline))) as? [String: Any])
        markup.check(against: try ResultFile(out.appendingPathComponent("base/result.json")), scenario: scenario, "guideline base")
        for anchor in ["variations", "levels", "changes", "base-budget-use", "base-strategies", "base-flow", "base-integration", "base-unfunded"] {
            XCTAssertTrue(html.contains("<section id=\"\(anchor)\">") && html.contains("href=\"#\(anchor)\""), anchor)
        }
        // Thai intact, scenario text escaped, nothing loaded from outside.
        XCTAssertTrue(html.contains("ตัดงบ &lt;b&gt;อบต.&lt;/b&gt; &amp; &quot;ลด&quot; 10%"), "the description escaped")
        XCTAssertFalse(html.contains("<b>อบต."))
        XCTAssertTrue(html.contains("ขยายเขตประปาหมู่บ้าน"))
        for outside in ["src=", "<link", "url(", "@import", "https://", "fetch(", "XMLHttpRequest"] {
            XCTAssertFalse(html.contains(outside), "loads nothing: \(outside)")
        }
        XCTAssertEqual(html.components(separatedBy: "http://").count - 1, html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1,
                       "the only address is SVG's namespace")
        // The same bytes on another run, with timings or without.
        let again = dir.appendingPathComponent("again.html")
        XCTAssertEqual(try CommandRunner.run(["whatif", Self.guideline, "--variations", v.path, "--report", again.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: again), try Data(contentsOf: report))
    }

    /// The change tables list at most so many rows each and in all, and say so.
    func testTheChangeTablesAreBounded() throws {
        let base = try ScenarioReader.read(contentsOf: CommandRunner.root.appendingPathComponent(Self.guideline).path)
        let variations = try ["level:lao.budget*=0.9", "funder:DIST-KK-01.budget*=0.1", "project:P5.exclude=true", "level:lao.budget=0"]
            .enumerated().map { try Variation.fromFlags([$1], name: "v\($0 + 1)") }
        let comparison = try WhatIfBatch(base: base, variations: variations).run()
        let changed = comparison.runs.dropFirst().map(\.changed.count)
        XCTAssertEqual(changed, [2, 1, 1, 3])
        var html = HTMLDocument()
        VariationChangesSection(comparison: comparison, perVariation: 1, inAll: 2).write(into: &html)
        let rows = ReportMarkup.tags("tr", with: "data-change", in: html.text)
        XCTAssertEqual(rows.count, 2, "at most 2 in all")
        XCTAssertEqual(Set(rows.map { $0["data-index"] ?? "" }).count, 2, "at most 1 a variation")
        let notes = ReportMarkup.tags("p", with: "data-listed", in: html.text)
        XCTAssertEqual(notes.map { $0["data-index"] ?? "" }, ["1", "3", "4"], "each variation cut short says so: \(notes)")
        XCTAssertEqual(notes.map { $0["data-listed"] ?? "" }, ["1", "0", "0"])
        XCTAssertTrue(html.text.contains("changed-projects.csv and comparison.json have every one"))
        var full = HTMLDocument()
        VariationChangesSection(comparison: comparison).write(into: &full)
        XCTAssertEqual(ReportMarkup.tags("tr", with: "data-change", in: full.text).count, changed.reduce(0, +))
        XCTAssertTrue(ReportMarkup.tags("p", with: "data-listed", in: full.text).isEmpty)
    }

    /// Merged shards give the report of the whole batch, byte for byte; a shard's own report says which shard it is.
    func testTheReportOfMergedShardsIsTheWholeBatchs() throws {
        let dir = try directory()
        let v = try variations(in: dir)
        let whole = dir.appendingPathComponent("whole.html")
        XCTAssertEqual(try CommandRunner.run(["whatif", Self.guideline, "--variations", v.path, "--report", whole.path]).status, 0)
        var folders: [String] = []
        for number in 1 ... 3 {
            let folder = dir.appendingPathComponent("s\(number)").path
            let report = dir.appendingPathComponent("s\(number).html")
            let run = try CommandRunner.run(["whatif", Self.guideline, "--variations", v.path, "--shard", "\(number)/3", "--output", folder, "--report", report.path])
            XCTAssertEqual(run.status, 0, run.stderr)
            let html = try String(contentsOf: report, encoding: .utf8)
            XCTAssertTrue(html.contains("<dt>Shard</dt><dd>\(number) of 3: "), "shard \(number)")
            ReportMarkup(html: html).checkWhatIf(against: try CommandRunner.json(at: URL(fileURLWithPath: folder).appendingPathComponent("comparison.json")), "shard \(number)")
            folders.append(folder)
        }
        let merged = dir.appendingPathComponent("merged.html")
        let merge = try CommandRunner.run(["whatif", "merge", "--scenario", Self.guideline] + folders + ["--report", merged.path])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        XCTAssertEqual(try Data(contentsOf: merged), try Data(contentsOf: whole))
    }
}
