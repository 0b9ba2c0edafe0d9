import Allocator
import Testing

/// `ScenarioWriter`: the exact text for small scenarios (key order, defaults
/// left out, scalar or per-year budgets) and `ScenarioReader.read(write(s)) == s`.
@Suite struct ScenarioWriterTests {
    static func text(_ s: Scenario) -> String {
        ScenarioWriter.json(s).serialized()
    }

    static func roundTrip(_ s: Scenario) throws -> Scenario {
        try ScenarioReader.read(bytes: Array(text(s).utf8))
    }

    /// Every optional feature at once, with horizon 3.
    static let full = Scenario(
        name: "ทดสอบ \"ครบ\"",
        fiscalYear: 2570,
        horizon: 3,
        areas: [
            Area(id: "KK", name: "จ.ขอนแก่น", kind: .province),
            Area(id: "KK-01", parent: "KK"),
            Area(id: "KK-01-03", name: "ต.บ้านเป็ด", parent: "KK-01", kind: .tambon),
        ],
        strategies: [
            Strategy(id: "S1", name: "น้ำ", weight: 0.5, minShare: 0.2),
            Strategy(id: "S2"),
        ],
        funders: [
            Funder(id: "LAO", name: "อบต.บ้านเป็ด", level: .lao, area: "KK-01-03", budget: [4_500_000, 4_000_000, 4_250_000.5],
                   maxProjects: 12, maxProjectCost: 2_000_000, sectors: ["water", "roads"]),
            Funder(id: "RID", level: .ministry, budget: [9_000_000, 9_000_000, 9_000_000], sectors: []),
        ],
        projects: [
            Project(id: "P-1", name: "ขุดลอกคลอง", area: "KK-01-03", cost: .perYear([100_000, 250_000]), priority: 8,
                    sector: "water", strategies: ["S1", "S2"], selfReliant: true, levels: [.community, .lao],
                    overlaps: ["canal-12"], requires: ["P-2"], mandatory: true, funder: "LAO", exclude: true,
                    duration: 2, earliestStart: 2, latestStart: 2,
                    costAt: [.init(key: "community", value: .total(200_000)),
                             .init(key: "RID", value: .perYear([90_000, 80_000]))],
                    valueAt: [.init(key: "RID", value: 3.5)]),
            Project(id: "P-2", area: "KK-01", cost: .total(1_500_000.25), priority: 0, duration: 3),
        ],
        policy: Policy(escalationPenalty: 0.01, delayDiscount: 0, strategyRequired: [.district],
                       mipGap: 0, timeLimit: 5)
    )

    @Test func minimalScenarioLeavesDefaultsOut() {
        let s = Scenario(
            name: "min",
            areas: [Area(id: "A")],
            funders: [Funder(id: "F", level: .lao, area: "A", budget: [1000])],
            projects: [Project(id: "P", area: "A", cost: .total(500), priority: 1)]
        )
        #expect(Self.text(s) == """
        {
          "format": "allocate/1",
          "name": "min",
          "areas": [
            {"id": "A"}
          ],
          "funders": [
            {"id": "F", "level": "lao", "area": "A", "budget": 1000}
          ],
          "projects": [
            {"id": "P", "area": "A", "cost": 500, "priority": 1}
          ]
        }

        """)
    }

    @Test func everyKeyInTheSpecsOrder() {
        let json = ScenarioWriter.json(Self.full)
        guard case .object(let top) = json else {
            Issue.record("not an object")
            return
        }
        #expect(top.map(\.0) == ["format", "name", "fiscalYear", "horizon", "areas", "strategies", "funders",
                                 "projects", "policy"])
        let projects = top.first { $0.0 == "projects" }?.1
        guard case .array(let list)? = projects, case .object(let first) = list[0], case .object(let second) = list[1]
        else {
            Issue.record("projects not an array of objects")
            return
        }
        // duration 2 is the length of the per-year cost, so the reader's default: left out.
        #expect(first.map(\.0) == ["id", "name", "area", "cost", "priority", "sector", "strategies", "selfReliant",
                                   "levels", "overlaps", "requires", "mandatory", "funder", "exclude",
                                   "earliestStart", "latestStart", "costAt", "valueAt"])
        #expect(second.map(\.0) == ["id", "area", "cost", "priority", "duration"])

        let text = Self.text(Self.full)
        #expect(text.contains(#""budget": [4500000, 4000000, 4250000.5]"#))
        #expect(text.contains(#""budget": 9000000, "sectors": []"#), "equal years: a scalar; empty mandate kept")
        #expect(text.contains(#""cost": [100000, 250000]"#))
        #expect(text.contains(#""cost": 1500000.25"#))
        #expect(text.contains("""
              "costAt": {
                "community": 200000,
                "RID": [90000, 80000]
              },
              "valueAt": {
                "RID": 3.5
              }
            }
        """))
        #expect(text.contains(#""levels": ["community", "lao"]"#))
        #expect(text.contains(#"{"id": "KK-01", "parent": "KK"}"#))
        #expect(text.contains(#"{"id": "S2"}"#), "weight and minShare 0 are left out")
        #expect(text.contains(#""name": "ทดสอบ \"ครบ\"""#))
        #expect(text.contains("""
          "policy": {
            "escalationPenalty": 0.01,
            "delayDiscount": 0,
            "strategyRequired": ["district"],
            "mipGap": 0,
            "timeLimit": 5
          }
        """))
    }

    @Test func defaultPolicyIsLeftOutAndChangedKeysAloneAreWritten() {
        var s = Self.full
        s.policy = Policy()
        #expect(!Self.text(s).contains("\"policy\""))
        s.policy.timeLimit = 60
        #expect(!Self.text(s).contains("\"policy\""))
        s.policy.mipGap = 0.01
        #expect(Self.text(s).contains("""
          "policy": {
            "mipGap": 0.01
          }
        """))
    }

    @Test func horizonOneAndFiscalYearAbsentAreLeftOut() {
        var s = Self.full
        s.horizon = 1
        s.fiscalYear = nil
        let text = Self.text(s)
        #expect(!text.contains("\"horizon\""))
        #expect(!text.contains("\"fiscalYear\""))
    }

    @Test func fullScenarioReadsBackEqual() throws {
        // P-1 requires P-2 but is excluded and pinned; all legal, so the reader accepts it.
        let back = try Self.roundTrip(Self.full)
        #expect(back == Self.full)
    }

    @Test func writingTwiceGivesTheSameBytes() throws {
        let once = Self.text(Self.full)
        let back = try Self.roundTrip(Self.full)
        #expect(Self.text(back) == once)
    }

    @Test(arguments: [(1, 1), (3, 1), (5, 2)])
    func generatedScenarioReadsBackEqual(horizon: Int, provinces: Int) throws {
        let s = ScenarioGenerator(projects: 1500, seed: 11, horizon: horizon, provinces: provinces).generate()
        let back = try Self.roundTrip(s)
        #expect(back.projects.count == s.projects.count)
        #expect(back == s)
    }
}
