/// A scenario built by `allocate import` from spreadsheets or pabulib files,
/// with what the scenario types cannot hold (`x-` notes on the scenario and on
/// each project) and where every entry came from.
public struct ImportedScenario: Sendable {
    public var scenario: Scenario
    /// `x-` members written after the scenario's `name`, `fiscalYear` and `horizon`.
    var notes: [(String, JSONOutput)]
    /// `x-` members written at the end of each project, one list per project.
    var projectNotes: [[(String, JSONOutput)]]
    var sources: ImportSourceMap

    init(scenario: Scenario, notes: [(String, JSONOutput)] = [], projectNotes: [[(String, JSONOutput)]] = [],
         sources: ImportSourceMap) {
        self.scenario = scenario
        self.notes = notes
        self.projectNotes = projectNotes
        self.sources = sources
    }

    /// The `allocate/1` document: `ScenarioWriter`'s, with the `x-` notes added.
    public func json() -> JSONOutput {
        guard case .object(var members) = ScenarioWriter.json(scenario) else { return ScenarioWriter.json(scenario) }
        if !notes.isEmpty, let areas = members.firstIndex(where: { $0.0 == "areas" }) {
            members.insert(contentsOf: notes, at: areas)
        }
        if let k = members.firstIndex(where: { $0.0 == "projects" }), case .array(let projects) = members[k].1 {
            members[k].1 = .array(projects.enumerated().map { p, project in
                guard p < projectNotes.count, !projectNotes[p].isEmpty, case .object(let m) = project else { return project }
                return .object(m + projectNotes[p])
            })
        }
        return .object(members)
    }

    /// The scenario as `allocate validate` would read the written file: its text
    /// goes through `ScenarioReader` (every rule of the format, references,
    /// trees, lengths), and each problem found is located in the imported files.
    ///
    /// - Throws: `ImportError` with every problem, in file order.
    public func validated() throws(ImportError) -> Scenario {
        do {
            return try ScenarioReader.read(bytes: Array(json().serialized().utf8))
        } catch {
            throw ImportError(problems: error.problems.map(sources.locate))
        }
    }
}
