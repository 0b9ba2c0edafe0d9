import Allocator
import Foundation
import Testing

/// `SpreadsheetImport`: the example set in scenarios/csv-example/ becomes a
/// scenario that validates and equals the committed scenarios/csv-example.json;
/// every kind of bad cell is reported with its file, row and column; and the
/// validator's problems come back at the row and column they are about.
@Suite struct SpreadsheetImportTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ name: String) throws -> CSVFile {
        try CSVFile.read(root.appendingPathComponent("scenarios/csv-example/\(name).csv").path)
    }

    static let exampleName = "ตัวอย่างนำเข้าจากตาราง: อ.บ้านฝาง (CSV import example)"

    static let areas = "id,name,parent,kind\nKK,จ.ขอนแก่น,,province\nKK-01,อ.บ้านฝาง,KK,district\n"
    static let strategies = "id,name,weight,minShare\nS1,น้ำ,0.5,20%\n"
    static let funders = "id,name,level,area,budget\nLAO,อบต.,lao,KK-01,\"1,000,000\"\nDIST,อำเภอ,district,KK-01,\"2,000,000\"\n"
    static let projects = "id,name,area,cost,priority,strategies\nP1,ขุดลอก,KK-01,\"500,000\",9,S1\nP2,ถนน,KK-01,\"750,000.50\",7,S1\n"

    /// Imports the given texts (the small valid set above for those not given) and validates.
    static func run(
        areas: String = areas, strategies: String? = strategies, funders: String = funders, projects: String = projects,
        policy: String? = nil, horizon: Int = 1
    ) throws(ImportError) -> Scenario {
        let files = SpreadsheetImport.Files(
            areas: CSVFile(name: "areas.csv", text: areas), strategies: strategies.map { CSVFile(name: "strategies.csv", text: $0) },
            funders: CSVFile(name: "funders.csv", text: funders), projects: CSVFile(name: "projects.csv", text: projects),
            policy: policy.map { CSVFile(name: "policy.csv", text: $0) })
        return try SpreadsheetImport.read(files, settings: .init(name: "t", horizon: horizon)).validated()
    }

    /// The problems of an import that must fail.
    static func problems(
        areas: String = areas, strategies: String? = strategies, funders: String = funders, projects: String = projects,
        policy: String? = nil, horizon: Int = 1
    ) -> [ImportProblem] {
        do {
            let s = try run(areas: areas, strategies: strategies, funders: funders, projects: projects, policy: policy, horizon: horizon)
            Issue.record("expected problems, got a scenario with \(s.projects.count) projects")
            return []
        } catch {
            return error.problems
        }
    }

    // MARK: The example set

    @Test func exampleSetImportsToTheCommittedScenario() throws {
        let files = SpreadsheetImport.Files(
            areas: try Self.example("areas"), strategies: try Self.example("strategies"), funders: try Self.example("funders"),
            projects: try Self.example("projects"), policy: try Self.example("policy"))
        let imported = try SpreadsheetImport.read(files, settings: .init(name: Self.exampleName, fiscalYear: 2570))
        let scenario = try imported.validated()
        #expect(scenario == imported.scenario, "the validator reads back exactly what was built")
        #expect(scenario.projects.count == 16)
        #expect(scenario.funders.count == 7)
        let committed = try String(contentsOf: Self.root.appendingPathComponent("scenarios/csv-example.json"), encoding: .utf8)
        #expect(imported.json().serialized() == committed)
        #expect(try ScenarioReader.read(contentsOf: Self.root.appendingPathComponent("scenarios/csv-example.json").path) == scenario)

        // What the cells hold: a quoted name with a comma, doubled quotes, thousands
        // separators with decimals, a list, yes, the ministry without area, a percentage.
        let p = Dictionary(uniqueKeysWithValues: scenario.projects.map { ($0.id, $0) })
        #expect(p["P01"]?.name == "ขุดลอกหนองน้ำสาธารณะ, กำจัดวัชพืช")
        #expect(p["P02"]?.name == "ซ่อมถนน \"ลูกรัง\" เข้าหมู่บ้าน")
        #expect(p["P09"]?.cost == .total(1_250_000.5))
        #expect(p["P09"]?.requires == ["P08"])
        #expect(p["P05"]?.strategies == ["S2", "S3"])
        #expect(p["P06"]?.selfReliant == true)
        #expect(p["P10"]?.mandatory == true)
        #expect(p["P10"]?.levels == [.lao])
        #expect(p["P16"]?.levels == [.district, .province])
        #expect(scenario.funders.last?.area == nil)
        #expect(scenario.funders.last?.sectors == ["water"])
        #expect(scenario.strategies[0].minShare == 0.25)
        #expect(scenario.strategies[1].name == "คุณภาพชีวิต, การศึกษา และสาธารณสุข (quality of life, education, health)")
        #expect(scenario.policy.mipGap == 0)
        #expect(scenario.policy.timeLimit == 30)
    }

    // MARK: Cells

    @Test func everyColumnOfTheFormatIsRead() throws {
        let funders = "id,name,level,area,budget,maxProjects,maxProjectCost,sectors\n"
            + "LAO,อบต.,lao,KK-01,\"1,000,000; 1,100,000; 1,200,000\",4,\"฿600,000\",water; roads\n"
            + "RID,กรม,ministry,,\"3,000,000\",,,water\n"
        let projects = "id,name,area,cost,priority,sector,strategies,selfReliant,levels,overlaps,requires,mandatory,funder,exclude,"
            + "duration,earliestStart,latestStart,costAt,valueAt\n"
            + "P1,ก,KK-01,\"100,000; 250,000\",8,water,S1,no,community; lao,canal-12,P2,yes,LAO,false,,2,2,\"community=200,000; RID=90000\",lao=3\n"
            + "P2,ข,KK-01,\"300,000\",๗,roads,S1,,,,,,,,3,,,,\n"
        let s = try Self.run(funders: funders, projects: projects, horizon: 3)
        #expect(s.horizon == 3)
        #expect(s.funders[0].budget == [1_000_000, 1_100_000, 1_200_000])
        #expect(s.funders[0].maxProjects == 4)
        #expect(s.funders[0].maxProjectCost == 600_000)
        #expect(s.funders[0].sectors == ["water", "roads"])
        #expect(s.funders[1].budget == [3_000_000, 3_000_000, 3_000_000], "one amount is every year's budget")
        let p1 = s.projects[0], p2 = s.projects[1]
        #expect(p1.cost == .perYear([100_000, 250_000]))
        #expect(p1.duration == 2)
        #expect(p1.levels == [.community, .lao])
        #expect(p1.overlaps == ["canal-12"])
        #expect(p1.requires == ["P2"])
        #expect(p1.mandatory && !p1.exclude)
        #expect(p1.funder == "LAO")
        #expect(p1.earliestStart == 2 && p1.latestStart == 2)
        #expect(p1.costAt == [.init(key: "community", value: .total(200_000)), .init(key: "RID", value: .total(90_000))])
        #expect(p1.valueAt == [.init(key: "lao", value: 3)])
        #expect(p2.priority == 7, "Thai digits")
        #expect(p2.duration == 3)
    }

    @Test func policyFileSetsEachKeyOnce() throws {
        let s = try Self.run(policy: "key,value\nescalationPenalty,0.5%\nstrategyRequired,none\nmipGap,0\ntimeLimit,10\ndelayDiscount,0.1\n")
        #expect(s.policy.escalationPenalty == 0.005)
        #expect(s.policy.strategyRequired == [])
        #expect(s.policy.mipGap == 0)
        #expect(s.policy.timeLimit == 10)
        #expect(s.policy.delayDiscount == 0.1)
        let levels = try Self.run(policy: "key,value\nstrategyRequired,district; province\n")
        #expect(levels.policy.strategyRequired == [.district, .province])
    }

    // MARK: Problems

    @Test func badCellsNameFileRowAndColumnAndWhatWasExpected() {
        let projects = "id,name,area,cost,priority,selfReliant,levels\n"
            + "P1,ก,KK-01,\"5,00,000\",9,,\n"
            + "P2,ข,KK-01,\"100,000\",high,,\n"
            + "P3,ค,KK-01,\"100,000\",3,maybe,\n"
            + "P4,ง,KK-01,\"100,000\",3,,lao; tambon\n"
            + "P1,จ,KK-01,\"100,000\",3,,\n"
            + "P6,ฉ,,\"100,000\",3,,\n"
        let problems = Self.problems(projects: projects)
        #expect(problems.map(\.description) == [
            "projects.csv, row 2, column \"cost\": expected an amount in baht (e.g. 1250000 or \"1,250,000.50\"; "
                + "commas only between groups of three digits), found \"5,00,000\"",
            "projects.csv, row 3, column \"priority\": expected a number (e.g. 8 or 7.5), found \"high\"",
            "projects.csv, row 4, column \"selfReliant\": expected yes or no (true/false, yes/no, 1/0, ใช่/ไม่ใช่), found \"maybe\"",
            "projects.csv, row 5, column \"levels\": unknown level \"tambon\"; expected community, lao, district, province, ministry",
            "projects.csv, row 6, column \"id\": the id \"P1\" is already used in row 2",
            "projects.csv, row 7, column \"area\": must not be empty",
        ])
    }

    @Test func headersAreCheckedWithAHintForTypos() {
        let problems = Self.problems(projects: "id,name,area,Cost,priorty,x-หมายเหตุ\nP1,ก,KK-01,\"1,000\",3,โน้ต\n")
        #expect(problems.count == 2)
        #expect(problems[0].description.hasPrefix("projects.csv, row 1, column \"priorty\": unknown column; did you mean \"priority\"?"))
        #expect(problems[1].description == "projects.csv, row 1: missing required column \"priority\"")
        let repeated = Self.problems(areas: "id,name,ID\nKK,ก,KK\n")
        #expect(repeated.map(\.description) == ["areas.csv, row 1, column \"ID\": a second column for id (the first is \"id\")"])
    }

    @Test func aFileWithSemicolonsBetweenCellsIsRecognised() {
        let problems = Self.problems(areas: "id;name;parent;kind\nKK;จ.ขอนแก่น;;province\n")
        #expect(problems.map(\.description) == [
            "areas.csv, row 1: the header is one cell, \"id;name;parent;kind\": the cells seem to be separated by ; "
                + "instead of commas; save the sheet as CSV UTF-8 (comma delimited)",
        ])
    }

    @Test func anUnquotedAmountShiftsTheRowAndIsReported() {
        let problems = Self.problems(funders: "id,name,level,area,budget\nLAO,อบต.,lao,KK-01,1,000,000\n")
        #expect(problems.map(\.description) == [
            "funders.csv, row 2: the row has 7 cells but the header has 5 columns "
                + "(an amount with thousands separators must be in quotes: \"1,250,000\")",
        ])
    }

    @Test func budgetsMustGiveOneAmountOrOnePerPlanYear() {
        let problems = Self.problems(funders: "id,level,area,budget\nLAO,lao,KK-01,\"1,000; 2,000\"\n", horizon: 3)
        #expect(problems.map(\.description) == [
            "funders.csv, row 2, column \"budget\": 2 yearly amounts but the horizon (--horizon) is 3: "
                + "give one amount for every year, or one per plan year separated by ;",
        ])
    }

    @Test func policyKeysAreChecked() {
        let problems = Self.problems(policy: "key,value\nmipGapp,0\nmipGap,1%\nmipGap,0\ntimeLimit,\n")
        #expect(problems.map(\.description) == [
            "policy.csv, row 2, column \"key\": unknown policy key \"mipGapp\"; did you mean \"mipGap\"? "
                + "(known keys: escalationPenalty, delayDiscount, strategyRequired, mipGap, timeLimit)",
            "policy.csv, row 4, column \"key\": mipGap is already set in row 3",
            "policy.csv, row 5, column \"value\": must not be empty",
        ])
    }

    /// Problems only the scenario reader finds (references, ranges, lengths) are
    /// reported at the row and column of the cell they are about.
    @Test func validatorProblemsComeBackAtTheirRowAndColumn() {
        let projects = "id,name,area,cost,priority,strategies,requires,duration\n"
            + "P1,ก,KK-09,\"500,000\",9,S1,,\n"
            + "P2,ข,KK-01,-5,7,S1; S7,P9,\n"
            + "P3,ค,KK-01,\"100; 200; 300\",1,S1,,2\n"
        let areas = Self.areas + "KK-02,วงวน,KK-03,\nKK-03,วงวน,KK-02,\n"
        let problems = Self.problems(areas: areas, projects: projects, policy: "key,value\nmipGap,1.5\n", horizon: 3)
        #expect(problems.map(\.description) == [
            "areas.csv, row 4, column \"parent\": parent links form a cycle: \"KK-02\" -> \"KK-03\" -> \"KK-02\"",
            "projects.csv, row 2, column \"area\": unknown area \"KK-09\"",
            "projects.csv, row 3, column \"cost\": must be > 0, found -5",
            "projects.csv, row 3, column \"strategies\": unknown strategy \"S7\"",
            "projects.csv, row 3, column \"requires\": unknown project \"P9\"",
            "projects.csv, row 4, column \"cost\": 3 yearly amounts but duration is 2",
            "policy.csv, row 2, column \"value\": must be at least 0 and less than 1, found 1.5",
        ])
    }

    @Test func optionsAreNamedInTheirProblems() {
        let files = SpreadsheetImport.Files(
            areas: CSVFile(name: "areas.csv", text: Self.areas), funders: CSVFile(name: "funders.csv", text: Self.funders),
            projects: CSVFile(name: "projects.csv", text: "id,area,cost,priority\nP1,KK-01,1000,1\n"))
        do {
            _ = try SpreadsheetImport.read(files, settings: .init(name: "t", fiscalYear: 2026)).validated()
            Issue.record("a Gregorian fiscal year must be refused")
        } catch {
            #expect(error.problems.first?.option == "--fiscal-year")
            #expect(error.problems.first?.description.hasPrefix("--fiscal-year: must be a Buddhist Era year") == true)
        }
    }

    @Test func emptyFileAndSyntaxErrorsOfSeveralFilesAreAllReported() {
        let problems = Self.problems(areas: "", strategies: "id,name\nS1,\"น้ำ\n", funders: "\u{FEFF}id,level,budget\n")
        #expect(problems.map(\.description) == [
            "areas.csv: the file has no header row (it is empty)",
            "strategies.csv, row 2: a quoted cell starting on line 2 is never closed (a closing \" is missing)",
        ])
    }
}
