/// What `allocate explain` was given: a decision in a result file (to be read
/// with the scenario it was made from) or a scenario to solve first. The file's
/// own `format` says which, so one argument takes either.
public enum ExplainInput: Sendable {
    case result(ResultFile)
    case scenario(Scenario)

    /// Why the file given cannot be used, with every problem the reader found.
    public enum Failure: Error, Sendable, Equatable {
        case scenario(ScenarioError)
        case result(ResultFileError)
    }

    /// Reads the file at `path`: a result file when its top-level `format` is
    /// `allocate-result/1`, otherwise a scenario (whose reader reports a wrong `format`).
    ///
    /// - Throws: `Failure`, from the scenario reader or the result reader.
    public static func read(contentsOf path: String) throws(Failure) -> ExplainInput {
        let bytes: [UInt8]
        switch FileContents.read(at: path) {
        case .success(let contents): bytes = contents
        case .failure(let reason):
            throw .scenario(ScenarioError(problems: [
                ScenarioProblem(path: JSONPath.root.description, message: "cannot read \"\(path)\": \(reason.message)"),
            ]))
        }
        if let root = try? JSONParser.parse(bytes), case .string(ResultDocument.format)? = root["format"]?.kind {
            do {
                return .result(try ResultFileReader.read(bytes: bytes))
            } catch {
                throw .result(error)
            }
        }
        do {
            return .scenario(try ScenarioReader.read(bytes: bytes))
        } catch {
            throw .scenario(error)
        }
    }
}
