#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file's bytes, read with POSIX calls (no Foundation needed); works
/// for regular files and for pipes such as `/dev/stdin`. A device (`/dev/zero`,
/// `/dev/urandom`, a disk) is refused unread: it is no input file, and some never end.
enum FileContents {
    /// The most bytes read when the caller gives no limit: 1,000 MB, the
    /// largest scenario file (`ScenarioReader.maximumFileSize`).
    static let defaultLimit = 1_000_000_000

    /// Why a file could not be read, as the system says it.
    struct Failure: Error, Equatable {
        var message: String
        /// The file has more bytes than the limit it was read with.
        var tooLarge = false
        /// The file's size, when it is a regular file (a pipe's is unknown).
        var size: Int? = nil
    }

    /// The file's bytes, or a failure when it has more than `limit` bytes:
    /// a regular file is refused by its size before anything is read; a
    /// pipe is read up to `limit` + 1 bytes, never further; a device is refused.
    static func read(at path: String, limit: Int = defaultLimit) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(Failure(message: systemError())) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(message: systemError())) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(Failure(message: "it is a directory, not a file"))
        }
        if (info.st_mode & S_IFMT) == S_IFCHR || (info.st_mode & S_IFMT) == S_IFBLK {
            return .failure(Failure(message: "it is a device, not a file"))
        }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        let tooLarge = Failure(message: "it has more than \(Self.describe(limit))", tooLarge: true,
                               size: isRegular ? Int(info.st_size) : nil)
        if Int(info.st_size) > limit { return .failure(tooLarge) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(message: systemError()))
            }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { return .failure(tooLarge) }
        }
        return .success(bytes)
    }

    /// A file size for a message, rounded down: in MB (10^6 bytes, as the size
    /// limits are given) from 1 MB, in kB from 1 kB, else in bytes.
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1_000_000 { return "\(bytes / 1_000_000) MB" }
        if bytes >= 1000 { return "\(bytes / 1000) kB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #elseif canImport(Musl)
        Musl.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
