import Allocator
import Benchmark
import Foundation

/// The benchmark suite of `allocate` (issue 3): reading, model building, the greedy
/// start and solving, on `allocate generate` scenarios of one province (12,000
/// projects), a small province (1,000) and the whole country (200,000).
///
/// Every benchmark runs in a process of its own (package-benchmark's runner), so a
/// scenario is generated in that benchmark's `setup`, outside the measurement, and
/// the memory of one benchmark never shows in another's peak. Names start with the
/// size, so `--filter` can pick a subset: CI checks five of them against the
/// committed thresholds (`ci-snippet.sh`, README.md). Names have no spaces: the
/// threshold files are written with spaces turned into `_` but looked up by the
/// name as it is, so a name with a space would never be checked.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 10,
        thresholds: Tolerance.standard()
    )

    // MARK: Read + validate

    Benchmark(
        "12k-read-validate",
        configuration: .init(maxDuration: .seconds(15), maxIterations: 15)
    ) { benchmark, bytes in
        for _ in benchmark.scaledIterations {
            blackHole(Suite.read(bytes))
        }
    } setup: {
        Suite.bytes(of: Suite.scenario(projects: 12_000))
    }

    Benchmark(
        "200k-read-validate",
        configuration: .init(warmupIterations: 0, maxDuration: .seconds(20), maxIterations: 4)
    ) { benchmark, bytes in
        for _ in benchmark.scaledIterations {
            blackHole(Suite.read(bytes))
        }
    } setup: {
        Suite.bytes(of: Suite.scenario(projects: 200_000))
    }

    // MARK: Model build

    Benchmark(
        "12k-model-build",
        configuration: .init(maxDuration: .seconds(15), maxIterations: 15)
    ) { benchmark, scenario in
        for _ in benchmark.scaledIterations {
            blackHole(ModelBuilder.build(scenario))
        }
    } setup: {
        Suite.scenario(projects: 12_000)
    }

    Benchmark(
        "200k-model-build",
        configuration: .init(warmupIterations: 0, maxDuration: .seconds(20), maxIterations: 4)
    ) { benchmark, scenario in
        for _ in benchmark.scaledIterations {
            blackHole(ModelBuilder.build(scenario))
        }
    } setup: {
        Suite.scenario(projects: 200_000)
    }

    // MARK: Greedy start

    Benchmark(
        "12k-greedy-start",
        configuration: .init(
            maxDuration: .seconds(15), maxIterations: 15, thresholds: Tolerance.standard(mallocs: 25))
    ) { benchmark, model in
        for _ in benchmark.scaledIterations {
            blackHole(GreedyStart.decide(model))
        }
    } setup: {
        ModelBuilder.build(Suite.scenario(projects: 12_000))
    }

    /// The national size in CI: everything up to the branch-and-cut start, since a
    /// 200,000-project solve (`200k-solve`) takes more than a minute.
    Benchmark(
        "200k-build-greedy",
        configuration: .init(warmupIterations: 0, maxDuration: .seconds(30), maxIterations: 3)
    ) { benchmark, scenario in
        for _ in benchmark.scaledIterations {
            let model = ModelBuilder.build(scenario)
            blackHole(GreedyStart.decide(model))
        }
    } setup: {
        Suite.scenario(projects: 200_000)
    }

    // MARK: Solve

    Suite.solveBenchmark("1k-solve", projects: 1_000, timeLimit: 20, samples: 3)
    Suite.solveBenchmark("12k-solve", projects: 12_000, timeLimit: 30, samples: 3)
    /// Issue 3's national target: a 1% proven gap within 60 s, under 4 GB. One run.
    Suite.solveBenchmark("200k-solve", projects: 200_000, timeLimit: 60, samples: 1)

    // MARK: What if

    /// Issue 4: the 32 budget variations of scenarios/whatif/khon-kaen-12k-budgets.json
    /// on the 12k province, as `allocate whatif` runs them (the base solved, then
    /// every variation from its warm start, two at a time), against the same 32
    /// changed scenarios each read from its file and solved cold, one after another.
    /// Each solve: a 1% gap within 10 s. Not in CI (minutes).
    WhatIfSuite.benchmark("12k-whatif-32", cold: false)
    WhatIfSuite.benchmark("12k-whatif-32-cold", cold: true)
}

