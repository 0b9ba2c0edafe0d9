/// The bytes of one input file and the name problems give it (the path as typed).
public struct CSVFile: Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// `text` as UTF-8 bytes, for tests and callers that hold the text already.
    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The file at `path`.
    ///
    /// - Throws: `ImportError` naming the file when it cannot be read.
    public static func read(_ path: String) throws(ImportError) -> CSVFile {
        switch FileContents.read(at: path) {
        case .success(let bytes):
            return CSVFile(name: path, bytes: bytes)
        case .failure(let reason):
            throw ImportError(problems: [ImportProblem(file: path, message: "cannot read the file: \(reason.message)")])
        }
    }
}
