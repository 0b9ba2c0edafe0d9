/// The `--output DIR` folder of `allocate whatif` (docs/whatif.md):
/// `comparison.json`, `comparison.csv`, `changed-projects.csv`,
/// `base/result.json`, and per variation `NAME/result.json` and
/// `NAME/scenario.json`. Every file is written atomically (`AtomicFile`): a
/// run's files as soon as it is solved (at 12,000 projects they are about
/// 6 MB a variation), on the thread that solved it, the comparison files last.
public enum WhatIfOutput {
    public static let resultFile = "result.json"
    public static let scenarioFile = "scenario.json"

    /// Makes `directory` (and the folders above it) before anything is solved, so
    /// an output that cannot be made fails before the solves rather than after.
    public static func prepare(_ directory: String) throws(AtomicFile.WriteError) {
        try OutputDirectory.prepare(directory)
    }

    /// The folder of run `name` in `directory`.
    public static func folder(_ directory: String, _ name: String) -> String {
        OutputDirectory.path(directory, name)
    }

    /// `NAME/result.json`, and `NAME/scenario.json` for a variation, from a solve's whole result.
    ///
    /// - Parameter includeTimings: false leaves `timings` out of result.json.
    public static func write(
        _ run: WhatIfRun, result: AllocationResult, to directory: String, includeTimings: Bool
    ) throws(AtomicFile.WriteError) {
        let folder = folder(directory, run.name)
        try OutputDirectory.prepare(folder)
        let figures = ResultFigures(model: result.model, decision: result.decision)
        let document = ResultDocument.json(result, model: result.model, figures: figures, includeTimings: includeTimings)
        try AtomicFile.write(document.serialized(), to: OutputDirectory.path(folder, resultFile))
        if run.index > 0 {
            try AtomicFile.write(ScenarioWriter.json(result.scenario).serialized(), to: OutputDirectory.path(folder, scenarioFile))
        }
    }

    /// `comparison.json`, `comparison.csv` and `changed-projects.csv`, in that order.
    ///
    /// - Parameter includeTimings: false leaves `timings` out of every file.
    public static func writeComparison(
        _ comparison: WhatIfComparison, to directory: String, includeTimings: Bool
    ) throws(AtomicFile.WriteError) {
        try OutputDirectory.prepare(directory)
        try AtomicFile.write(comparison.json(includeTimings: includeTimings).serialized(),
                             to: OutputDirectory.path(directory, WhatIfComparison.jsonFile))
        try AtomicFile.write(comparison.csv(includeTimings: includeTimings),
                             to: OutputDirectory.path(directory, WhatIfComparison.comparisonFile))
        try AtomicFile.write(comparison.changedProjectsCSV(), to: OutputDirectory.path(directory, WhatIfComparison.changedProjectsFile))
    }
}
