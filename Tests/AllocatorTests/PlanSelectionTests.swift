import Allocator
import Testing

/// `PlanSelection`: funders by id, bodies by level and by area subtree, each
/// narrowing the others, always in calendar order; unknown names and empty
/// selections refused with a message that helps.
@Suite struct PlanSelectionTests {
    static let s = LinkedPlansTests.scenario

    static func ids(_ selection: PlanSelection) throws -> [String] {
        try selection.bodies(in: s).map { s.funders[$0].id }
    }

    static func error(_ selection: PlanSelection) -> String? {
        do {
            _ = try selection.bodies(in: s)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func selectionsNarrowEachOtherInCalendarOrder() throws {
        #expect(PlanSelection().isEverything)
        #expect(try Self.ids(PlanSelection()) == ["C1", "L1", "PAO", "L2", "D", "PROV", "MIN-W"])
        #expect(try Self.ids(PlanSelection(funders: ["PROV", "L1", "PROV"])) == ["L1", "PROV"])
        #expect(try Self.ids(PlanSelection(level: "lao")) == ["L1", "PAO", "L2"])
        #expect(try Self.ids(PlanSelection(level: "lao", area: "T1")) == ["L1"])
        #expect(try Self.ids(PlanSelection(level: "lao", area: "D1")) == ["L1", "L2"], "the area's subtree, not its ancestors")
        #expect(try Self.ids(PlanSelection(area: "T1")) == ["C1", "L1"])
        #expect(try Self.ids(PlanSelection(area: "PV")) == ["C1", "L1", "PAO", "L2", "D", "PROV"], "a ministry without area is in no area")
        #expect(try Self.ids(PlanSelection(level: "ministry")) == ["MIN-W"])
        #expect(try Self.ids(PlanSelection(funders: ["PAO", "L1", "D"], level: "lao")) == ["L1", "PAO"])
        #expect(!PlanSelection(level: "lao").isEverything)
    }

    @Test func unknownNamesAndEmptySelectionsAreRefused() {
        #expect(Self.error(PlanSelection(funders: ["L1", "PA0"])) == "no funder \"PA0\" in the scenario (did you mean \"PAO\"?)")
        #expect(Self.error(PlanSelection(funders: ["LAO-KK-99"])) == "no funder \"LAO-KK-99\" in the scenario")
        #expect(Self.error(PlanSelection(level: "tambon"))
            == "unknown level \"tambon\": the levels are community, lao, district, province, ministry")
        #expect(Self.error(PlanSelection(level: "lao", area: "T11")) == "no area \"T11\" in the scenario", "ids this short get no suggestion")
        #expect(Self.error(PlanSelection(area: "T3")) == "no area \"T3\" in the scenario")
        #expect(Self.error(PlanSelection(level: "district", area: "T1"))
            == "no body is at level district and has area T1 or an area inside it (the district bodies' areas: D1)")
        #expect(Self.error(PlanSelection(funders: ["D"], area: "T2"))
            == "no body is one of D and has area T2 or an area inside it")
        let noMinistry = Scenario(name: "x", areas: [Area(id: "A")], funders: [Funder(id: "F", level: .lao, area: "A", budget: [1])], projects: [])
        do {
            _ = try PlanSelection(level: "ministry").bodies(in: noMinistry)
            Issue.record("selected a ministry that does not exist")
        } catch {
            #expect(error == .noBody(level: "ministry", area: nil, funders: [], areasAtLevel: []))
            #expect(error.description == "no body is at level ministry (the scenario has no ministry body)")
        }
    }
}
