#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory that output files are written into (`--csv DIR`, `--output DIR`):
/// created with its missing parents (as `mkdir -p` would), accepted when it
/// is a directory already. `AtomicFile` makes the parents of every file it
/// writes the same way, so `--output runs/2570/result.json` works on a fresh volume.
public enum OutputDirectory {
    /// Makes sure `path` is a directory, making it and the folders above it when missing.
    ///
    /// - Throws: `AtomicFile.WriteError` when one cannot be made or is a file.
    public static func prepare(_ path: String) throws(AtomicFile.WriteError) {
        try makeFolders(path, for: path)
    }

    /// Makes the folders above the file `path` that are missing.
    ///
    /// - Throws: `AtomicFile.WriteError` for `path`, naming the folder that cannot be made.
    static func prepareParents(of path: String) throws(AtomicFile.WriteError) {
        guard let parent = parent(of: path) else { return }
        try makeFolders(parent, for: path)
    }

    /// `name` inside `directory`.
    public static func path(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Makes `folder` and the missing folders above it, top first; problems are reported for `target`.
    private static func makeFolders(_ folder: String, for target: String) throws(AtomicFile.WriteError) {
        var missing: [String] = []
        var next: String? = folder
        while let current = next {
            var info = stat()
            if stat(current, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw AtomicFile.WriteError(
                        path: target, reason: current == target ? "it exists and is not a directory"
                            : "\(current) exists and is not a directory")
                }
                break
            }
            // ENOTDIR: a file above it, named when the walk up reaches it.
            guard errno == ENOENT || errno == ENOTDIR else { throw failure(target, current) }
            missing.append(current)
            next = parent(of: current)
        }
        for current in missing.reversed() {
            guard mkdir(current, 0o755) == 0 || errno == EEXIST else { throw failure(target, current) }
        }
    }

    private static func failure(_ target: String, _ folder: String) -> AtomicFile.WriteError {
        let reason = String(cString: strerror(errno))
        return AtomicFile.WriteError(path: target, reason: folder == target ? reason : "cannot make the folder \(folder): \(reason)")
    }

    /// The folder holding `path` (trailing slashes ignored), nil for a bare name.
    static func parent(of path: String) -> String? {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return nil }
        var folder = trimmed[..<slash]
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        if folder.isEmpty { return trimmed == "/" ? nil : "/" }
        return String(folder)
    }
}
