import Allocator
import Testing

/// One test per eligibility rule of the spec (1 to 6): in each, the rule is the
/// only thing keeping a project from a funder where it would be worth more (or
/// from being funded at all), and the solve must respect it. Policy and areas
/// come from `ModelRule`: 10% lost per escalation step.
@Suite struct ModelEligibilityTests {
    /// Rule 1: `f.area` is `p.area` or an ancestor (any number of steps up),
    /// never a sibling or a descendant; a ministry without area serves anywhere.
    @Test func rule1AreaSubtreeAndNationwideMinistry() throws {
        let s = ModelRule.scenario(
            funders: [
                Funder(id: "LAO-D2", level: .lao, area: "D2", budget: [1000]),
                Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [1000]),
                Funder(id: "PROV", level: .province, area: "P", budget: [1000]),
                Funder(id: "MIN", level: .ministry, budget: [1000]),
            ],
            projects: [
                // Worth 20 at LAO-D2, which serves a sibling branch.
                Project(id: "A", area: "T1", cost: .total(10), priority: 10, valueAt: [.init(key: "LAO-D2", value: 20)]),
                // Worth 20 at LAO-T1, which serves a descendant of D1, not D1.
                Project(id: "B", area: "D1", cost: .total(10), priority: 10, valueAt: [.init(key: "LAO-T1", value: 20)]),
                // The province serves V1 three steps up and is worth 30 there.
                Project(id: "C", area: "V1", cost: .total(10), priority: 10, valueAt: [.init(key: "PROV", value: 30)]),
                // Only the nationwide ministry serves the other root Q.
                Project(id: "E", area: "Q", cost: .total(10), priority: 10),
            ])
        // A at LAO-T1 10 (PROV 8.1, MIN 7.29); B at PROV 10 * 0.9^2 = 8.1 (MIN 7.29);
        // C at PROV 30 * 0.81 = 24.3 (LAO-T1 10); E at MIN 10 * 0.9^3 = 7.29.
        // Total 10 + 8.1 + 24.3 + 7.29 = 49.69.
        try ModelRule.expectOptimum(s, ["LAO-T1@1", "PROV@1", "PROV@1", "MIN@1"], objective: 49.69)
    }

    /// Rule 2: self-reliant projects only at the community, support-needing ones
    /// anywhere but the community, and an explicit `levels` list overrides both
    /// (it is a list, not a range).
    @Test func rule2LevelBySelfReliantAndExplicitLevels() throws {
        let s = ModelRule.scenario(
            funders: [
                Funder(id: "COMM-T1", level: .community, area: "T1", budget: [1000]),
                Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [1000]),
                Funder(id: "DIST-D1", level: .district, area: "D1", budget: [1000]),
            ],
            projects: [
                // Self-reliant, worth 100 at the LAO and the district.
                Project(id: "S", area: "T1", cost: .total(10), priority: 10, selfReliant: true,
                        valueAt: [.init(key: "lao", value: 100), .init(key: "district", value: 100)]),
                // Needs support, worth 100 at the community.
                Project(id: "N", area: "T1", cost: .total(10), priority: 10,
                        valueAt: [.init(key: "community", value: 100)]),
                // Self-reliant but `levels` says district only; worth 100 at community and LAO.
                Project(id: "L", area: "T1", cost: .total(10), priority: 10, selfReliant: true, levels: [.district],
                        valueAt: [.init(key: "community", value: 100), .init(key: "lao", value: 100)]),
                // Community or district, not the LAO in between, which is worth 100.
                Project(id: "G", area: "T1", cost: .total(10), priority: 10, levels: [.community, .district],
                        valueAt: [.init(key: "lao", value: 100)]),
            ])
        // S at COMM 10; N at LAO 10 (DIST 9); L at DIST 10 (0 steps above district);
        // G at COMM 10 (DIST 10 * 0.81 = 8.1). Total 40.
        try ModelRule.expectOptimum(s, ["COMM-T1@1", "LAO-T1@1", "DIST-D1@1", "COMM-T1@1"], objective: 40)
    }

    /// Rule 3: a funder with `sectors` funds only projects whose sector is listed;
    /// a project without sector does not match any list.
    @Test func rule3SectorMandate() throws {
        let s = ModelRule.scenario(
            funders: [
                Funder(id: "PROV", level: .province, area: "P", budget: [1000]),
                Funder(id: "MIN-H", level: .ministry, budget: [1000], sectors: ["health"]),
            ],
            projects: [
                Project(id: "W", area: "T1", cost: .total(10), priority: 10, sector: "water",
                        valueAt: [.init(key: "MIN-H", value: 100)]),
                Project(id: "H", area: "T1", cost: .total(10), priority: 10, sector: "health",
                        valueAt: [.init(key: "MIN-H", value: 100)]),
                Project(id: "X", area: "T1", cost: .total(10), priority: 10,
                        valueAt: [.init(key: "MIN-H", value: 100)]),
            ])
        // W and X at PROV 10 * 0.9^2 = 8.1 each; H at MIN-H 100 * 0.9^3 = 72.9. Total 89.1.
        try ModelRule.expectOptimum(s, ["PROV@1", "MIN-H@1", "PROV@1"], objective: 89.1)
    }

    /// Rule 4: the cost at the funder after `costAt` (by level or by funder id)
    /// is at most `maxProjectCost`; equal is allowed.
    @Test func rule4MaxProjectCostAfterCostAt() throws {
        let s = ModelRule.scenario(
            horizon: 2,
            funders: [
                Funder(id: "LAO-T1", level: .lao, area: "T1", budget: ModelRule.years(1000, 2), maxProjectCost: 100),
                Funder(id: "DIST-D1", level: .district, area: "D1", budget: ModelRule.years(1000, 2)),
            ],
            projects: [
                // 150, but exactly 100 at the LAO level.
                Project(id: "A", area: "T1", cost: .total(150), priority: 10, costAt: [.init(key: "lao", value: .total(100))]),
                // 90, but 150 at LAO-T1 itself.
                Project(id: "B", area: "T1", cost: .total(90), priority: 10, costAt: [.init(key: "LAO-T1", value: .total(150))]),
                // Two years; [60, 60] at the LAO level is 120 in all: over 100 although each year is under it.
                Project(id: "C", area: "T1", cost: .total(50), priority: 10, duration: 2,
                        costAt: [.init(key: "lao", value: .perYear([60, 60]))]),
            ])
        // All start in year 1 (a later start loses 10%): A at LAO 10; B at DIST 10 * 0.9 = 9;
        // C at DIST 9. Total 28.
        try ModelRule.expectOptimum(s, ["LAO-T1@1", "DIST-D1@1", "DIST-D1@1"], objective: 28)
    }

    /// Rule 5: levels in `policy.strategyRequired` (by default lao and above)
    /// fund only projects serving a strategy; an empty list lifts the rule.
    @Test func rule5StrategyRequiredAndLiftedByEmptyList() throws {
        let funders = [
            Funder(id: "COMM-T1", level: .community, area: "T1", budget: [1000]),
            Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [1000]),
        ]
        let projects = [
            Project(id: "U", area: "T1", cost: .total(10), priority: 10, levels: [.community, .lao],
                    valueAt: [.init(key: "lao", value: 100)]),
            Project(id: "K", area: "T1", cost: .total(10), priority: 10, strategies: ["S"], levels: [.community, .lao],
                    valueAt: [.init(key: "lao", value: 100)]),
        ]
        let strategies = [Strategy(id: "S")]
        let byDefault = ModelRule.scenario(
            strategies: strategies, funders: funders, projects: projects,
            policy: Policy(escalationPenalty: 0.1, delayDiscount: 0.1, mipGap: 0))
        // U has no strategy, so not the LAO: COMM 10. K at LAO 100 * 0.9 = 90. Total 100.
        try ModelRule.expectOptimum(byDefault, ["COMM-T1@1", "LAO-T1@1"], objective: 100)

        let lifted = ModelRule.scenario(strategies: strategies, funders: funders, projects: projects)
        #expect(lifted.policy.strategyRequired == [])
        // Both at LAO: 90 + 90 = 180.
        try ModelRule.expectOptimum(lifted, ["LAO-T1@1", "LAO-T1@1"], objective: 180)
    }

    /// Rule 6: an excluded project is never funded (and if also mandatory, the
    /// scenario is infeasible); a pinned project goes only to its funder.
    @Test func rule6ExcludedAndPinnedFunder() throws {
        let funders = [
            Funder(id: "LAO-T1", level: .lao, area: "T1", budget: [1000]),
            Funder(id: "DIST-D1", level: .district, area: "D1", budget: [1000]),
        ]
        var s = ModelRule.scenario(
            funders: funders,
            projects: [
                Project(id: "E", area: "T1", cost: .total(10), priority: 10, exclude: true),
                // Pinned up: worth 10 at the LAO, 9 at the district.
                Project(id: "F", area: "T1", cost: .total(10), priority: 10, funder: "DIST-D1"),
                // Pinned down: worth 100 * 0.9 = 90 at the district, 10 at the LAO.
                Project(id: "G", area: "T1", cost: .total(10), priority: 10, funder: "LAO-T1",
                        valueAt: [.init(key: "DIST-D1", value: 100)]),
            ])
        // E unfunded; F at DIST 9; G at LAO 10. Total 19.
        try ModelRule.expectOptimum(s, ["-", "DIST-D1@1", "LAO-T1@1"], objective: 19)

        s.projects[0].mandatory = true
        let result = try Allocation.solve(s, options: SolveOptions(mipGap: 0))
        #expect(result.status == .infeasible)
        #expect(result.decision == nil)
    }
}
