import Allocator
import Foundation
import Testing

/// `PabulibImport` on the real Częstochowa 2020 files (../shared/data/pabulib):
/// one funder per file with the META budget, the projects' costs and scores as
/// written, the score and votes columns equal to what the VOTES section counts,
/// the committed scenario reproduced, and a solve that is never worse than the
/// files' own greedy rule (a feasible decision of the same model). Synthetic
/// files cover categories, targets, `selected`, comma decimals and problems.
@Suite struct PabulibImportTests {
    static let dataFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/data/pabulib").standardized
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let names = [
        "Poland_Czestochowa_2020", "Poland_Czestochowa_2020_Grabowka", "Poland_Czestochowa_2020_Mirow",
        "Poland_Czestochowa_2020_Podjasnogorska", "Poland_Czestochowa_2020_Stare_Miasto",
    ]

    static func file(_ name: String) throws -> CSVFile {
        try CSVFile.read(dataFolder.appendingPathComponent(name + ".pb").path)
    }

    static func problems(_ texts: [(String, String)], priority: PabulibImport.Priority = .score) -> [String] {
        do {
            let s = try PabulibImport.read(texts.map { CSVFile(name: $0.0, text: $0.1) }, priority: priority).validated()
            Issue.record("expected problems, got \(s.projects.count) projects")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    // MARK: Real files

    @Test func allFiveFilesBecomeOneScenarioWithOneFunderPerBudget() throws {
        let files = try Self.names.map(Self.file)
        let imported = try PabulibImport.read(files)
        let s = try imported.validated()
        #expect(s.funders.map(\.id) == Self.names)
        #expect(s.funders.map(\.budget) == [[2_367_122], [225_862], [233_863], [143_868], [273_332]])
        #expect(s.funders.map(\.level) == [.province, .district, .district, .district, .district])
        #expect(s.areas.map(\.id) == ["Częstochowa", "Częstochowa/Grabówka", "Częstochowa/Mirów", "Częstochowa/Podjasnogórska",
                                      "Częstochowa/Stare Miasto"])
        #expect(s.projects.count == 90 + 8 + 10 + 9 + 13)
        #expect(s.policy.strategyRequired.isEmpty)
        #expect(s.policy.mipGap == 0)
        let first = try #require(s.projects.first)
        #expect(first.id == "409" && first.cost == .total(1_150_000) && first.priority == 12822)
        #expect(first.funder == "Poland_Czestochowa_2020" && first.levels == [.province])
        let odkupmy = try #require(s.projects.first { $0.id == "47" })
        #expect(odkupmy.name?.hasPrefix("\"Odkupmy\" i my - zakup") == true, "quotes inside a name are kept")
        #expect(odkupmy.funder == "Poland_Czestochowa_2020_Grabowka" && odkupmy.area == "Częstochowa/Grabówka")
        let committed = try String(contentsOf: Self.root.appendingPathComponent("scenarios/czestochowa-2020-pabulib.json"), encoding: .utf8)
        #expect(imported.json().serialized() == committed)
    }

    /// The score and votes columns are what the VOTES section adds up to (sum
    /// of points; ballots listing the project), in every file; importing with
    /// the columns or counting the ballots gives the same priorities.
    @Test func scoreAndVotesColumnsEqualTheBallotsCounted() throws {
        for name in Self.names {
            let file = try PabulibFile.read(try Self.file(name))
            let section = file.projects
            let id = try #require(section.column("project_id"))
            let votes = try #require(section.column("votes")), score = try #require(section.column("score"))
            let ids = section.rows.compactMap { section.cell($0, id) }
            let tally = try file.tally(projectIds: Set(ids))
            for row in section.rows {
                let project = try #require(section.cell(row, id))
                #expect(Double(section.cell(row, score) ?? "") == tally.points[project, default: 0], "\(name) \(project) score")
                #expect(Int(section.cell(row, votes) ?? "") == tally.ballots[project, default: 0], "\(name) \(project) votes")
            }
        }
    }

    @Test func twoFilesAloneAndThePriorityByVotes() throws {
        let s = try PabulibImport.read([try Self.file(Self.names[2]), try Self.file(Self.names[1])], priority: .votes).validated()
        #expect(s.name == "Częstochowa 2020: 2 participatory budgets (pabulib)")
        #expect(s.funders.map(\.id) == [Self.names[2], Self.names[1]])
        #expect(s.areas.map(\.id) == ["Częstochowa", "Częstochowa/Mirów", "Częstochowa/Grabówka"])
        #expect(s.projects.count == 18)
        #expect(s.projects[0].id == "261" && s.projects[0].priority == 209, "Mirów's first project: 209 votes")
    }

