/// Reads an `allocate/1` scenario file into a validated `Scenario`, or
/// rejects it with every problem found, each located by JSON path and line.
///
/// Reading is three passes: strict JSON parsing (`JSONParser`; a syntax error
/// stops here, since nothing after it can be trusted), decoding every value
/// (`ScenarioDecoder`) and checking references between entries
/// (`ScenarioValidator`). Problems of the last two are merged and sorted into
/// file order (by line, then in the order found), so the same file always
/// gives the same list.
///
/// Strictness choices the spec leaves open: `null` is not accepted in place of
/// an absent optional key (it is reported as a wrong type); `2.0` is accepted
/// where an integer is expected, `2.5` is not.
public enum ScenarioReader {
    /// The largest scenario file read, in bytes: 1,000 MB, three times a generated
    /// scenario of 1,000,000 projects (315 MB). A larger file is refused before it
    /// is read, so a wrong file (a disk image, a database dump) costs no memory.
    /// A smaller one may still be refused by the memory it needs (`memoryLimit`).
    public static let maximumFileSize = 1_000_000_000

    /// Reads and validates the scenario file at `path`.
    ///
    /// - Parameter memoryLimit: when given, a file whose reading is estimated
    ///   (`MemoryEstimate.reading(fileBytes:)`) to need more is refused unread,
    ///   and one whose values would take more than the limit is refused while
    ///   parsing, when they reach it.
    /// - Throws: `ScenarioError`; a file that cannot be read, is larger than
    ///   `maximumFileSize` or needs more memory than `memoryLimit` is one problem at `$`.
    /// - Complexity: O(file size). Measured (release build, busy 2-core machine): a 33 MB
    ///   file with 200,000 projects parses in about 0.5 s and is decoded and validated in
    ///   about 0.6 s more.
    public static func read(contentsOf path: String, memoryLimit: MemoryLimit? = nil) throws(ScenarioError) -> Scenario {
        try read(bytes: bytes(contentsOf: path, memoryLimit: memoryLimit), memoryLimit: memoryLimit)
    }

    /// The bytes of the scenario file at `path` (any path the system can
    /// read, `/dev/stdin` too), for a caller that needs them besides the
    /// scenario (a what-if shard fingerprints them).
    ///
    /// - Throws: `ScenarioError` with one problem at `$` when the file cannot be
    ///   read, is larger than `maximumFileSize`, or (with `memoryLimit`) is
    ///   estimated to need more memory to read than the limit.
    public static func bytes(contentsOf path: String, memoryLimit: MemoryLimit? = nil) throws(ScenarioError) -> [UInt8] {
        switch InputFile.bytes(at: path, memoryLimit: memoryLimit, kind: "scenario file") {
        case .success(let contents):
            return contents
        case .failure(let refusal):
            throw ScenarioError(problems: [ScenarioProblem(path: JSONPath.root.description, message: refusal.message)])
        }
    }

    /// Reads and validates a scenario from the bytes of a UTF-8 JSON document.
    ///
    /// - Parameter memoryLimit: when given, a document whose values would take
    ///   more memory is refused while parsing (`JSONParser.parse(_:memoryLimit:)`).
    /// - Throws: `ScenarioError` listing every problem, in file order.
    public static func read(bytes: [UInt8], memoryLimit: MemoryLimit? = nil) throws(ScenarioError) -> Scenario {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes, memoryLimit: memoryLimit)
        } catch {
            throw ScenarioError(problems: [
                ScenarioProblem(path: error.path.description, line: error.line,
                                message: "\(error.message) (column \(error.column))"),
            ])
        }
        return try read(document: root)
    }

    /// Decodes and validates a parsed document (or one made in memory by
    /// `JSONOutput.document()`): the checks of `read(bytes:)` after parsing.
    ///
    /// - Throws: `ScenarioError` listing every problem, in file order.
    public static func read(document root: JSONValue) throws(ScenarioError) -> Scenario {
        var decoder = ScenarioDecoder()
        let decoded = decoder.decode(root)
        let problems = decoder.problems + ScenarioValidator.validate(decoded, source: root)
        guard problems.isEmpty else {
            throw ScenarioError(problems: inFileOrder(problems))
        }
        return decoded.scenario
    }

    /// Sorted by line (problems without a line first), ties kept in the order found.
    static func inFileOrder(_ problems: [ScenarioProblem]) -> [ScenarioProblem] {
        problems.enumerated()
            .sorted { a, b in
                let lineA = a.element.line ?? 0
                let lineB = b.element.line ?? 0
                return lineA != lineB ? lineA < lineB : a.offset < b.offset
            }
            .map(\.element)
    }
}
