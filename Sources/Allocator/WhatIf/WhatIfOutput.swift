/// The `--output DIR` folder of `allocate whatif` (docs/whatif.md):
/// `comparison.json`, `comparison.csv`, `changed-projects.csv`,
/// `base/result.json`, and per variation `NAME/result.json` and
/// `NAME/scenario.json`. Every file is written atomically (`AtomicFile`); the
/// runs' files are written several at once (at 12,000 projects they are about
/// 6 MB a variation), the comparison files last.
public enum WhatIfOutput {
    public static let resultFile = "result.json"
    public static let scenarioFile = "scenario.json"

    /// - Parameter includeTimings: false leaves `timings` out of every file.
    /// - Throws: the first file (in the runs' order) that cannot be written,
    ///   after the others were tried.
    public static func write(
        _ comparison: WhatIfComparison, to directory: String, includeTimings: Bool,
        workers: Int = WhatIfBatch.defaultWorkers
    ) throws(AtomicFile.WriteError) {
        try OutputDirectory.prepare(directory)
        for run in comparison.runs { try OutputDirectory.prepare(OutputDirectory.path(directory, run.name)) }
        let runs = comparison.runs
        let failures = ParallelMap.run(count: runs.count, threads: workers) { k -> AtomicFile.WriteError? in
            let run = runs[k]
            let folder = OutputDirectory.path(directory, run.name)
            do throws(AtomicFile.WriteError) {
                let result = ResultDocument.json(run.result, model: run.result.model, figures: run.figures, includeTimings: includeTimings)
                try AtomicFile.write(result.serialized(), to: OutputDirectory.path(folder, resultFile))
                if run.index > 0 {
                    try AtomicFile.write(ScenarioWriter.json(run.result.scenario).serialized(), to: OutputDirectory.path(folder, scenarioFile))
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        try AtomicFile.write(comparison.json(includeTimings: includeTimings).serialized(),
                             to: OutputDirectory.path(directory, WhatIfComparison.jsonFile))
        try AtomicFile.write(comparison.csv(includeTimings: includeTimings),
                             to: OutputDirectory.path(directory, WhatIfComparison.comparisonFile))
        try AtomicFile.write(comparison.changedProjectsCSV(), to: OutputDirectory.path(directory, WhatIfComparison.changedProjectsFile))
    }
}
