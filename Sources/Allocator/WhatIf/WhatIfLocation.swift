/// Where part of a what-if request was written: a command-line flag, or a
/// value in a variations file (its JSON path and line), so every problem
/// names the place to fix.
public enum WhatIfLocation: Sendable, Equatable, CustomStringConvertible {
    /// A command-line option (`--set`).
    case flag(String)
    /// A value in a variations file.
    case file(String, path: JSONPath, line: Int?)

    public var description: String {
        switch self {
        case .flag(let name): name
        case .file(let file, let path, let line):
            "\(file), \(path)" + (line.map { " (line \($0))" } ?? "")
        }
    }
}
