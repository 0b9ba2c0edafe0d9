#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory that output files are written into (`--csv DIR`): created when
/// it does not exist (its parent must), accepted when it is a directory already.
public enum OutputDirectory {
    /// Makes sure `path` is a directory.
    ///
    /// - Throws: `AtomicFile.WriteError` when it cannot be created or is a file.
    public static func prepare(_ path: String) throws(AtomicFile.WriteError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw AtomicFile.WriteError(path: path, reason: "it exists and is not a directory")
            }
            return
        }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// `name` inside `directory`.
    public static func path(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
