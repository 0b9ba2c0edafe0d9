@testable import Allocator
import Foundation
import Testing

/// A what-if variation that changes budgets only is solved on the base model
/// with its budget rows edited (`ModelBuilder.rebudgeted(_:to:)`) and made
/// without the writer-and-reader round trip (`ScenarioChanger`): the edited
/// model equals the model built afresh entry for entry, the edit is refused
/// exactly when the choices change (a cut below a project's cost, a rise to
/// one) or something besides budgets changed, and the scenario equals the one
/// the round trip makes. (`WhatIfBatchTests` checks the batch's results
/// against cold solves and brute force.)
@Suite struct RebudgetTests {
    /// One to three random budget changes on `s`'s own funders, levels and areas.
    static func budgetChanges(of s: Scenario, rng: inout SplitMix64) -> [String] {
        let factors = ["0", "0.5", "0.8", "0.9", "0.95", "1.05", "1.1", "1.2", "2", "5"]
        var changes: [String] = []
        for _ in 0 ..< rng.int(1...3) {
            let funder = rng.pick(s.funders)
            let year = s.horizon > 1 && rng.chance(0.4) ? "[\(rng.int(1...s.horizon))]" : ""
            changes.append(rng.pick([
                "funder:\(funder.id).budget\(year)*=\(rng.pick(factors))",
                "funder:\(funder.id).budget\(year)+=\(rng.int(1...20) * 50_000)",
                "level:\(funder.level.name).budget*=\(rng.pick(factors))",
                "area:\(rng.pick(s.areas).id).budget\(year)*=\(rng.pick(factors))",
            ]))
        }
        return changes
    }

    /// Every part of the two models is equal.
    static func expectEqual(_ a: AllocationModel, _ b: AllocationModel, _ note: String) {
        #expect(a.scenario == b.scenario, "\(note)")
        #expect(a.choices == b.choices, "\(note)")
        #expect(a.choiceStart == b.choiceStart, "\(note)")
        #expect(a.rowFamilies == b.rowFamilies, "\(note)")
        #expect(a.leftOutCost == b.leftOutCost, "\(note)")
        let (x, y) = (a.linear, b.linear)
        #expect(x.objective == y.objective && x.columnNames == y.columnNames, "\(note)")
        #expect(x.rowBounds == y.rowBounds && x.rowNames == y.rowNames, "\(note)")
        #expect(x.rowStart == y.rowStart && x.entryColumn == y.entryColumn && x.entryValue == y.entryValue, "\(note)")
    }

    @Test func anEditedModelEqualsTheModelBuiltAfresh() throws {
        var edited = 0
        var refused = 0
        for seed in UInt64(1) ... 24 {
            let horizon = seed % 3 == 0 ? 3 : 1
            let base = ScenarioGenerator(projects: 300, seed: seed, horizon: horizon).generate()
            let baseModel = ModelBuilder.build(base)
            let changer = ScenarioChanger(base: base)
            var rng = SplitMix64(seed: seed &* 104_729)
            for k in 0 ..< 10 {
                let variation = try Variation.fromFlags(Self.budgetChanges(of: base, rng: &rng), name: "v\(k)")
                let note = "seed \(seed) \(variation.changes.map(\.text))"
                let scenario = try changer.scenario(for: variation)
                let built = ModelBuilder.build(scenario)
                if let model = ModelBuilder.rebudgeted(baseModel, to: scenario) {
                    Self.expectEqual(model, built, note)
                    edited += 1
                } else {
                    // Refused only when the choices change (on one plan year;
                    // with more, `leftOutCost` may refuse a rise that adds none).
                    if horizon == 1 { #expect(built.choices != baseModel.choices, "\(note)") }
                    refused += 1
                }
            }
        }
        #expect(edited >= 50, "edited \(edited)")
        #expect(refused >= 50, "refused \(refused)")
    }

    /// Of the what-if benchmark's 32 variations of the 12k province
    /// (Benchmarks/README.md), the 24 that keep the base's choices are edits,
    /// each equal to the model built afresh.
    @Test func theBenchmarksVariationsThatKeepTheChoicesAreEdits() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let base = try ScenarioReader.read(contentsOf: root.appendingPathComponent("scenarios/khon-kaen-generated-12k.json").path)
        let variations = try VariationsFile.read(
            contentsOf: root.appendingPathComponent("scenarios/whatif/khon-kaen-12k-budgets.json").path)
        #expect(variations.count == 32)
        let baseModel = ModelBuilder.build(base)
        let changer = ScenarioChanger(base: base)
        var edits = 0
        for variation in variations {
            let scenario = try changer.scenario(for: variation)
            let fresh = ModelBuilder.build(scenario)
            guard let model = ModelBuilder.rebudgeted(baseModel, to: scenario) else {
                // A village's budget crossing a project's cost, or a budget of 0.
                let sameChoices = fresh.choices == baseModel.choices
                #expect(!sameChoices, "\(variation.name)")
                continue
            }
            Self.expectEqual(model, fresh, variation.name)
            edits += 1
        }
        #expect(edits >= 24, "\(edits) of 32 edited")
    }

    @Test func aChangeBesidesBudgetsIsBuiltAfresh() throws {
        let base = ScenarioGenerator(projects: 200, seed: 5).generate()
        let baseModel = ModelBuilder.build(base)
        let changer = ScenarioChanger(base: base)
        let funder = base.funders[0].id
        let limited = try #require(base.funders.first { $0.maxProjects != nil }).id
        let project = base.projects[0].id
        for extra in ["project:\(project).priority+=1", "policy.escalationPenalty=0.002", "funder:\(limited).maxProjects+=1"] {
            let scenario = try changer.scenario(for: try Variation.fromFlags(["funder:\(funder).budget*=1.01", extra]))
            let edited = ModelBuilder.rebudgeted(baseModel, to: scenario) != nil
            #expect(!edited, "\(extra)")
        }
        // The budget change alone is an edit.
        let budgetOnly = try changer.scenario(for: try Variation.fromFlags(["funder:\(funder).budget*=1.01"]))
        let edited = try #require(ModelBuilder.rebudgeted(baseModel, to: budgetOnly))
        Self.expectEqual(edited, ModelBuilder.build(budgetOnly), "budget only")
        // The base itself, unchanged, is its own model.
        let same = try #require(ModelBuilder.rebudgeted(baseModel, to: base))
        Self.expectEqual(same, baseModel, "unchanged")
    }

    @Test func aBudgetVariationIsTheScenarioTheReaderMakesOfItsFile() throws {
        for seed in UInt64(1) ... 12 {
            let base = ScenarioGenerator(projects: 200, seed: seed, horizon: seed % 2 == 0 ? 4 : 1).generate()
            let changer = ScenarioChanger(base: base)
            var rng = SplitMix64(seed: seed &* 7_919)
            for k in 0 ..< 8 {
                let variation = try Variation.fromFlags(Self.budgetChanges(of: base, rng: &rng), name: "v\(k)")
                let note = "seed \(seed) \(variation.changes.map(\.text))"
                let (applied, _) = try changer.applied(variation)
                #expect(changer.changesBudgetsOnly(variation, in: applied), "\(note)")
                let made = try changer.scenario(for: variation)
                #expect(made == applied, "\(note)")
                let read = try ScenarioReader.read(document: ScenarioWriter.json(made).document())
                #expect(made == read, "\(note)")
            }
        }
    }
}
