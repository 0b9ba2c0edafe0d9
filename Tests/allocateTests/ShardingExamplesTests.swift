import Foundation
import XCTest

/// The batch-engine examples of docs/sharding.md, run here as the engines would
/// run them (no Slurm or Kubernetes on this machine): the Slurm array script
/// with `SLURM_ARRAY_TASK_ID` 1 to 4, the Indexed Job's shell command with
/// `JOB_COMPLETION_INDEX` 0 to 3, the four shards at once, then each merge
/// step; the merge succeeds and has every variation. Each example file is also
/// in docs/sharding.md word for word.
final class ShardingExamplesTests: XCTestCase {
    static let examples = CommandRunner.root.appendingPathComponent("docs/sharding")

    /// A working folder like the repository's (the examples' paths are relative to it), with
    /// `scenarios/`, and the folder for the processes' logs (outside `runs/`, which the
    /// Kubernetes example must make itself; the Slurm example's submit step makes `runs/logs`).
    private func workingFolder(runsLogs: Bool) throws -> URL {
        let dir = try CommandRunner.temporaryDirectory()
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("scenarios"), withDestinationURL: CommandRunner.root.appendingPathComponent("scenarios"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("logs"), withIntermediateDirectories: true)
        if runsLogs { try FileManager.default.createDirectory(at: dir.appendingPathComponent("runs/logs"), withIntermediateDirectories: true) }
        return dir
    }

    /// Starts `/bin/sh` or `/bin/bash` on `arguments` in `dir` with `allocate` first on the PATH and `environment` added.
    private func start(_ shell: String, _ arguments: [String], in dir: URL, environment: [String: String], log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = arguments
        process.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = CommandRunner.executable.deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let logURL = dir.appendingPathComponent("logs/" + log)
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logURL)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    private func log(_ dir: URL, _ name: String) -> String {
        (try? String(contentsOf: dir.appendingPathComponent("logs/" + name), encoding: .utf8)) ?? ""
    }

    /// The merged batch in `dir`: every variation of the file, the report written.
    private func checkMerged(_ dir: URL, _ label: String) throws {
        let comparison = try CommandRunner.json(at: dir.appendingPathComponent("runs/merged/comparison.json"))
        XCTAssertNil(comparison["shard"], label)
        XCTAssertEqual((comparison["runs"] as? [[String: Any]])?.map { $0["index"] as? Int }, Array(0 ... 7), label)
        XCTAssertEqual((comparison["timings"] as? [String: Any])?["shards"] as? Int, 4, label)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("runs/merged/report.html").path), label)
    }

    /// The shell script of a Job manifest: the `- |` block under `args:`, its indentation removed.
    static func command(ofManifest text: String) throws -> String {
        let lines = text.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "- |" })
        let indent = lines[start + 1].prefix { $0 == " " }.count
        var block: [String] = []
        for line in lines[(start + 1)...] {
            guard line.prefix(while: { $0 == " " }).count >= indent, !line.trimmingCharacters(in: .whitespaces).isEmpty else { break }
            block.append(String(line.dropFirst(indent)))
        }
        return block.joined(separator: "\n") + "\n"
    }

    func testTheExamplesAreInTheDocumentWordForWord() throws {
        let document = try String(contentsOf: CommandRunner.root.appendingPathComponent("docs/sharding.md"), encoding: .utf8)
        for file in ["whatif-shards.sbatch", "whatif-merge.sbatch", "whatif-shards.yaml", "whatif-merge.yaml"] {
            let text = try String(contentsOf: Self.examples.appendingPathComponent(file), encoding: .utf8)
            XCTAssertTrue(document.contains(text), "docs/sharding.md has \(file) word for word")
        }
    }

    func testTheSlurmArrayAndItsMerge() throws {
        let dir = try workingFolder(runsLogs: true)
        let script = Self.examples.appendingPathComponent("whatif-shards.sbatch").path
        let tasks = try (1 ... 4).map { task in
            try start("/bin/bash", [script], in: dir, environment: ["SLURM_ARRAY_TASK_ID": "\(task)", "SLURM_CPUS_PER_TASK": "2"], log: "shard-\(task).out")
        }
        for (k, task) in tasks.enumerated() {
            task.waitUntilExit()
            XCTAssertEqual(task.terminationStatus, 0, log(dir, "shard-\(k + 1).out"))
            XCTAssertTrue(log(dir, "shard-\(k + 1).out").contains(": what if, shard \(k + 1) of 4: "))
        }
        let merge = try start("/bin/bash", [Self.examples.appendingPathComponent("whatif-merge.sbatch").path], in: dir, environment: [:], log: "merge.out")
        merge.waitUntilExit()
        XCTAssertEqual(merge.terminationStatus, 0, log(dir, "merge.out"))
        try checkMerged(dir, "slurm")
    }

    func testTheIndexedJobAndItsMerge() throws {
        let dir = try workingFolder(runsLogs: false)
        let shards = try Self.command(ofManifest: String(contentsOf: Self.examples.appendingPathComponent("whatif-shards.yaml"), encoding: .utf8))
        XCTAssertTrue(shards.contains("--shard \"$((JOB_COMPLETION_INDEX + 1))/4\""), shards)
        let pods = try (0 ..< 4).map { index in
            try start("/bin/sh", ["-c", shards], in: dir, environment: ["JOB_COMPLETION_INDEX": "\(index)"], log: "pod-\(index).out")
        }
        for (k, pod) in pods.enumerated() {
            pod.waitUntilExit()
            XCTAssertEqual(pod.terminationStatus, 0, log(dir, "pod-\(k).out"))
        }
        let merge = try Self.command(ofManifest: String(contentsOf: Self.examples.appendingPathComponent("whatif-merge.yaml"), encoding: .utf8))
        let process = try start("/bin/sh", ["-c", merge], in: dir, environment: [:], log: "merge.out")
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, log(dir, "merge.out"))
        try checkMerged(dir, "kubernetes")
    }
}
