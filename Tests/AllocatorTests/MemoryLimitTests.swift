import Foundation
import XCTest
@testable import Allocator

/// `MemoryLimit` (issue 6): the machine's limit read from a made-up
/// `/proc` and `/sys/fs/cgroup` tree, and sizes as given to `--max-memory`.
final class MemoryLimitTests: XCTestCase {
    /// A fresh folder standing for `/`, with `files` (path below it: contents).
    private func root(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cgroup-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir.path
    }

    private let gib = 1 << 30
    private let mib = 1 << 20
    private let meminfo = "MemTotal:       67108864 kB\nMemFree:         1048576 kB\nMemAvailable:   33554432 kB\n"

    /// A Slurm job's limit is in its own cgroup, below the root: the smallest
    /// headroom along the path wins, and the page cache it can drop
    /// (`inactive_file`) is not counted as used.
    func testTheJobsOwnCgroupLimitIsFoundAlongItsPath() throws {
        let job = "sys/fs/cgroup/system.slice/slurmstepd.scope/job_42"
        let root = try root([
            "proc/meminfo": meminfo,
            "proc/self/cgroup": "0::/system.slice/slurmstepd.scope/job_42\n",
            "sys/fs/cgroup/memory.current": "\(40 * gib)\n",
            "sys/fs/cgroup/system.slice/memory.max": "max\n",
            "sys/fs/cgroup/system.slice/slurmstepd.scope/memory.max": "\(60 * gib)\n",
            "sys/fs/cgroup/system.slice/slurmstepd.scope/memory.current": "\(10 * gib)\n",
            "\(job)/memory.max": "\(2 * gib)\n",
            "\(job)/memory.current": "\(3 * gib / 2)\n",
            "\(job)/memory.stat": "anon 402653184\nfile 1073741824\nactive_file 0\ninactive_file \(gib)\nshmem 0\n",
        ])
        XCTAssertEqual(MemoryLimit.cgroupLimits(root: root), [
            MemoryLimit(bytes: 50 * gib, source: "the cgroup limit (/sys/fs/cgroup/system.slice/slurmstepd.scope/memory.max)"),
            MemoryLimit(bytes: 3 * gib / 2, source: "the cgroup limit (/sys/fs/cgroup/system.slice/slurmstepd.scope/job_42/memory.max)"),
        ])
        XCTAssertEqual(MemoryLimit.system(root: root),
                       MemoryLimit(bytes: 3 * gib / 2,
                                   source: "the cgroup limit (/sys/fs/cgroup/system.slice/slurmstepd.scope/job_42/memory.max)"))
    }

    /// A container (its own cgroup namespace: `0::/`) that has just read large
    /// files: most of `memory.current` is page cache it can drop.
    func testAContainersPageCacheIsNotCountedAsUsed() throws {
        let root = try root([
            "proc/meminfo": meminfo,
            "proc/self/cgroup": "0::/\n",
            "sys/fs/cgroup/memory.max": "\(gib)\n",
            "sys/fs/cgroup/memory.current": "\(900 * mib)\n",
            "sys/fs/cgroup/memory.stat": "anon 104857600\ninactive_file \(600 * mib)\n",
        ])
        XCTAssertEqual(MemoryLimit.system(root: root),
                       MemoryLimit(bytes: 724 * mib, source: "the cgroup limit (/sys/fs/cgroup/memory.max)"))
    }

    /// A container without its own namespace sees the host's path for its
    /// cgroup, which is not in its `/sys/fs/cgroup`: the root's limit is read.
    /// A path that leaves the namespace (`/..`) is not followed.
    func testAPathThatIsNotThereFallsBackToTheRoot() throws {
        for line in ["0::/docker/0123456789abcdef\n", "0::/../../user.slice\n", "12:memory:/docker/x\n"] {
            let root = try root([
                "proc/meminfo": meminfo,
                "proc/self/cgroup": line,
                "sys/fs/cgroup/memory.max": "\(4 * gib)\n",
                "sys/fs/cgroup/memory.current": "\(gib)\n",
                "sys/fs/cgroup/user.slice/memory.max": "\(mib)\n",
            ])
            XCTAssertEqual(MemoryLimit.system(root: root),
                           MemoryLimit(bytes: 3 * gib, source: "the cgroup limit (/sys/fs/cgroup/memory.max)"), line)
        }
    }

