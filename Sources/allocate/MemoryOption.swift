import Allocator
import ArgumentParser

/// `--max-memory SIZE`, for the commands that read a scenario or a result
/// (and `allocate SCENARIO`'s own option reads sizes the same way): the
/// memory the command may use instead of what the machine has available.
struct MemoryOption: ParsableArguments {
    @Option(name: .customLong("max-memory"), help: ArgumentHelp(
        "The memory the command may use, e.g. 8G or 512M (powers of 1024); by default what the machine has available (the cgroup limit, MemAvailable). A file estimated to need more to read is refused (exit status 2).",
        valueName: "size"))
    var maxMemory: String?

    func validate() throws {
        if let maxMemory, case .failure(let problem) = MemoryLimit.parseSize(maxMemory) {
            throw ValidationError(problem.description)
        }
    }

    /// `--max-memory`'s size, or else what the machine has available.
    var limit: MemoryLimit {
        MemoryLimit.current(explicit: maxMemory.flatMap(MemoryLimit.parse))
    }
}
