@testable import Allocator
import Foundation
import Testing

/// Each field applied to a shipped scenario, with the selectors (level, area
/// subtree, plan year) and the rules of docs/whatif.md, and every problem an
/// applied change can have: unknown ids with the nearest suggested, a plan
/// year beyond the horizon, a scenario made invalid (the reader's message,
/// traced to the change).
@Suite struct ScenarioChangerTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shipped(_ name: String) throws -> Scenario {
        try ScenarioReader.read(contentsOf: root.appendingPathComponent("scenarios/\(name)").path)
    }

    /// The scenario `changes` (as `--set` flags) make of `base`.
    private func changed(_ base: Scenario, _ changes: String...) throws -> Scenario {
        try ScenarioChanger(base: base).scenario(for: try Variation.fromFlags(changes))
    }

    /// The problems of applying `changes` to `base`.
    private func problems(_ base: Scenario, _ changes: String...) -> [WhatIfProblem] {
        do {
            _ = try ScenarioChanger(base: base).scenario(for: try Variation.fromFlags(changes))
            return []
        } catch {
            return error.problems
        }
    }

    private func funder(_ s: Scenario, _ id: String) -> Funder {
        s.funders.first { $0.id == id }!
    }

    private func project(_ s: Scenario, _ id: String) -> Project {
        s.projects.first { $0.id == id }!
    }

    @Test func budgetsOfOneFunderALevelAndAnAreaSubtree() throws {
        let base = try Self.shipped("five-year-plan.json")
        var s = try changed(base, "funder:LAO-KK-05-02.budget=+100000")
        #expect(funder(s, "LAO-KK-05-02").budget == [1_000_000, 1_000_000, 1_100_000, 1_100_000, 1_200_000])
        s = try changed(base, "funder:LAO-KK-05-02.budget[2]*=0.5", "funder:LAO-KK-05-02.budget[5]=0")
        #expect(funder(s, "LAO-KK-05-02").budget == [900_000, 450_000, 1_000_000, 1_000_000, 0])
        s = try changed(base, "level:community.budget-=10000")
        #expect(funder(s, "COM-01").budget == Array(repeating: 40_000, count: 5))
        #expect(funder(s, "COM-04").budget == Array(repeating: 30_000, count: 5))
        #expect(funder(s, "LAO-KK-05-02").budget == funder(base, "LAO-KK-05-02").budget)
        // The area subtree: the district and everything inside it, not the province or the ministry.
        s = try changed(base, "area:KK-05.budget*=2")
        for id in ["COM-01", "COM-04", "LAO-KK-05-02", "DIST-KK-05"] {
            #expect(funder(s, id).budget == funder(base, id).budget.map { $0 * 2 }, "\(id)")
        }
        #expect(funder(s, "PROV-KK").budget == funder(base, "PROV-KK").budget)
        #expect(funder(s, "MIN-RID").budget == funder(base, "MIN-RID").budget)
        // Money is rounded to the satang.
        s = try changed(base, "funder:COM-01.budget*=0.3333333")
        #expect(funder(s, "COM-01").budget[0] == 16_666.67)
        // Nothing else changed.
        s = try changed(base, "funder:COM-01.budget=1")
        var expected = base
        expected.funders[0].budget = Array(repeating: 1, count: 5)
        #expect(s == expected)
    }

    @Test func capacitiesAndMandates() throws {
        let base = try Self.shipped("five-year-plan.json")
        var s = try changed(base, "funder:LAO-KK-05-02.maxProjects-=2", "funder:PROV-KK.maxProjects=none")
        #expect(funder(s, "LAO-KK-05-02").maxProjects == 10)
        #expect(funder(s, "PROV-KK").maxProjects == nil)
        // No limit stays no limit under += and *=; = sets one.
        s = try changed(base, "level:district.maxProjects+=1", "level:district.maxProjectCost*=2")
        #expect(funder(s, "DIST-KK-05").maxProjects == nil)
        #expect(funder(s, "DIST-KK-05").maxProjectCost == nil)
        s = try changed(base, "funder:DIST-KK-05.maxProjects=3", "funder:MIN-RID.maxProjectCost*=0.5")
        #expect(funder(s, "DIST-KK-05").maxProjects == 3)
        #expect(funder(s, "MIN-RID").maxProjectCost == 3_000_000)

        s = try changed(base, "funder:MIN-RID.sectors+=roads")
        #expect(funder(s, "MIN-RID").sectors == ["water", "roads"])
        s = try changed(base, "funder:MIN-RID.sectors=roads;health;roads")
        #expect(funder(s, "MIN-RID").sectors == ["roads", "health"])
        s = try changed(base, "funder:MIN-RID.sectors-=water")
        #expect(funder(s, "MIN-RID").sectors == [])
        s = try changed(base, "funder:MIN-RID.sectors=any")
        #expect(funder(s, "MIN-RID").sectors == nil)
        // A funder of every sector stays so under +=.
        s = try changed(base, "funder:PROV-KK.sectors+=roads")
        #expect(funder(s, "PROV-KK").sectors == nil)
    }

    @Test func projectsStrategiesAndPolicy() throws {
        let base = try Self.shipped("five-year-plan.json")
        var s = try changed(
            base, "project:W1.priority=10", "project:W3.exclude=true", "project:W4.mandatory=true",
            "project:W5.funder=COM-01", "project:W3.earliestStart+=1", "project:W3.latestStart=4")
        #expect(project(s, "W1").priority == 10)
        #expect(project(s, "W3").exclude)
        #expect(project(s, "W4").mandatory)
        #expect(project(s, "W5").funder == "COM-01")
        #expect(project(s, "W3").earliestStart == project(base, "W3").earliestStart + 1)
        #expect(project(s, "W3").latestStart == 4)
        s = try changed(base, "project:W5.funder=COM-01", "project:W5.funder=none")
        #expect(project(s, "W5").funder == nil)
        // latestStart absent counts as the horizon.
        s = try changed(base, "project:W1.latestStart-=1")
        #expect(project(s, "W1").latestStart == 4)
        // A per-year cost is scaled in proportion; a total is changed as it is.
        s = try changed(base, "project:W2.cost*=1.1", "project:W1.cost=+50000")
        #expect(project(s, "W2").cost == .perYear([1_650_000, 1_100_000]))
        #expect(project(s, "W1").cost == .total(300_000))
        s = try changed(base, "project:W2.cost=5000000")
        #expect(project(s, "W2").cost == .perYear([3_000_000, 2_000_000]))

        s = try changed(base, "strategy:S1.minShare=0.5", "strategy:S2.weight+=0.2")
        #expect(s.strategies[0].minShare == 0.5)
        #expect(s.strategies[1].weight == 0.3)
        s = try changed(
            base, "policy.escalationPenalty=0.01", "policy.delayDiscount*=2", "policy.mipGap=0",
            "policy.timeLimit=5", "policy.strategyRequired-=lao")
        #expect(s.policy.escalationPenalty == 0.01)
        #expect(s.policy.delayDiscount == 0.1)
        #expect(s.policy.mipGap == 0)
        #expect(s.policy.timeLimit == 5)
        #expect(s.policy.strategyRequired == [.district, .province, .ministry])
        s = try changed(base, "policy.strategyRequired=none", "policy.strategyRequired+=lao;province")
        #expect(s.policy.strategyRequired == [.lao, .province])
    }

    @Test func changesApplyInOrder() throws {
        let base = try Self.shipped("guideline-example.json")
        let s = try changed(base, "funder:LAO-KK-01-03.budget=100", "funder:LAO-KK-01-03.budget*=3", "funder:LAO-KK-01-03.budget+=1")
        #expect(funder(s, "LAO-KK-01-03").budget == [301])
    }

    @Test func unknownIdsSuggestTheNearest() {
        let base = try! Self.shipped("guideline-example.json")
        let found = problems(
            base, "funder:LAO-KK-01-3.budget*=0.9", "area:KK-1.budget*=2", "project:P7.exclude=true",
            "strategy:S3.weight=1", "project:P1.funder=DIST-KK-1", "funder:LAO-KK-01-03.sectors+=raods",
            "level:ministry.budget=0")
        #expect(found.map(\.description) == [
            "--set \"funder:LAO-KK-01-3.budget*=0.9\", column 8: unknown funder \"LAO-KK-01-3\"; did you mean \"LAO-KK-01-03\"?",
            "--set \"area:KK-1.budget*=2\", column 6: unknown area \"KK-1\"; did you mean \"KK-01\"?",
            "--set \"project:P7.exclude=true\", column 9: unknown project \"P7\"",
            "--set \"strategy:S3.weight=1\", column 10: unknown strategy \"S3\"",
            "--set \"project:P1.funder=DIST-KK-1\", column 19: unknown funder \"DIST-KK-1\"; did you mean \"DIST-KK-01\"?",
            "--set \"funder:LAO-KK-01-03.sectors+=raods\", column 30: no project or funder of the scenario has sector \"raods\"; did you mean \"roads\"? (sectors: water, roads, electricity, social)",
            "--set \"level:ministry.budget=0\", column 7: no funder has level ministry",
        ])
    }

    @Test func planYearsBeyondTheHorizon() throws {
        let one = try Self.shipped("guideline-example.json")
        #expect(problems(one, "funder:PROV-KK.budget[2]=5").map(\.description)
            == ["--set \"funder:PROV-KK.budget[2]=5\", column 23: the scenario has one plan year; leave out [2]"])
        #expect(funder(try changed(one, "funder:PROV-KK.budget[1]=5"), "PROV-KK").budget == [5])
        let five = try Self.shipped("five-year-plan.json")
        #expect(problems(five, "level:lao.budget[6]*=0.9").map(\.description)
            == ["--set \"level:lao.budget[6]*=0.9\", column 18: plan year 6 is beyond the horizon of 5 years"])
    }

    @Test func removingASectorFromAFunderOfEverySectorIsRefused() throws {
        let base = try Self.shipped("five-year-plan.json")
        let found = problems(base, "funder:PROV-KK.sectors-=water")
        #expect(found.count == 1)
        #expect(found.first?.column == 25)
        #expect(found.first?.message.hasPrefix("funder \"PROV-KK\" may fund every sector") == true)
    }

    /// The scenario reader's own message, at the entry's path, traced to the last change that touched it.
    @Test func aScenarioMadeInvalidIsReportedWithTheReadersMessage() throws {
        let base = try Self.shipped("five-year-plan.json")
        let found = problems(
            base, "funder:COM-01.budget=100", "funder:COM-01.budget-=150", "strategy:S1.minShare+=0.9",
            "project:W1.priority*=-1", "funder:DIST-KK-05.budget[3]-=600000")
        #expect(found.map(\.description) == [
            "--set \"funder:COM-01.budget-=150\": makes the scenario invalid: funders[0].budget (funder \"COM-01\"): must be >= 0, found -50",
            "--set \"funder:DIST-KK-05.budget[3]-=600000\": makes the scenario invalid: funders[3].budget[2] (funder \"DIST-KK-05\"): must be >= 0, found -100000",
            "--set \"project:W1.priority*=-1\": makes the scenario invalid: projects[0].priority (project \"W1\"): must be >= 0, found -8",
            "--set \"strategy:S1.minShare+=0.9\": makes the scenario invalid: strategies[0].minShare (strategy \"S1\"): must be from 0 to 1, found 1.15",
        ].sorted { a, b in
            // The reader lists problems in file order: strategies, funders, projects.
            let order = ["strategies", "funders", "projects"]
            func rank(_ text: String) -> Int { order.firstIndex { text.contains("invalid: \($0)[") }! }
            return rank(a) < rank(b)
        })
        // A rule between two keys of one entry, broken by the second change.
        #expect(problems(base, "project:W1.earliestStart=5", "project:W1.latestStart=2").map(\.description) == [
            "--set \"project:W1.latestStart=2\": makes the scenario invalid: projects[0].latestStart (project \"W1\"): latestStart 2 is before earliestStart 5",
        ])
    }

    /// A variation of budgets alone skips the writer and reader when its
    /// budgets stay valid (`changesBudgetsOnly`); when they do not, it still
    /// gets the reader's message.
    @Test func aBudgetMadeInvalidAloneIsReportedWithTheReadersMessage() throws {
        let base = try Self.shipped("five-year-plan.json")
        #expect(problems(base, "funder:COM-01.budget[2]-=60000").map(\.description) == [
            "--set \"funder:COM-01.budget[2]-=60000\": makes the scenario invalid: funders[0].budget[1] (funder \"COM-01\"): must be >= 0, found -10000",
        ])
        #expect(problems(base, "level:community.budget*=100000000000").map(\.description).first?.hasSuffix(
            "must be at most 1e15 (a thousand trillion baht), found 5000000000000000") == true)
    }

    /// The changed scenario is exactly what the reader makes of its file.
    @Test func theResultReadsBackAsItself() throws {
        let base = try Self.shipped("chon-buri-2565.json")
        let s = try changed(base, "level:province.budget*=0.9", "funder:MIN-RID.sectors+=roads", "project:P-0005.mandatory=true")
        let again = try ScenarioReader.read(bytes: Array(ScenarioWriter.json(s).serialized().utf8))
        #expect(again == s)
        #expect(s.funders[0].budget == [86_202_000])
        #expect(s.projects[4].mandatory)
    }
}