/// Scenarios, the solve call and the custom metrics shared by the benchmarks.
enum Suite {
    /// The seed of every generated scenario.
    static let seed: UInt64 = 2570

    /// The objective of the returned decision, in thousandths (custom metrics are integers).
    static let objective = BenchmarkMetric.custom("objective-x1000", polarity: .prefersLarger, useScalingFactor: false)
    /// The proven gap of the returned decision, in parts per million (10,000 = 1%);
    /// 1,000,000 when none was proven (no decision, or no bound yet).
    static let gap = BenchmarkMetric.custom("gap-ppm", polarity: .prefersSmaller, useScalingFactor: false)

    static let solveMetrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident, .mallocCountTotal, objective, gap]

    /// The `allocate generate --projects N --seed 2570` scenario, one province, one plan year.
    static func scenario(projects: Int) -> Scenario {
        ScenarioGenerator(projects: projects, seed: seed).generate()
    }

    /// The scenario as the UTF-8 bytes of its file.
    static func bytes(of scenario: Scenario) -> [UInt8] {
        Array(ScenarioWriter.json(scenario).serialized().utf8)
    }

    /// Reads and validates; a generated scenario is always valid, so a problem is a bug.
    static func read(_ bytes: [UInt8]) -> Scenario {
        do {
            return try ScenarioReader.read(bytes: bytes)
        } catch {
            fatalError("a generated scenario was rejected: \(error.problems.prefix(3))")
        }
    }

    /// A benchmark of `solve` on the generated scenario of `projects` projects,
    /// `samples` runs of at most `timeLimit` seconds each.
    static func solveBenchmark(_ name: String, projects: Int, timeLimit: Double, samples: Int) {
        Benchmark(
            name,
            configuration: .init(
                metrics: solveMetrics, warmupIterations: 0,
                maxDuration: .seconds(Int(timeLimit) * samples + 60), maxIterations: samples,
                thresholds: Tolerance.solve)
        ) { benchmark, model in
            for _ in benchmark.scaledIterations {
                solve(model, timeLimit: timeLimit, reportingTo: benchmark)
            }
        } setup: {
            ModelBuilder.build(scenario(projects: projects))
        }
    }

    /// Solves to a 1% gap within `timeLimit` seconds and records the objective and
    /// gap reached, so a change that is faster only because it stops earlier or
    /// lands on a worse decision shows up.
    static func solve(_ model: AllocationModel, timeLimit: Double, reportingTo benchmark: Benchmark) {
        let result: AllocationResult
        do {
            result = try Allocation.solve(model, options: SolveOptions(mipGap: 0.01, timeLimit: timeLimit))
        } catch {
            fatalError("the solver failed: \(error)")
        }
        benchmark.measurement(objective, Int(((result.objective ?? 0) * 1000).rounded()))
        benchmark.measurement(gap, result.gap.map { Int(($0 * 1_000_000).rounded()) } ?? 1_000_000)
        blackHole(result)
    }
}

/// The what-if benchmarks: the batch against cold solves of the same variations.
enum WhatIfSuite {
    /// The variations file, found from this source file (Benchmarks/Benchmarks/AllocatorBenchmarks/).
    static let variationsFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios/whatif/khon-kaen-12k-budgets.json").path
    static let options = SolveOptions(mipGap: 0.01, timeLimit: 10)
    /// Variations solved at once, as `allocate whatif --jobs 2` on the 2-core machine.
    static let workers = 2

    /// The largest proven gap among the variations, in parts per million (1,000,000 when one has none).
    static let worstGap = BenchmarkMetric.custom("worst-gap-ppm", polarity: .prefersSmaller, useScalingFactor: false)
    /// The sum of the variations' objectives, in thousandths.
    static let objectives = BenchmarkMetric.custom("objective-sum-x1000", polarity: .prefersLarger, useScalingFactor: false)

    /// What both benchmarks start from: the base scenario, its variations, and
    /// each variation's scenario file as bytes (for the cold solves).
    struct Setup: Sendable {
        var base: Scenario
        var variations: [Variation]
        var files: [[UInt8]]
    }

    static func setup() -> Setup {
        let base = Suite.scenario(projects: 12_000)
        do {
            let variations = try VariationsFile.read(contentsOf: variationsFile)
            let batch = try WhatIfBatch(base: base, variations: variations, workers: workers)
            return Setup(base: base, variations: variations, files: batch.items.map { Suite.bytes(of: $0.scenario) })
        } catch {
            fatalError("the benchmark's variations were rejected: \(error)")
        }
    }