    /// No cgroup limit anywhere (`max`, or no files): what `MemAvailable` says.
    func testWithoutACgroupLimitMemAvailableIsTheLimit() throws {
        let root = try root([
            "proc/meminfo": meminfo,
            "proc/self/cgroup": "0::/user.slice\n",
            "sys/fs/cgroup/user.slice/memory.max": "max\n",
        ])
        XCTAssertEqual(MemoryLimit.cgroupLimits(root: root), [])
        XCTAssertEqual(MemoryLimit.system(root: root),
                       MemoryLimit(bytes: 32 * gib, source: "the memory available (MemAvailable in /proc/meminfo)"))
    }

    /// More in use than the limit (the kernel is reclaiming): no headroom, not a negative one.
    func testUseAboveTheLimitLeavesNothing() throws {
        let root = try root([
            "proc/meminfo": meminfo,
            "proc/self/cgroup": "0::/\n",
            "sys/fs/cgroup/memory.max": "\(gib)\n",
            "sys/fs/cgroup/memory.current": "\(2 * gib)\n",
        ])
        XCTAssertEqual(MemoryLimit.system(root: root).bytes, 0)
    }

    func testSizesParseAsPowersOf1024() {
        XCTAssertEqual(MemoryLimit.parse("8G"), 8 << 30)
        XCTAssertEqual(MemoryLimit.parse("8GB"), 8 << 30)
        XCTAssertEqual(MemoryLimit.parse("8gib"), 8 << 30)
        XCTAssertEqual(MemoryLimit.parse(" 512M "), 512 << 20)
        XCTAssertEqual(MemoryLimit.parse("1.5G"), 3 << 29)
        XCTAssertEqual(MemoryLimit.parse("1T"), 1 << 40)
        XCTAssertEqual(MemoryLimit.parse("64k"), 64 << 10)
        XCTAssertEqual(MemoryLimit.parse("2KiB"), 2048)
        XCTAssertEqual(MemoryLimit.parse("1000000"), 1_000_000)
        XCTAssertEqual(MemoryLimit.parse("1000B"), 1000)
        XCTAssertEqual(MemoryLimit.parse("8388607T"), 8_388_607 << 40)
    }

    /// Each wrong size gets its own message: not a size, no memory, too much.
    func testWrongSizesAreToldApart() {
        for bad in ["", "G", "eight", "-1G", "1X", "1e3", "1.2.3M", "8iB", "8 G", "iB", ".", "8ib"] {
            XCTAssertEqual(MemoryLimit.parseSize(bad), .failure(.notASize(bad)), bad)
        }
        for zero in ["0", "0G", "0.5", "0.0001K"] {
            XCTAssertEqual(MemoryLimit.parseSize(zero), .failure(.zero(zero)), zero)
        }
        for huge in ["99999999999T", "8388608T", "9999999999999999999"] {
            XCTAssertEqual(MemoryLimit.parseSize(huge), .failure(.tooLarge(huge)), huge)
        }
        XCTAssertEqual(MemoryLimit.sizeProblem("0"),
                       "--max-memory 0 is no memory at all: give a size above 0, such as 8G or 512M")
        XCTAssertEqual(MemoryLimit.sizeProblem("99999999999T"),
                       "--max-memory 99999999999T is more than any machine can have: the largest size is 8388607T (8 EiB less 1 TiB)")
        XCTAssertEqual(MemoryLimit.sizeProblem("8iB"),
                       "--max-memory must be a size such as 8G, 512M, 64K or 1073741824 (bytes), found \"8iB\"")
        XCTAssertNil(MemoryLimit.sizeProblem("8G"))
    }

    /// Small sizes are said as they are, not as "1 MiB"; a need is rounded up.
    func testSizesAreDescribedTruthfully() {
        XCTAssertEqual(MemoryLimit.describe(1), "1 byte")
        XCTAssertEqual(MemoryLimit.describe(1000), "1000 bytes")
        XCTAssertEqual(MemoryLimit.describe(1024), "1 KiB")
        XCTAssertEqual(MemoryLimit.describe(1500), "2 KiB")
        XCTAssertEqual(MemoryLimit.describe(1 << 20), "1 MiB")
        XCTAssertEqual(MemoryLimit.describe(100 << 20), "100 MiB")
        XCTAssertEqual(MemoryLimit.describe(8 << 30), "8.0 GiB")
        XCTAssertEqual(MemoryLimit.describe((8 << 30) + 1), "8.1 GiB")
    }
}
