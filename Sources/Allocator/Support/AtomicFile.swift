#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers only ever see the old file or the whole new
/// one: the bytes go to a temporary file in the same directory, are flushed
/// to disk, and the temporary file is renamed over the target. The target's
/// missing parent folders are made first (as `mkdir -p` would).
///
/// The temporary file's name carries the process id and 64 random bits, and
/// is created only if no file has that name (`O_EXCL`; on a clash another
/// name is drawn). A process id alone is not enough: in a container the
/// same pid comes back on every run, and a run killed mid-write leaves its
/// temporary file behind on a shared volume.
public enum AtomicFile {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Names drawn before giving up when every one is taken (each has 64 random bits).
    static let attempts = 16

    public static func write(_ text: String, to path: String) throws(WriteError) {
        var random = SystemRandomNumberGenerator()
        try write(text, to: path) { random.next() }
    }

    /// `write(_:to:)` with the random part of the temporary name drawn from `suffix`.
    static func write(_ text: String, to path: String, suffix: () -> UInt64) throws(WriteError) {
        try OutputDirectory.prepareParents(of: path)
        let (fd, temporary) = try createTemporary(for: path, suffix: suffix)
        var failure: String?
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = lastError()
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = lastError() }
        if close(fd) != 0, failure == nil { failure = lastError() }
        if failure == nil, rename(temporary, path) != 0 { failure = lastError() }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
    }

    /// A new temporary file beside `path`, open for writing, and its name;
    /// a name already taken (a stale file of a killed run) is passed over.
    private static func createTemporary(for path: String, suffix: () -> UInt64) throws(WriteError) -> (Int32, String) {
        for _ in 0 ..< attempts {
            let temporary = temporaryPath(for: path, suffix: suffix())
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 { return (fd, temporary) }
            if errno != EEXIST { throw WriteError(path: path, reason: lastError()) }
        }
        throw WriteError(path: path, reason: "every temporary name tried beside it was taken")
    }

    /// `dir/.name.tmp-PID-RANDOM` beside the target, so the rename stays on one file system,
    /// for a writer that makes the temporary file itself (GLPK's, in `ModelFile`); the
    /// target's missing folders are made, as `write` makes them (when that fails, so does the writer).
    static func temporaryPath(for path: String) -> String {
        try? OutputDirectory.prepareParents(of: path)
        var random = SystemRandomNumberGenerator()
        return temporaryPath(for: path, suffix: random.next())
    }

    /// `dir/.name.tmp-PID-SUFFIX`, the suffix as 16 hexadecimal digits.
    static func temporaryPath(for path: String, suffix: UInt64) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let hex = String(suffix, radix: 16)
        return "\(directory).\(name).tmp-\(getpid())-\(String(repeating: "0", count: 16 - hex.count))\(hex)"
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