    static func benchmark(_ name: String, cold: Bool) {
        Benchmark(
            name,
            configuration: .init(
                metrics: [.wallClock, .peakMemoryResident, worstGap, objectives], warmupIterations: 0,
                maxDuration: .seconds(900), maxIterations: 1,
                thresholds: [.wallClock: Tolerance.time, .peakMemoryResident: Tolerance.memory])
        ) { benchmark, setup in
            for _ in benchmark.scaledIterations {
                let results = cold ? solveCold(setup).map { (gap: $0.gap, objective: $0.objective) } : solveWarm(setup)
                let gaps = results.map { $0.gap.map { Int(($0 * 1_000_000).rounded()) } ?? 1_000_000 }
                benchmark.measurement(worstGap, gaps.max() ?? 0)
                benchmark.measurement(objectives, Int((results.reduce(0) { $0 + ($1.objective ?? 0) } * 1000).rounded()))
                blackHole(results)
            }
        } setup: {
            setup()
        }
    }

    /// `allocate whatif`: the variations made and validated, the base solved,
    /// the variations solved from it; each variation's gap and objective (the
    /// comparison keeps no whole result, as `allocate whatif` does).
    static func solveWarm(_ setup: Setup) -> [(gap: Double?, objective: Double?)] {
        do {
            let batch = try WhatIfBatch(base: setup.base, variations: setup.variations, workers: workers)
            return try batch.run(options: options, workers: workers).runs.dropFirst().map { (gap: $0.gap, objective: $0.objective) }
        } catch {
            fatalError("the what-if batch failed: \(error)")
        }
    }

    /// `allocate SCENARIO` on each variation's file: read, build, solve, one after another.
    static func solveCold(_ setup: Setup) -> [AllocationResult] {
        setup.files.map { bytes in
            do {
                return try Allocation.solve(Suite.read(bytes), options: options)
            } catch {
                fatalError("the solver failed: \(error)")
            }
        }
    }
}

/// How far a run may drift from the committed p90 thresholds (`Thresholds/`)
/// before `swift package benchmark thresholds check` reports it; relative
/// tolerances are in percent, either way (a run better than the threshold by
/// more than the tolerance is reported too, as an improvement).
///
/// * Wall time +400%: the committed figures come from a shared 2-core VM whose
///   speed drifts from day to day: on 2026-11-29, idle, the same code ran 2.2 to
///   2.9 times slower than when the thresholds were recorded (2026-11-27), and
///   +100% failed it. So wall time fails only a run more than 5 times as slow
///   (an accidentally quadratic step, not a few percent); the malloc counts are
///   the tight check. A relative tolerance of 100% or more never reports an
///   improvement.
/// * Malloc counts ±5%: measured, they differ between runs of the same code by a
///   few hundred at most, so 5% is a real change in allocation behaviour. The
///   greedy start allocates only about 300 times (±20 between runs), so it gets ±25%.
/// * Peak resident memory ±25%: it is sampled, and includes the scenario made in setup.
enum Tolerance {
    static var time: BenchmarkThresholds { BenchmarkThresholds(relative: [.p90: 400]) }
    static var memory: BenchmarkThresholds { BenchmarkThresholds(relative: [.p90: 25]) }

    static func standard(mallocs: Double = 5) -> [BenchmarkMetric: BenchmarkThresholds] {
        [
            .wallClock: time,
            .peakMemoryResident: memory,
            .mallocCountTotal: BenchmarkThresholds(relative: [.p90: mallocs]),
        ]
    }

    /// A time-limited solve stops wherever the search stands at the limit, which
    /// depends on the machine's load: the malloc count (per step, per GLPK node
    /// and cut) gets ±25%, the proven gap may grow by 1.5 points (absolute 15,000 ppm) and the
    /// objective may lose 2%. A solve that reaches the 1% target before its limit
    /// has a smaller gap and a shorter time, never a regression.
    static var solve: [BenchmarkMetric: BenchmarkThresholds] {
        var thresholds = standard(mallocs: 25)
        thresholds[Suite.objective] = BenchmarkThresholds(relative: [.p90: 2])
        thresholds[Suite.gap] = BenchmarkThresholds(absolute: [.p90: 15_000])
        return thresholds
    }
}