    /// Each budget is a separate knapsack (projects pinned to their funder), so
    /// the optimum is optimal budget by budget: its total score is at least that of
    /// the files' own rule, greedy by score. They agree on the four districts; in the
    /// city the optimum funds 27 projects (60,322 points) where greedy funds 7 (30,831).
    @Test func optimumIsNeverWorseThanTheGreedyRuleOfTheFiles() throws {
        let s = try PabulibImport.read(try Self.names.map(Self.file)).validated()
        let result = try Allocation.solve(s, options: SolveOptions(timeLimit: 30))
        #expect(result.status == .optimal)
        let decision = try #require(result.decision)
        var totals: [(greedy: Double, optimum: Double, same: Bool)] = []
        for (f, funder) in s.funders.enumerated() {
            let members = s.projects.indices.filter { s.projects[$0].funder == funder.id }
            var left = funder.budget[0]
            var greedy = Set<Int>()
            for p in members.sorted(by: { (s.projects[$0].priority, $1) > (s.projects[$1].priority, $0) }) where s.projects[p].cost.total <= left {
                greedy.insert(p)
                left -= s.projects[p].cost.total
            }
            let chosen = Set(members.filter { decision.assignments[$0]?.funder == f })
            let score = { (set: Set<Int>) in set.reduce(0.0) { $0 + s.projects[$1].priority } }
            #expect(score(chosen) >= score(greedy), "\(funder.id)")
            totals.append((score(greedy), score(chosen), chosen == greedy))
        }
        #expect(totals.map(\.same) == [false, true, true, true, true])
        #expect(totals[0].greedy == 30831 && totals[0].optimum == 60322)
    }

    // MARK: Synthetic files

    static let header = "META\nkey;value\ndescription;Test PB\nunit;Bangkok\ninstance;2024\nbudget;1000,5\nvote_type;approval\ncurrency;THB\n"

    @Test func categoriesTargetsSelectedAndCommaDecimals() throws {
        let text = Self.header + "PROJECTS\nproject_id;cost;votes;name;category;target;selected\n"
            + "1;500,25;10;สวนสาธารณะ;environment,health;children;1\n2;600;8;ถนน;none;seniors,children;0\n"
            + "VOTES\nvoter_id;vote\nv1;1,2\n"
        let imported = try PabulibImport.read([CSVFile(name: "dir/bkk.pb", text: text)])
        let s = try imported.validated()
        #expect(s.name == "Test PB 2024")
        #expect(s.funders == [Funder(id: "bkk", name: "Test PB (2024)", level: .province, area: "Bangkok", budget: [1000.5])])
        #expect(s.strategies.map(\.id) == ["category:environment", "category:health", "target:children", "target:seniors"])
        #expect(s.projects[0].strategies == ["category:environment", "category:health", "target:children"])
        #expect(s.projects[1].strategies == ["target:seniors", "target:children"])
        #expect(s.projects[0].cost == .total(500.25))
        #expect(s.projects.map(\.priority) == [1, 1], "approval without a score column: approvals counted from VOTES")
        let json = imported.json().serialized()
        #expect(json.contains("\"x-votes\": 10, \"x-selected\": 1}"))
        #expect(json.contains("\"file\": \"bkk.pb\""))
    }

    @Test func idsUsedInTwoFilesArePrefixedWithTheirFunder() throws {
        let a = Self.header + "PROJECTS\nproject_id;cost;votes\n1;100;3\n2;200;4\n"
        let b = Self.header.replacingOccurrences(of: "unit;Bangkok", with: "unit;Bangkok\nsubunit;Bang Rak") + "PROJECTS\nproject_id;cost;votes\n1;50;9\n"
        let files = [CSVFile(name: "a.pb", text: a), CSVFile(name: "b.pb", text: b)]
        let s = try PabulibImport.read(files, priority: .votes).validated()
        #expect(s.projects.map(\.id) == ["a:1", "a:2", "b:1"])
        #expect(s.projects.map(\.funder) == ["a", "a", "b"])
        #expect(s.projects.map(\.priority) == [3, 4, 9])
        #expect(Self.problems([("a.pb", a)]) == [
            "a.pb, line 10: the PROJECTS header has no score column and there is no VOTES section to count it from "
                + "(--pabulib-priority votes uses the votes column)",
        ])
    }

    @Test func problemsNameFileLineAndColumn() {
        let text = "META\nkey;value\nunit;X\nPROJECTS\nproject_id;cost;score\n1;abc;5\n2;100;-1\n2;100;3\n"
        #expect(Self.problems([("x.pb", text)]) == [
            "x.pb: the META section has no budget",
        ])
        let withBudget = text.replacingOccurrences(of: "unit;X", with: "unit;X\nbudget;100")
        #expect(Self.problems([("x.pb", withBudget)]) == [
            "x.pb, line 7, column \"cost\": expected an amount, found \"abc\"",
            "x.pb, line 8, column \"score\": expected a number >= 0, found \"-1\"",
            "x.pb, line 9, column \"project_id\": project \"2\" is already listed on line 8",
        ])
        let zeroCost = withBudget.replacingOccurrences(of: "1;abc;5\n2;100;-1\n2;100;3\n", with: "1;0;5\n")
        #expect(Self.problems([("x.pb", zeroCost)]) == ["x.pb, line 7, column \"cost\": must be > 0, found 0"])
        let unknownVote = Self.header + "PROJECTS\nproject_id;cost\n1;100\nVOTES\nvoter_id;vote\nv1;1,7\n"
        #expect(Self.problems([("v.pb", unknownVote)]) == [
            "v.pb, line 14, column \"vote\": a vote for project \"7\", which the PROJECTS section does not list",
        ])
        #expect(Self.problems([("same.pb", unknownVote.replacingOccurrences(of: ",7", with: "")), ("other/same.pb", unknownVote.replacingOccurrences(of: ",7", with: ""))]) == [
            "other/same.pb: two files are named same.pb (the other is same.pb); each file's name becomes its funder's id",
        ])
        #expect(Self.problems([("n.pb", "hello;world\n")]) == [
            "n.pb, line 1: expected the section title META, PROJECTS or VOTES on the first line",
        ])
    }
}
