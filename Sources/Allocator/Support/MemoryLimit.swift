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

    /// The machine's: the smaller of the headroom of the process's cgroup v2
    /// limits (`cgroupLimits(root:)`) and `MemAvailable` of `/proc/meminfo`; the
    /// physical memory where neither can be read.
    public static func system() -> MemoryLimit {
        system(root: "")
    }

    /// `system()` with every file read under `root` (`root + "/proc/meminfo"`,
    /// ...), so tests can give a made-up tree; "" is the machine's own.
    static func system(root: String) -> MemoryLimit {
        var best = MemoryLimit(bytes: physicalMemory(), source: "the physical memory")
        if let available = meminfoAvailable(root: root) {
            best = MemoryLimit(bytes: available, source: "the memory available (MemAvailable in /proc/meminfo)")
        }
        for limit in cgroupLimits(root: root) where limit.bytes < best.bytes {
            best = limit
        }
        return best
    }

    /// The headroom under each memory limit of the process's cgroup v2 and the
    /// cgroups above it, each `memory.max` less what is in use there: `memory.current`
    /// less `inactive_file` of `memory.stat`, the page cache the kernel drops first
    /// rather than go over the limit (a job that has just read large files has
    /// much of it; `MemAvailable` counts it as available too).
    ///
    /// The process's cgroup is the `0::/PATH` line of `/proc/self/cgroup`; a
    /// Slurm job's or a systemd unit's limit is in that folder of
    /// `/sys/fs/cgroup` or one above it, a container's (with its own cgroup
    /// namespace, where PATH is `/`) at `/sys/fs/cgroup` itself. A folder that
    /// is not there (a container that sees another's path) or has no limit
    /// (`max`) is passed over. cgroup v1 is not read.
    static func cgroupLimits(root: String) -> [MemoryLimit] {
        let mount = root + "/sys/fs/cgroup"
        var folders = [""]
        if let own = ownCgroup(root: root) {
            var path = ""
            for component in own.split(separator: "/") {
                path += "/" + component
                folders.append(path)
            }
        }
        var limits: [MemoryLimit] = []
        for folder in folders {
            let directory = mount + folder
            guard let limit = cgroupNumber(directory + "/memory.max") else { continue }
            let current = cgroupNumber(directory + "/memory.current") ?? 0
            let inactive = cgroupStat(directory + "/memory.stat", key: "inactive_file") ?? 0
            let used = max(0, current - inactive)
            limits.append(MemoryLimit(
                bytes: max(0, limit - used), source: "the cgroup limit (/sys/fs/cgroup\(folder)/memory.max)"))
        }
        return limits
    }

    /// The PATH of the `0::/PATH` line (cgroup v2) of `/proc/self/cgroup`; nil
    /// when there is none, or when it leaves the namespace (`/..`).
    private static func ownCgroup(root: String) -> String? {
        guard case .success(let bytes) = FileContents.read(at: root + "/proc/self/cgroup", limit: 1 << 16) else { return nil }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix("0::/") {
            let path = line.dropFirst(3)
            let components = path.split(separator: "/")
            guard !components.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
            return String(path)
        }
        return nil
    }

    /// What can go wrong with a size given on the command line.
    public enum SizeProblem: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not a number with an optional unit.
        case notASize(String)
        /// Below one byte: nothing could be read or solved.
        case zero(String)
        /// More than a 64-bit count of bytes holds (8 EiB).
        case tooLarge(String)

        public var description: String {
            switch self {
            case .notASize(let text):
                "--max-memory must be a size such as 8G, 512M, 64K or 1073741824 (bytes), found \"\(text)\""
            case .zero(let text):
                "--max-memory \(text) is no memory at all: give a size above 0, such as 8G or 512M"
            case .tooLarge(let text):
                "--max-memory \(text) is more than any machine can have: the largest size is 8388607T (8 EiB less 1 TiB)"
            }
        }
    }

    /// A size as written on a command line: bytes, or a number with `K`, `M`,
    /// `G` or `T` (powers of 1024, as `ulimit`, Docker and Slurm read them;
    /// `KB`, `KiB` and lower case mean the same; a bare `B` means bytes), e.g.
    /// `8G`, `512M`, `1.5G`, `1000000`. At least 1 byte, below 8 EiB.
    public static func parseSize(_ text: String) -> Result<Int, SizeProblem> {
        var digits = Substring(text.trimmed(of: " "))
        var scale = 1.0
        let lower = digits.lowercased()
        let unit: [(suffix: String, power: Double)] = [
            ("kib", 1), ("mib", 2), ("gib", 3), ("tib", 4), ("kb", 1), ("mb", 2), ("gb", 3), ("tb", 4),
            ("k", 1), ("m", 2), ("g", 3), ("t", 4), ("b", 0),
        ]
        if let (suffix, power) = unit.first(where: { lower.hasSuffix($0.suffix) }) {
            digits = digits.dropLast(suffix.count)
            scale = pow(1024, power)
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              digits.filter({ $0 == "." }).count <= 1, digits.contains(where: \.isNumber),
              let number = Double(digits) else { return .failure(.notASize(text)) }
        let bytes = number * scale
        guard bytes >= 1 else { return .failure(.zero(text)) }
        guard bytes < 0x1p63 else { return .failure(.tooLarge(text)) }
        return .success(Int(bytes))
    }

    /// What is wrong with `text` as a size, for a message; nil when it is one.
    public static func sizeProblem(_ text: String) -> String? {
        if case .failure(let problem) = parseSize(text) { problem.description } else { nil }
    }

    /// `parseSize(_:)`'s bytes, or nil when it is not a size.
    public static func parse(_ text: String) -> Int? {
        try? parseSize(text).get()
    }

    /// `bytes` for a message: in GiB with one decimal from 1 GiB, in MiB from
    /// 1 MiB, in KiB from 1 KiB, else in bytes (rounded up, so a need is never understated).
    public static func describe(_ bytes: Int) -> String {
        let kib = Double(bytes) / 1024
        let mib = kib / 1024
        if mib >= 1024 {
            return "\((mib / 1024 * 10).rounded(.up) / 10) GiB"
        }
        if mib >= 1 { return "\(Int(mib.rounded(.up))) MiB" }
        if kib >= 1 { return "\(Int(kib.rounded(.up))) KiB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    public var description: String { "\(Self.describe(bytes)) (\(source))" }

    private static func physicalMemory() -> Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        return pages > 0 && size > 0 ? pages * size : Int.max
    }

    /// `MemAvailable` in bytes (the file gives kB).
    private static func meminfoAvailable(root: String) -> Int? {
        guard case .success(let bytes) = FileContents.read(at: root + "/proc/meminfo", limit: 1 << 20) else { return nil }
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

    /// The number of the line `key N` of a cgroup `memory.stat` file.
    private static func cgroupStat(_ path: String, key: String) -> Int? {
        guard case .success(let bytes) = FileContents.read(at: path, limit: 1 << 16) else { return nil }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, fields[0] == key { return Int(fields[1]) }
        }
        return nil
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
