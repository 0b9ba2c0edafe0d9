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
    /// - Parameter memoryLimit: when given, the checks every command makes
    ///   before and while parsing: a file estimated to need more memory to
    ///   read is refused unread, one whose values take more is refused while
    ///   parsing. Without it, only the largest file size applies.
    /// - Throws: `Failure`, from the scenario reader or the result reader; a file
    ///   that cannot be read, a device, a file larger than
    ///   `ScenarioReader.maximumFileSize` or too large for the memory is one problem at `$`.
    public static func read(contentsOf path: String, memoryLimit: MemoryLimit? = nil) throws(Failure) -> ExplainInput {
        let bytes: [UInt8]
        switch InputFile.bytes(at: path, memoryLimit: memoryLimit, kind: "scenario or result file") {
        case .success(let contents): bytes = contents
        case .failure(let refusal):
            throw .scenario(ScenarioError(problems: [ScenarioProblem(path: JSONPath.root.description, message: refusal.message)]))
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes, memoryLimit: memoryLimit)
        } catch {
            throw .scenario(ScenarioError(problems: [
                ScenarioProblem(path: error.path.description, line: error.line, message: "\(error.message) (column \(error.column))"),
            ]))
        }
        if case .string(ResultDocument.format)? = root["format"]?.kind {
            do {
                return .result(try ResultFileReader.read(document: root))
            } catch {
                throw .result(error)
            }
        }
        do {
            return .scenario(try ScenarioReader.read(document: root))
        } catch {
            throw .scenario(error)
        }
    }
}
