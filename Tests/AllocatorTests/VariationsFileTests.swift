@testable import Allocator
import Foundation
import Testing

/// The variations file (`allocate-whatif/1`, docs/whatif.md): what it reads,
/// and every problem with its JSON path, line and, inside a change, column;
/// the two example files read and make valid scenarios.
@Suite struct VariationsFileTests {
    private func read(_ text: String) throws -> [Variation] {
        try VariationsFile.read(bytes: Array(text.utf8), file: "w.json")
    }

    private func problems(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch let error as WhatIfError {
            return error.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func readsNamesDescriptionsAndChangesInOrder() throws {
        let variations = try read("""
            {"format": "allocate-whatif/1", "description": "notes", "x-author": "budget office",
             "variations": [
               {"name": "cut", "description": "10% less", "changes": ["level:province.budget*=0.9"], "x-ticket": 12},
               {"name": "ลดงบ อบต.", "changes": ["level:lao.budget*=0.95", "project:P1.mandatory=true"]}
             ]}
            """)
        #expect(variations.map(\.name) == ["cut", "ลดงบ อบต."])
        #expect(variations[0].description == "10% less")
        #expect(variations[1].description == nil)
        #expect(variations[1].changes.map(\.text) == ["level:lao.budget*=0.95", "project:P1.mandatory=true"])
        #expect(variations[1].changeLocations[1] == .file("w.json", path: JSONPath.root.key("variations").index(1).key("changes").index(1), line: 4))
        #expect(variations[0].location.description == "w.json, variations[0] (line 3)")
    }

    @Test func everyProblemWithItsPlace() {
        #expect(problems("""
            {"format": "allocate-whatif/2", "variatons": [],
             "variations": [
               {"name": "a", "changes": ["level:provinse.budget*=0.9", "funder:F.budget*=x"]},
               {"name": "A", "changes": ["level:lao.budget*=0.9"]},
               {"name": "a", "changes": ["level:lao.budget*=0.9"]},
               {"name": "base", "changes": ["level:lao.budget*=0.9"]},
               {"name": "b/c", "chnages": []},
               {"changes": [12]},
               {"name": "e", "changes": []},
               "f",
               {"name": "g", "name": "h", "changes": "level:lao.budget*=0.9"}
             ]}
            """) == [
                "w.json, variatons (line 1): unknown key \"variatons\"; did you mean \"variations\"? (keys starting with x- are ignored)",
                "w.json, format (line 1): expected \"allocate-whatif/1\", found \"allocate-whatif/2\"",
                "w.json, variations[0].changes[0] (line 3) \"level:provinse.budget*=0.9\", column 7: unknown level \"provinse\"; did you mean \"province\"? (levels: community, lao, district, province, ministry)",
                "w.json, variations[0].changes[1] (line 3) \"funder:F.budget*=x\", column 18: expected a factor (e.g. 0.9 or 90%), found \"x\"",
                "w.json, variations[2].name (line 5): the name \"a\" is already used at variations[1]",
                "w.json, variations[3].name (line 6): \"base\" is the name of the unchanged scenario in the comparison; choose another name",
                "w.json, variations[4].chnages (line 7): unknown key \"chnages\"; did you mean \"changes\"? (keys starting with x- are ignored)",
                "w.json, variations[4].name (line 7): a variation name must not contain /, \\ or control characters (it names a folder of --output)",
                "w.json, variations[4] (line 7): missing required key \"changes\"",
                "w.json, variations[5] (line 8): missing required key \"name\"",
                "w.json, variations[5].changes[0] (line 8): expected a string, found a number",
                "w.json, variations[6].changes (line 9): a variation needs at least one change",
                "w.json, variations[7] (line 10): expected an object, found a string",
                "w.json, variations[8].name (line 11): key \"name\" appears twice",
                "w.json, variations[8].changes (line 11): expected an array of change expressions, found a string",
            ])
        #expect(problems("{\"format\": \"allocate-whatif/1\", \"variations\": [}")
            == ["w.json, variations[0] (line 1): expected a value, found '}' (column 48)"])
        #expect(problems("{\"variations\": []}") == [
            "w.json, $ (line 1): missing required key \"format\" (\"allocate-whatif/1\")",
            "w.json, variations (line 1): the file lists no variation",
        ])
        #expect(problems("[]") == ["w.json, $ (line 1): expected an object, found an array"])
    }

    @Test func anUnreadableFileIsOneProblem() {
        #expect(throws: WhatIfError.self) { try VariationsFile.read(contentsOf: "/nonexistent/w.json") }
        do {
            _ = try VariationsFile.read(contentsOf: "/nonexistent/w.json")
        } catch {
            #expect(error.problems.map(\.description) == ["/nonexistent/w.json, $: cannot read the file: No such file or directory"])
        }
    }

    @Test func namesAFolderCanHave() {
        #expect(Variation.nameProblem("province-cut-10") == nil)
        #expect(Variation.nameProblem("ลดงบจังหวัด 10%") == nil)
        for bad in ["", "Base", "comparison.json", "Comparison.CSV", "changed-projects.csv", ".hidden", " lead", "trail ", "a/b", "a\\b", "tab\there", String(repeating: "x", count: 81)] {
            #expect(Variation.nameProblem(bad) != nil, "\(bad)")
        }
        #expect(throws: WhatIfError.self) { try Variation.fromFlags(["level:lao.budget*=0.9"], name: "base") }
    }

    /// The shipped examples read, and every variation makes a valid scenario of its base.
    @Test(arguments: [
        ("whatif/chon-buri-2565-variations.json", "chon-buri-2565.json", 7),
        ("whatif/khon-kaen-12k-budgets.json", "khon-kaen-generated-12k.json", 32),
    ])
    func theExamplesMakeValidScenarios(file: String, scenario: String, count: Int) throws {
        let root = ScenarioChangerTests.root.appendingPathComponent("scenarios")
        let variations = try VariationsFile.read(contentsOf: root.appendingPathComponent(file).path)
        #expect(variations.count == count)
        let base = try ScenarioReader.read(contentsOf: root.appendingPathComponent(scenario).path)
        let batch = try WhatIfBatch(base: base, variations: variations)
        #expect(batch.items.count == count)
        for item in batch.items { #expect(item.scenario != base, "\(item.variation.name) changes nothing") }
    }
}
