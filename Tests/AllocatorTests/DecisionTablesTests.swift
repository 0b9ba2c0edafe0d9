import Allocator
import Foundation
import Testing

/// `CSV` and `DecisionTables`: what `allocate SCENARIO --csv DIR` writes,
/// on the guideline example (solved exactly) and on a five-year plan.
@Suite struct DecisionTablesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func solved(_ name: String) throws -> (AllocationResult, ResultFigures) {
        let s = try ScenarioReader.read(contentsOf: root.appendingPathComponent("scenarios/\(name)").path)
        let result = try Allocation.solve(s, options: SolveOptions(timeLimit: 20))
        return (result, ResultFigures(model: result.model, decision: result.decision))
    }

    @Test func cellsAreQuotedOnlyWhenTheyMustBe() {
        #expect(CSV.field("ขุดลอกคลอง") == "ขุดลอกคลอง")
        #expect(CSV.field("ขุดลอก, กำจัดวัชพืช") == "\"ขุดลอก, กำจัดวัชพืช\"")
        #expect(CSV.field("ถนน \"ลูกรัง\"") == "\"ถนน \"\"ลูกรัง\"\"\"")
        #expect(CSV.field("บรรทัด\nสอง") == "\"บรรทัด\nสอง\"")
        #expect(CSV.row(["a", "", "b,c"]) == "a,,\"b,c\"\n")
        #expect(CSV.number(1_250_000) == "1250000")
        #expect(CSV.number(0.1 + 0.2) == "0.3")
    }

    /// Text a spreadsheet would run as a formula gets a `'` in front; the
    /// numbers the writer makes (negative ones too) stay numbers.
    @Test func textThatLooksLikeAFormulaIsGuarded() {
        #expect(CSV.row([.number(-5), .text("-5"), .integer(-3), "=1+1", "+1", "@A1", "\tx", "\rx", "ok", "a=b"])
            == "-5,'-5,-3,'=1+1,'+1,'@A1,'\tx,\"'\rx\",ok,a=b\n")
        #expect(CSV.field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(CSV.field(.number(-1_250_000.5)) == "-1250000.5")
        #expect(CSV.field(.exactNumber(-0.1)) == "-0.1")
        #expect(CSV.field("") == "")
    }

    /// The written text reads back, through `CSVReader`, as the same cells.
    @Test func projectsTableOfTheGuidelineExample() throws {
        let (result, figures) = try Self.solved("guideline-example.json")
        let text = DecisionTables.projects(result, figures: figures)
        #expect(text.hasPrefix("\u{FEFF}id,name,area,sector,strategies,priority,requestedCost,funded,funder,funderName,level,start,cost,reason,explanation\n"))
        let rows = try CSVReader.records(Array(text.utf8), file: "result-projects.csv").map(\.fields)
        #expect(rows.count == 1 + 6)
        #expect(rows.allSatisfy { $0.count == 15 })
        #expect(rows[1] == ["P1", "ขุดลอกหนองน้ำสาธารณะ", "KK-01-03-05", "water", "S1", "9", "500000", "yes", "LAO-KK-01-03",
                            "อบต.หนองบัว", "lao", "1", "500000", "", ""])
        #expect(rows[3][7...10] == ["yes", "DIST-KK-01", "อำเภอบ้านฝาง", "district"])
        #expect(rows[6][8] == "COM-KK-01-03-05")
        #expect(text.components(separatedBy: "\n").count == 8, "LF after every row")
    }

    @Test func unfundedProjectsCarryTheirReason() throws {
        let (result, figures) = try Self.solved("csv-example.json")
        let rows = try CSVReader.records(Array(DecisionTables.projects(result, figures: figures).utf8), file: "p.csv").map(\.fields)
        let p07 = try #require(rows.first { $0[0] == "P07" })
        #expect(p07[7] == "no")
        #expect(p07[13] == "overlap")
        #expect(p07[14].contains("P02"))
        let p02 = try #require(rows.first { $0[0] == "P02" })
        #expect(p02[1] == "ซ่อมถนน \"ลูกรัง\" เข้าหมู่บ้าน")
        let p09 = try #require(rows.first { $0[0] == "P09" })
        #expect(p09[6] == "1250000.5")
    }

    @Test func fundersTableHasOneColumnPairPerPlanYear() throws {
        let (result, figures) = try Self.solved("five-year-plan.json")
        let rows = try CSVReader.records(Array(DecisionTables.funders(result, figures: figures).utf8), file: "f.csv").map(\.fields)
        #expect(rows[0] == ["id", "name", "level", "area", "budget", "used", "left", "projects", "maxProjects",
                            "budgetYear1", "usedYear1", "budgetYear2", "usedYear2", "budgetYear3", "usedYear3",
                            "budgetYear4", "usedYear4", "budgetYear5", "usedYear5"])
        let s = result.scenario
        #expect(rows.count == 1 + s.funders.count)
        for (f, row) in rows.dropFirst().enumerated() {
            #expect(row[0] == s.funders[f].id)
            let budget = try #require(Double(row[4])), used = try #require(Double(row[5])), left = try #require(Double(row[6]))
            #expect(abs(budget - s.funders[f].budget.reduce(0, +)) < 1e-6)
            #expect(abs(budget - used - left) < 1e-6)
            let yearly = stride(from: 10, to: row.count, by: 2).map { Double(row[$0]) ?? .nan }
            #expect(abs(yearly.reduce(0, +) - used) < 1e-3)
            #expect(Int(row[7]) == figures.funders[f].projects)
        }
    }
}
