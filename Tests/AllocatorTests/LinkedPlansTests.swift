import Allocator
import Testing

/// `LinkedPlans` (docs/plans.md): every body's plan worked out by hand on a
/// small two-year scenario, the CSV and terminal report of it, and, on
/// generated scenarios, each plan compared with the definition of a request
/// recomputed by plain code from the scenario alone.
@Suite struct LinkedPlansTests {
    /// Province PV > district D1 > tambons T1, T2; village V1 in T1.
    static let areas = [
        Area(id: "PV", name: "จ.ทดสอบ", kind: .province), Area(id: "D1", parent: "PV", kind: .district),
        Area(id: "T1", name: "ต.หนึ่ง", parent: "D1", kind: .tambon), Area(id: "T2", parent: "D1", kind: .tambon),
        Area(id: "V1", parent: "T1", kind: .village),
    ]

    /// Funders listed out of calendar order: 0 PROV, 1 L1, 2 PAO (level lao, the
    /// whole province), 3 C1, 4 D, 5 MIN-W (water only, nationwide), 6 L2.
    ///
    /// Projects (horizon 2): a self-reliant in V1; b in V1; c in V1, too dear
    /// for L1's maxProjectCost, two years [300, 200]; d water in T1; e roads in
    /// T1 for the district or province only, 350 at the province (`costAt`);
    /// f in T2; h health in T2 for ministries only (no ministry has that mandate).
    static let scenario = Scenario(
        name: "linked plans, by hand", fiscalYear: 2570, horizon: 2, areas: areas, strategies: [Strategy(id: "S1")],
        funders: [
            Funder(id: "PROV", name: "จังหวัดทดสอบ", level: .province, area: "PV", budget: [0, 1000]),
            Funder(id: "L1", name: "อบต.หนึ่ง", level: .lao, area: "T1", budget: [100, 100], maxProjectCost: 400),
            Funder(id: "PAO", level: .lao, area: "PV", budget: [100, 0]),
            Funder(id: "C1", name: "กองทุนหมู่บ้าน, หนึ่ง", level: .community, area: "V1", budget: [60, 60]),
            Funder(id: "D", level: .district, area: "D1", budget: [300, 200]),
            Funder(id: "MIN-W", level: .ministry, budget: [10, 10], sectors: ["water"]),
            Funder(id: "L2", level: .lao, area: "T2", budget: [0, 0]),
        ],
        projects: [
            Project(id: "a", name: "ลอกคู", area: "V1", cost: .total(50), priority: 4, selfReliant: true),
            Project(id: "b", name: "ถนน \"หมู่ 1\", สาย ก", area: "V1", cost: .total(100), priority: 8, strategies: ["S1"]),
            Project(id: "c", area: "V1", cost: .perYear([300, 200]), priority: 7, sector: "water", strategies: ["S1"], duration: 2),
            Project(id: "d", area: "T1", cost: .total(900), priority: 6.5, sector: "water", strategies: ["S1"]),
            Project(id: "e", area: "T1", cost: .total(400), priority: 5, sector: "roads", strategies: ["S1"],
                    levels: [.district, .province], costAt: [.init(key: "province", value: .total(350))]),
            Project(id: "f", area: "T2", cost: .total(80), priority: 3, strategies: ["S1"]),
            Project(id: "h", area: "T2", cost: .total(10), priority: 1, sector: "health", strategies: ["S1"], levels: [.ministry]),
        ])

    /// a by C1 from year 1, b by L1 from year 2, c by D from year 1, e by PROV from year 2,
    /// f by PAO from year 1; d and h unfunded.
    static let recorded: RecordedDecision = {
        let d = UnfundedReason(code: "budget", explanation: "Its eligible funders' money went to projects worth more per baht.")
        let h = UnfundedReason(code: "noEligibleFunder", explanation: "No funder may fund it.")
        return RecordedDecision(
            status: .optimal,
            decision: Decision(assignments: [
                .init(funder: 3, start: 1), .init(funder: 1, start: 2), .init(funder: 4, start: 1), nil,
                .init(funder: 0, start: 2), .init(funder: 2, start: 1), nil,
            ]),
            reasons: [nil, nil, nil, d, nil, nil, h])
    }()

