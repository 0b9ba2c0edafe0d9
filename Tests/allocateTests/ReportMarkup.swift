import Foundation
import XCTest

/// An HTML report read back with regular expressions (none of the tool's own
/// code): the `data-` attributes of its charts and tables, and the checks that
/// every figure drawn equals the figure of result.json. Used on the file
/// `--report` writes and on the DOM headless Chromium renders from it.
struct ReportMarkup {
    var html: String

    /// Attributes of an element, unescaped.
    typealias Attributes = [String: String]

    /// The attributes of every start tag `<tag ...>` in `text` that has attribute `name`.
    static func tags(_ tag: String, with name: String, in text: String) -> [Attributes] {
        let pattern = try! NSRegularExpression(pattern: "<\(tag)\\b([^>]*)>")
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match in
            let attributes = Self.attributes(String(text[Range(match.range(at: 1), in: text)!]))
            return attributes[name] == nil ? nil : attributes
        }
    }

    static func attributes(_ text: String) -> Attributes {
        let pattern = try! NSRegularExpression(pattern: "([a-zA-Z_:][-a-zA-Z0-9_:.]*)=\"([^\"]*)\"")
        var out: Attributes = [:]
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            out[String(text[Range(match.range(at: 1), in: text)!])] = unescape(String(text[Range(match.range(at: 2), in: text)!]))
        }
        return out
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The text of the chart `<svg data-chart="name">`, to its `</svg>`.
    func chart(_ name: String) -> String? {
        guard let start = html.range(of: "data-chart=\"\(name)\"") else { return nil }
        guard let end = html.range(of: "</svg>", range: start.upperBound ..< html.endIndex) else { return nil }
        return String(html[start.lowerBound ..< end.upperBound])
    }

    /// The `data-` attributes of each bar of chart `name`, in the order drawn.
    func bars(_ name: String) -> [Attributes] {
        chart(name).map { Self.tags("g", with: "class", in: $0).filter { $0["class"] == "bar" } } ?? []
    }

    /// The integration table's cells: figure key -> process -> data-value.
    func comparisonCells() -> [String: [String: Double]] {
        let row = try! NSRegularExpression(pattern: "<tr data-figure=\"([^\"]+)\">(.*?)</tr>", options: [.dotMatchesLineSeparators])
        var out: [String: [String: Double]] = [:]
        for match in row.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let key = String(html[Range(match.range(at: 1), in: html)!])
            let cells = Self.tags("td", with: "data-process", in: String(html[Range(match.range(at: 2), in: html)!]))
            for cell in cells {
                if let value = cell["data-value"].flatMap(Double.init) { out[key, default: [:]][cell["data-process"]!] = value }
            }
        }
        return out
    }

    /// Rows of the unfunded table (`<tr data-order data-id data-reason>`), in page order.
    var unfundedRows: [Attributes] { Self.tags("tr", with: "data-order", in: table("sortable unfunded") ?? "") }

    /// The text of the first `<table class="name">`, to its `</table>`.
    func table(_ name: String) -> String? {
        guard let start = html.range(of: "<table class=\"\(name)\"") else { return nil }
        guard let end = html.range(of: "</table>", range: start.upperBound ..< html.endIndex) else { return nil }
        return String(html[start.lowerBound ..< end.upperBound])
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return false }
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    static func number(_ a: Attributes, _ key: String) -> Double? { a[key].flatMap(Double.init) }

    /// Checks every figure of the budget, strategy and unfunded parts, and the
    /// integrated column, against `result` (result.json) and `scenario` (its JSON).
    func check(against result: ResultFile, scenario: [String: Any], _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        // Levels: summary.levels.
        let levels = (result.json["summary"] as? [String: Any])?["levels"] as? [[String: Any]] ?? []
        let levelBars = bars("levels")
        XCTAssertEqual(levelBars.map { $0["data-level"] ?? "" }, levels.map { $0["level"] as? String ?? "?" }, "\(label): levels", file: file, line: line)
        for (bar, level) in zip(levelBars, levels) {
            XCTAssertEqual(Self.number(bar, "data-used"), ResultFile.number(level["cost"]), "\(label): level used", file: file, line: line)
            XCTAssertTrue(Self.close(Self.number(bar, "data-budget"), ResultFile.number(level["budget"])), "\(label): level budget", file: file, line: line)
            XCTAssertEqual(Self.number(bar, "data-projects"), ResultFile.number(level["projects"]), "\(label): level projects", file: file, line: line)
        }
        // Funders: the 20 largest budgets, ties in scenario order.
        let funders = result.funders
        func total(_ f: [String: Any], _ key: String) -> Double { (f[key] as? [Any] ?? []).compactMap(ResultFile.number).reduce(0, +) }
        let top = funders.indices.sorted {
            let (a, b) = (total(funders[$0], "budget"), total(funders[$1], "budget"))
            return a != b ? a > b : $0 < $1
        }.prefix(20)
        let funderBars = bars("funders")
        XCTAssertEqual(funderBars.map { $0["data-funder"] ?? "" }, top.map { funders[$0]["id"] as? String ?? "?" }, "\(label): funders listed", file: file, line: line)
        for (bar, f) in zip(funderBars, top) {
            XCTAssertTrue(Self.close(Self.number(bar, "data-used"), total(funders[f], "used")), "\(label): \(bar["data-funder"]!) used", file: file, line: line)
            XCTAssertTrue(Self.close(Self.number(bar, "data-budget"), total(funders[f], "budget")), "\(label): funder budget", file: file, line: line)
            XCTAssertEqual(Self.number(bar, "data-projects"), ResultFile.number(funders[f]["projects"]), "\(label): funder projects", file: file, line: line)
        }
        // Strategies: result.json's strategies, the scenario's minShare.
        let strategyBars = bars("strategies")
        let scenarioStrategies = scenario["strategies"] as? [[String: Any]] ?? []
        XCTAssertEqual(strategyBars.map { $0["data-strategy"] ?? "" }, result.strategies.map { $0["id"] as? String ?? "?" }, "\(label): strategies", file: file, line: line)
        for (k, (bar, strategy)) in zip(strategyBars, result.strategies).enumerated() {
            XCTAssertEqual(Self.number(bar, "data-funded-cost"), ResultFile.number(strategy["fundedCost"]), "\(label): fundedCost", file: file, line: line)
            XCTAssertEqual(Self.number(bar, "data-share"), ResultFile.number(strategy["share"]), "\(label): share", file: file, line: line)
            XCTAssertEqual(Self.number(bar, "data-min-share"), ResultFile.number(scenarioStrategies[k]["minShare"]) ?? 0, "\(label): minShare", file: file, line: line)
        }
        // Integrated column: result.json's objective, count and money.
        let summary = result.json["summary"] as? [String: Any] ?? [:]
        let cells = comparisonCells()
        XCTAssertTrue(Self.close(cells["value"]?["integrated"], result.objective), "\(label): integrated value", file: file, line: line)
        XCTAssertEqual(cells["projectsFunded"]?["integrated"], ResultFile.number(summary["funded"]), "\(label): integrated projects", file: file, line: line)
        XCTAssertEqual(cells["moneySpent"]?["integrated"], ResultFile.number(summary["fundedCost"]), "\(label): integrated money", file: file, line: line)
        // Unfunded: every one listed (below the cap), with result.json's reason, highest priority first.
        let unfunded = result.projects.filter { ($0["funded"] as? Bool) == false }
        let rows = unfundedRows
        let priority: [String: Double] = Dictionary(uniqueKeysWithValues: (scenario["projects"] as? [[String: Any]] ?? []).map {
            ($0["id"] as? String ?? "", ResultFile.number($0["priority"]) ?? -1)
        })
        XCTAssertEqual(Set(rows.map { $0["data-id"] ?? "" }), Set(unfunded.map { $0["id"] as? String ?? "?" }), "\(label): unfunded listed", file: file, line: line)
        XCTAssertEqual(rows.count, unfunded.count, "\(label): each unfunded once", file: file, line: line)
        let reasonOf = Dictionary(uniqueKeysWithValues: unfunded.map { ($0["id"] as? String ?? "", $0["reason"] as? String ?? "") })
        for row in rows { XCTAssertEqual(row["data-reason"], reasonOf[row["data-id"] ?? ""], "\(label): reason of \(row["data-id"] ?? "")", file: file, line: line) }
        let priorities = rows.map { priority[$0["data-id"] ?? ""] ?? -1 }
        XCTAssertEqual(priorities, priorities.sorted(by: >), "\(label): highest priority first", file: file, line: line)
        var counts: [String: Double] = [:]
        for project in unfunded { counts[project["reason"] as? String ?? "", default: 0] += 1 }
        let countRows = Self.tags("tr", with: "data-count", in: html)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: countRows.map { ($0["data-reason"] ?? "", Self.number($0, "data-count") ?? -1) }), counts,
                       "\(label): reason counts", file: file, line: line)
    }
}
