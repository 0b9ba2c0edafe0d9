import Foundation
import XCTest
@testable import Allocator

/// `AtomicFile` (issue 6): the final name appears only by rename, a temporary
/// file left by a killed run (on a shared volume, where the next pod has the
/// same pid) never blocks the next write, and missing folders are made.
final class AtomicFileTests: XCTestCase {
    private func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    private func names(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    /// A run killed mid-write left `.out.json.tmp-PID` (the name before issue 6's
    /// review); in a container the next run has the same pid. It writes anyway.
    func testAStaleTemporaryFileOfTheSamePidDoesNotBlockTheWrite() throws {
        let dir = try directory()
        let path = dir.appendingPathComponent("out.json").path
        let stale = dir.appendingPathComponent(".out.json.tmp-\(getpid())").path
        XCTAssertTrue(FileManager.default.createFile(atPath: stale, contents: Data("half".utf8)))
        try AtomicFile.write("whole\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "whole\n")
        XCTAssertEqual(try names(in: dir), [".out.json.tmp-\(getpid())", "out.json"])
    }

    /// A name already taken is passed over for the next one drawn.
    func testATakenTemporaryNameIsPassedOver() throws {
        let dir = try directory()
        let path = dir.appendingPathComponent("out.json").path
        let taken = AtomicFile.temporaryPath(for: path, suffix: 1)
        XCTAssertTrue(FileManager.default.createFile(atPath: taken, contents: Data("half".utf8)))
        var draws: [UInt64] = [1, 2]
        try AtomicFile.write("whole\n", to: path) { draws.removeFirst() }
        XCTAssertEqual(draws, [])
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "whole\n")
        XCTAssertEqual(try String(contentsOfFile: taken, encoding: .utf8), "half", "a stale file is not touched")
        XCTAssertEqual(try names(in: dir), [URL(fileURLWithPath: taken).lastPathComponent, "out.json"])
    }

    /// When every name drawn is taken the write fails, saying so, and writes nothing.
    func testEveryNameTakenFailsWithoutWriting() throws {
        let dir = try directory()
        let path = dir.appendingPathComponent("out.json").path
        let taken = AtomicFile.temporaryPath(for: path, suffix: 7)
        XCTAssertTrue(FileManager.default.createFile(atPath: taken, contents: nil))
        XCTAssertThrowsError(try AtomicFile.write("x", to: path) { 7 }) { error in
            XCTAssertEqual("\(error)", "cannot write \(path): every temporary name tried beside it was taken")
        }
        XCTAssertEqual(try names(in: dir), [URL(fileURLWithPath: taken).lastPathComponent])
    }

    /// The temporary name: hidden, beside the target, the pid and 16 hex digits.
    func testTheTemporaryNameIsBesideTheTargetWithARandomPart() {
        XCTAssertEqual(AtomicFile.temporaryPath(for: "runs/out.json", suffix: 0xab),
                       "runs/.out.json.tmp-\(getpid())-00000000000000ab")
        XCTAssertEqual(AtomicFile.temporaryPath(for: "out.json", suffix: .max), ".out.json.tmp-\(getpid())-ffffffffffffffff")
        XCTAssertNotEqual(AtomicFile.temporaryPath(for: "out.json"), AtomicFile.temporaryPath(for: "out.json"))
    }

    /// A failed rename (the target is a folder) removes the temporary file.
    func testAFailedWriteLeavesNoTemporaryFile() throws {
        let dir = try directory()
        let target = dir.appendingPathComponent("out.json")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        XCTAssertThrowsError(try AtomicFile.write("x", to: target.path))
        XCTAssertEqual(try names(in: dir), ["out.json"])
        XCTAssertEqual(try names(in: target), [])
    }

    /// Missing folders above the file are made (`mkdir -p`); a file in the way is named.
    func testMissingFoldersAreMade() throws {
        let dir = try directory()
        let path = dir.appendingPathComponent("runs/2570/result.json").path
        try AtomicFile.write("one\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "one\n")
        XCTAssertEqual(try names(in: dir.appendingPathComponent("runs/2570")), ["result.json"])
        let file = dir.appendingPathComponent("plain").path
        try AtomicFile.write("file\n", to: file)
        XCTAssertThrowsError(try AtomicFile.write("x", to: file + "/sub/out.json")) { error in
            XCTAssertEqual("\(error)", "cannot write \(file)/sub/out.json: \(file) exists and is not a directory")
        }
        XCTAssertThrowsError(try OutputDirectory.prepare(file)) { error in
            XCTAssertEqual("\(error)", "cannot write \(file): it exists and is not a directory")
        }
        try OutputDirectory.prepare(dir.appendingPathComponent("a/b/c/").path)
        XCTAssertEqual(try names(in: dir.appendingPathComponent("a/b")), ["c"])
    }

    func testTheParentOfAPath() {
        XCTAssertEqual(OutputDirectory.parent(of: "a/b/c.json"), "a/b")
        XCTAssertEqual(OutputDirectory.parent(of: "a//b/"), "a")
        XCTAssertEqual(OutputDirectory.parent(of: "/c.json"), "/")
        XCTAssertNil(OutputDirectory.parent(of: "c.json"))
        XCTAssertNil(OutputDirectory.parent(of: "/"))
    }
}