    /// A plan as "project:outcome" strings: `a:funds@1`, `c:forwarded>D@1`, `b:sameLevel>L1@2`, `d:unfunded=budget`.
    static func described(_ plan: BodyPlan, _ s: Scenario) -> [String] {
        plan.requests.map { r in
            let id = s.projects[r.project].id
            switch r.outcome {
            case .funds(let start): return "\(id):funds@\(start)"
            case .forwarded(let f, let start): return "\(id):forwarded>\(s.funders[f].id)@\(start)"
            case .sameLevel(let f, let start): return "\(id):sameLevel>\(s.funders[f].id)@\(start)"
            case .unfunded(let reason): return "\(id):unfunded=\(reason.code)"
            }
        }
    }

    // MARK: By hand

    /// Worked out from the definition:
    ///
    /// * C1 (community, V1) sees every project in V1: a (its own), c and b (sent up).
    /// * L1 (lao, T1) sees b, c (its maxProjectCost does not stop c reaching it) and d;
    ///   not a (self-reliant) nor e (district or province only).
    /// * PAO (lao, whole province) sees f (funds), c (forwarded), b (another lao body funds it), d.
    /// * L2 (lao, T2) sees f, funded by the PAO; not h (ministries only).
    /// * D sees c (funds), e (forwarded to the province) and d; not b or f (funded by a lower level).
    /// * PROV sees e (funds) and d; not c (the district funds it).
    /// * MIN-W (water) sees d only; h reaches no body.
    @Test func everyPlanAsWorkedOutByHand() {
        let s = Self.scenario
        let plans = LinkedPlans(scenario: s, recorded: Self.recorded)
        #expect(plans.plans.map { s.funders[$0.funder].id } == ["C1", "L1", "PAO", "L2", "D", "PROV", "MIN-W"])
        let expected: [String: [String]] = [
            "C1": ["a:funds@1", "c:forwarded>D@1", "b:forwarded>L1@2"],
            "L1": ["b:funds@2", "c:forwarded>D@1", "d:unfunded=budget"],
            "PAO": ["f:funds@1", "c:forwarded>D@1", "b:sameLevel>L1@2", "d:unfunded=budget"],
            "L2": ["f:sameLevel>PAO@1"],
            "D": ["c:funds@1", "e:forwarded>PROV@2", "d:unfunded=budget"],
            "PROV": ["e:funds@2", "d:unfunded=budget"],
            "MIN-W": ["d:unfunded=budget"],
        ]
        for plan in plans.plans {
            let id = s.funders[plan.funder].id
            #expect(Self.described(plan, s) == expected[id], "\(id)")
        }
        #expect(plans.unrouted == [6])
        let l1 = plans.plan(of: 1)
        #expect(l1.funded.map(\.project) == [1] && l1.forwarded.map(\.project) == [2] && l1.unfunded.map(\.project) == [3])
        #expect(plans.plan(of: 2).sameLevel.map(\.project) == [1])
    }

    /// Money per plan year at the body that funds each request, after `costAt`.
    @Test func moneyPerPlanYear() {
        let plans = LinkedPlans(scenario: Self.scenario, recorded: Self.recorded)
        #expect(plans.plan(of: 3).used == [50, 0])
        #expect(plans.plan(of: 1).used == [0, 100])
        #expect(plans.plan(of: 4).used == [300, 200])
        #expect(plans.plan(of: 0).used == [0, 350], "e costs 350 at the province")
        #expect(plans.plan(of: 2).used == [80, 0])
        #expect(plans.plan(of: 5).used == [0, 0] && plans.plan(of: 5).budget == [10, 10])
        let d = plans.plan(of: 4)
        #expect(d.requests.map(\.yearly) == [[300, 200], [0, 350], [0, 0]])
        #expect(d.requests.map(\.cost) == [500, 350, 0])
        #expect(d.requests.map(\.start) == [1, 2, nil])
        #expect(d.requests[1].funder(body: 4) == 0 && d.requests[0].funder(body: 4) == 4 && d.requests[2].funder(body: 4) == nil)
    }

    // MARK: CSV

