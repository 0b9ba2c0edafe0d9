#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How much memory a command may use, and where that figure comes from: a
/// limit given on the command line (`--max-memory`), or what the machine can
/// hold now, the smaller of the cgroup's limit (a container's, a Slurm job's)
/// and the memory Linux reports available (`MemAvailable`, which counts the
/// page cache it can drop; on other systems the physical memory).
///
/// Commands compare it with `MemoryEstimate`'s figures before the large
/// allocations, so a scenario too large is refused with what it needs rather
/// than killed by the system half-way.
public struct MemoryLimit: Sendable, Equatable, CustomStringConvertible {
    public var bytes: Int
    /// Where the figure comes from, for a message: "--max-memory", "the cgroup limit", ...
    public var source: String

    public init(bytes: Int, source: String) {
        self.bytes = bytes
        self.source = source
    }

    /// The limit given on the command line, or else the machine's.
    public static func current(explicit: Int?) -> MemoryLimit {
        if let explicit { return MemoryLimit(bytes: explicit, source: "--max-memory") }
        return system()
    }

    /// The machine's: the smaller of the cgroup v2 limit (`/sys/fs/cgroup/memory.max`
    /// less `memory.current`, when a limit is set) and `MemAvailable` of
    /// `/proc/meminfo`; the physical memory where neither can be read.
    public static func system() -> MemoryLimit {
        var best = MemoryLimit(bytes: physicalMemory(), source: "the physical memory")
        if let available = meminfoAvailable() {
            best = MemoryLimit(bytes: available, source: "the memory available (MemAvailable in /proc/meminfo)")
        }
        if let limit = cgroupNumber("/sys/fs/cgroup/memory.max") {
            let used = cgroupNumber("/sys/fs/cgroup/memory.current") ?? 0
            let left = max(0, limit - used)
            if left < best.bytes {
                best = MemoryLimit(bytes: left, source: "the cgroup limit (/sys/fs/cgroup/memory.max)")
            }
        }
        return best
    }

    /// A size as written on a command line: bytes, or a number with `K`, `M`,
    /// `G` or `T` (powers of 1024, as `ulimit`, Docker and Slurm read them;
    /// `GB`, `GiB` and lower case mean the same), e.g. `8G`, `512M`, `1.5G`.
    /// Nil when it is not one, or not above 0.
    public static func parse(_ text: String) -> Int? {
        var digits = Substring(text.trimmed(of: " "))
        var scale = 1.0
        for suffix in ["ib", "b"] where digits.lowercased().hasSuffix(suffix) {
            digits = digits.dropLast(suffix.count)
            break
        }
        if let last = digits.last, let power = ["k": 1, "m": 2, "g": 3, "t": 4][last.lowercased()] {
            scale = pow(1024, Double(power))
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let number = Double(digits), number > 0 else { return nil }
        let bytes = number * scale
        guard bytes >= 1, bytes < 9e18 else { return nil }
        return Int(bytes)
    }

    /// `bytes` for a message, in GiB with one decimal above 1 GiB, else in MiB.
    public static func describe(_ bytes: Int) -> String {
        let mib = Double(bytes) / 1_048_576
        if mib >= 1024 {
            return "\((mib / 1024 * 10).rounded(.up) / 10) GiB"
        }
        return "\(Int(mib.rounded(.up))) MiB"
    }

    public var description: String { "\(Self.describe(bytes)) (\(source))" }

    private static func physicalMemory() -> Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        return pages > 0 && size > 0 ? pages * size : Int.max
    }

    /// `MemAvailable` in bytes (the file gives kB).
    private static func meminfoAvailable() -> Int? {
        guard case .success(let bytes) = FileContents.read(at: "/proc/meminfo", limit: 1 << 20) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let kb = Int(fields[1]) { return kb * 1024 }
        }
        return nil
    }

    /// A cgroup file's number; nil when absent or `max` (no limit).
    private static func cgroupNumber(_ path: String) -> Int? {
        guard case .success(let bytes) = FileContents.read(at: path, limit: 4096) else { return nil }
        return Int(String(decoding: bytes, as: UTF8.self).trimmed(of: " \n"))
    }
}

private extension StringProtocol {
    func trimmed(of set: String) -> Substring {
        let characters = Set(set)
        var text = Substring(self)
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return text
    }
}
