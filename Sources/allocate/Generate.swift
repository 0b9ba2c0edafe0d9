import Allocator
import ArgumentParser

/// `allocate generate`: a realistic synthetic scenario, deterministic per seed.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a realistic synthetic scenario (village > tambon > district > province), deterministic per seed.")

    @Option(help: "Number of projects (about 5 per village).")
    var projects: Int

    @Option(help: "Random seed; the same seed gives the same file.")
    var seed: UInt64 = 1

    @Option(help: "Plan years (1 = annual plan, 5 = five-year plan).")
    var horizon: Int = 1

    @Option(help: "Number of provinces.")
    var provinces: Int = 1

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of stdout.")
    var output: String?

    func validate() throws {
        guard projects >= 1, projects <= 5_000_000 else { throw ValidationError("--projects must be 1...5,000,000") }
        guard (1 ... 10).contains(horizon) else { throw ValidationError("--horizon must be 1...10") }
        guard provinces >= 1, provinces <= 100 else { throw ValidationError("--provinces must be 1...100") }
    }

    func run() throws {
        let scenario = ScenarioGenerator(projects: projects, seed: seed, horizon: horizon, provinces: provinces).generate()
        let text = ScenarioWriter.json(scenario).serialized()
        if let output {
            do {
                try AtomicFile.write(text, to: output)
            } catch {
                Output.error("\(error)")
                throw ExitCode(3)
            }
        } else {
            print(text, terminator: "")
        }
    }
}