    @Test func csvHasTheByteOrderMarkAndThaiAndOneRowPerBodyAndRequest() throws {
        let s = Self.scenario
        let plans = LinkedPlans(scenario: s, recorded: Self.recorded)
        let everyone = plans.plans.map(\.funder)
        let csv = plans.csv(bodies: everyone, includeUnrouted: true)
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = csv.dropFirst().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "")
        #expect(lines[0] == "body,body_name,body_level,body_area,project,project_name,project_area,priority,outcome,"
            + "funder,funder_name,funder_level,start,cost,year_1,year_2,reason,explanation")
        #expect(lines.count - 2 == 3 + 3 + 4 + 1 + 3 + 2 + 1 + 1, "one row per body and request, then h")
        #expect(lines[1] == "C1,\"กองทุนหมู่บ้าน, หนึ่ง\",community,V1,a,ลอกคู,V1,4,funds,C1,\"กองทุนหมู่บ้าน, หนึ่ง\",community,1,50,50,,,")
        #expect(lines[2] == "C1,\"กองทุนหมู่บ้าน, หนึ่ง\",community,V1,c,,V1,7,forwarded,D,,district,1,500,300,200,,")
        #expect(lines[3] == "C1,\"กองทุนหมู่บ้าน, หนึ่ง\",community,V1,b,\"ถนน \"\"หมู่ 1\"\", สาย ก\",V1,8,forwarded,L1,อบต.หนึ่ง,lao,2,100,,100,,")
        #expect(lines.contains("L1,อบต.หนึ่ง,lao,T1,d,,T1,6.5,unfunded,,,,,,,,budget,Its eligible funders' money went to projects worth more per baht."))
        #expect(lines.contains("PROV,จังหวัดทดสอบ,province,PV,e,,T1,5,funds,PROV,จังหวัดทดสอบ,province,2,350,,350,,"))
        #expect(lines.contains("MIN-W,,ministry,,d,,T1,6.5,unfunded,,,,,,,,budget,Its eligible funders' money went to projects worth more per baht."))
        #expect(lines[lines.count - 2] == ",,,,h,,T2,1,unfunded,,,,,,,,noEligibleFunder,No funder may fund it.")
        #expect(plans.csv(bodies: [1]).split(separator: "\n").count == 1 + 3, "a selection leaves the unrouted out")
    }

    // MARK: Terminal

    @Test func reportShowsEachSectionWithPlanYearsAsFiscalYears() {
        let s = Self.scenario
        let plans = LinkedPlans(scenario: s, recorded: Self.recorded)
        let text = plans.text(bodies: [2], includeUnrouted: false)
        #expect(text.hasPrefix("linked plans, by hand\nDecision    optimal; 5 of 7 projects funded\nPlan years  1-2 = fiscal years 2570-2571\n"))
        #expect(text.contains("\nPAO\n  lao, จ.ทดสอบ (PV); 4 requests: funds 1, forwards 1, 1 funded by another lao body, 1 unfunded\n"))
        #expect(text.contains("  Funds: 1 project\n"))
        #expect(text.contains("  Forwarded upward: 1 project, funded by a higher level\n"))
        #expect(text.contains("  Funded by another lao body: 1 project\n"))
        #expect(text.contains("  Unfunded: 1 project\n"))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains("  plan year  2570  2571  total"))
        #expect(lines.contains("  budget      100     0    100"))
        #expect(lines.contains("  funds        80     0     80"))
        #expect(lines.contains("  f              T2           3   2570    80           80"))
        #expect(lines.contains("  c              V1           7  D   district   2570   500"))
        #expect(lines.contains("  b        ถนน \"หมู่ 1\", สาย ก  V1           8  L1  lao     2571   100"))
        #expect(lines.contains("  d              T1         6.5  budget  Its eligible funders' money went to projects worth more per"))
        #expect(lines.contains("                                           baht."), "the explanation wraps under its column")
        #expect(!text.contains("Reaching no body"))
        let all = plans.text(bodies: plans.plans.map(\.funder), includeUnrouted: true)
        #expect(all.contains("\nReaching no body: 1 project "))
        #expect(all.contains("\nMIN-W\n  ministry, nationwide, mandate: water; 1 request: funds 0, forwards 0, 1 unfunded\n"))
        #expect(all.contains("\nL2\n  lao, T2; 1 request: funds 0, forwards 0, 1 funded by another lao body, 0 unfunded\n"))
    }

    /// Every line of a table is as wide on screen as its rule, Thai names included
    /// (the last column is right-aligned, so no line is trimmed).
    @Test func reportTablesLineUpWithThaiNames() throws {
        let plans = LinkedPlans(scenario: Self.scenario, recorded: Self.recorded)
        let lines = plans.text(bodies: [3], includeUnrouted: false).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let title = try #require(lines.firstIndex(of: "  Forwarded upward: 2 projects, funded by a higher level"))
        let table = lines[(title + 1)...].prefix { !$0.isEmpty }
        #expect(table.count == 4, "header, rule, c and b")
        #expect(table.contains { $0.contains("ถนน \"หมู่ 1\", สาย ก") })
        let width = DisplayWidth.of(table[title + 2])
        #expect(table.allSatisfy { DisplayWidth.of($0) == width }, "\(Array(table))")
    }

    // MARK: The definition, recomputed

    /// On generated scenarios (greedy decisions, one and three plan years), every
    /// (body, project) pair is in a plan exactly when plain code following
    /// docs/plans.md says the project reaches the body; each funded project is
    /// `funds` in its funder's plan; each plan's money is the decision's.
    @Test(arguments: [(21, 1), (22, 3)])
    func plansFollowTheDefinitionOnGeneratedScenarios(seed: Int, horizon: Int) throws {
        let s = ScenarioGenerator(projects: 600, seed: UInt64(seed), horizon: horizon).generate()
        let model = ModelBuilder.build(s)
        let columns = try #require(GreedyStart.decide(model))
        let decision = model.decision(fromColumns: columns)
        let reasons = UnfundedReason.all(model: model, decision: decision)
        let plans = LinkedPlans(scenario: s, recorded: RecordedDecision(status: .feasible, decision: decision, reasons: reasons))
        let figures = ResultFigures(model: model, decision: decision)

        var parent: [String: String] = [:]
        for area in s.areas { parent[area.id] = area.parent }
        func within(_ area: String, _ ancestor: String) -> Bool {
            var a: String? = area
            while let current = a {
                if current == ancestor { return true }
                a = parent[current]
            }
            return false
        }
        var expected = Set<String>()
        for (p, project) in s.projects.enumerated() {
            let taker = decision.assignments[p].map { s.funders[$0.funder].level }
            for (g, funder) in s.funders.enumerated() {
                let serves = funder.area.map { within(project.area, $0) } ?? true
                let level = funder.level == .community || project.allowedLevels.contains(funder.level)
                let mandate = funder.sectors.map { sectors in project.sector.map { sectors.contains($0) } ?? false } ?? true
                let notBelow = taker.map { funder.level <= $0 } ?? true
                if serves && level && mandate && notBelow { expected.insert("\(g)/\(p)") }
            }
        }
        var found = Set<String>()
        var fundedHere = 0
        for plan in plans.plans {
            for r in plan.requests {
                #expect(found.insert("\(plan.funder)/\(r.project)").inserted, "a request listed twice")
                let a = decision.assignments[r.project]
                switch r.outcome {
                case .funds(let start):
                    #expect(a == Decision.Assignment(funder: plan.funder, start: start))
                    fundedHere += 1
                case .forwarded(let f, let start):
                    #expect(a == Decision.Assignment(funder: f, start: start) && s.funders[f].level > s.funders[plan.funder].level)
                case .sameLevel(let f, let start):
                    #expect(a == Decision.Assignment(funder: f, start: start) && f != plan.funder
                        && s.funders[f].level == s.funders[plan.funder].level)
                case .unfunded(let reason):
                    #expect(a == nil && reason == reasons[r.project])
                }
            }
            #expect(zip(plan.used, figures.funders[plan.funder].used).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, $1) })
        }
        #expect(found == expected)
        #expect(fundedHere == figures.fundedCount)
        let routed = Set(found.map { Int($0.split(separator: "/")[1])! })
        #expect(plans.unrouted == s.projects.indices.filter { !routed.contains($0) })
        #expect(plans.unrouted.allSatisfy { decision.assignments[$0] == nil })
    }
}
