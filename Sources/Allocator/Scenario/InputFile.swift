/// Reading an input file (a scenario, a result, either for `allocate explain`)
/// within the two bounds every command applies before parsing: the largest
/// file read (`ScenarioReader.maximumFileSize`) and the memory the command may
/// use (`MemoryEstimate.reading(fileBytes:)` against `MemoryLimit`).
enum InputFile {
    /// Why a file is refused, as one sentence.
    struct Refusal: Error {
        var message: String
    }

    /// The bytes of the file at `path`, or the message of the one problem (at `$`) that refuses it.
    ///
    /// - Parameter kind: what the file is, for the message: "scenario file", "result file", ...
    static func bytes(at path: String, memoryLimit: MemoryLimit?, kind: String) -> Result<[UInt8], Refusal> {
        let maximum = ScenarioReader.maximumFileSize
        let fitting = memoryLimit.map { MemoryEstimate.largestReadableFile(within: $0.bytes) } ?? .max
        switch FileContents.read(at: path, limit: min(maximum, fitting)) {
        case .success(let contents):
            return .success(contents)
        case .failure(let reason) where reason.tooLarge && fitting < maximum && reason.size.map({ $0 <= maximum }) ?? true:
            let need = reason.size.map { "about " + MemoryLimit.describe(MemoryEstimate.reading(fileBytes: $0)) }
                ?? "more than " + MemoryLimit.describe(memoryLimit?.bytes ?? 0)
            let size = reason.size.map(FileContents.describe) ?? "more than \(FileContents.describe(fitting))"
            return .failure(Refusal(message: "\"\(path)\" (\(size)) needs \(need) of memory to read, and the limit is "
                + "\(memoryLimit.map(\.description) ?? ""); give more with --max-memory or use a larger machine"))
        case .failure(let reason) where reason.tooLarge:
            return .failure(Refusal(message: "\"\(path)\" is larger than \(maximum / 1_000_000) MB, the largest \(kind) allocate reads "
                + "(a generated scenario of 1,000,000 projects takes 315 MB)"))
        case .failure(let reason):
            return .failure(Refusal(message: "cannot read \"\(path)\": \(reason.message)"))
        }
    }
}
