/// How much memory reading and solving a scenario will take, estimated from
/// its size before the large allocations, so that a scenario too large for
/// the machine is refused with what it needs (`MemoryLimit`) instead of being
/// killed half-way by the system.
///
/// The coefficients are calibrated on generated scenarios (`allocate generate
/// --seed 2570`, one province per 200,000 projects; 100,000 to 1,000,000
/// projects), from the peak resident memory of a 60 s solve measured with
/// `/usr/bin/time -v`, with a margin; docs/decisions.md#memory has the
/// figures and `Tests/AllocatorTests/MemoryEstimateTests.swift` checks every
/// measured peak is below its estimate.
public enum MemoryEstimate {
    /// Memory of the process before any scenario: the runtime, GLPK, buffers.
    public static let baseBytes = 64 << 20
    /// Bytes of memory per byte of a scenario file, while it is read, decoded
    /// and validated: the file, its parsed values with their lines, and the
    /// scenario (measured: 5.7 at 1,000,000 projects; 7 with the margin).
    public static let readingBytesPerFileByte = 7
    /// Bytes per choice (column) of the model during the solve: the model,
    /// GLPK's copies of it (the whole model and each funder's and area's
    /// sub-model), the search's arrays, and the scenario held beside them.
    public static let solvingBytesPerChoice = 1_450
    /// Bytes per entry (non-zero) of the model's matrix during the solve.
    public static let solvingBytesPerEntry = 60

    /// The peak while reading a scenario file of `fileBytes` bytes. A file of
    /// many tiny values needs more (up to 32 bytes per byte): the parser stops
    /// such a file when its values reach the limit (`JSONParser.parse(_:memoryLimit:)`).
    public static func reading(fileBytes: Int) -> Int {
        baseBytes + readingBytesPerFileByte * fileBytes
    }

    /// The largest file whose reading fits in `bytes`.
    public static func largestReadableFile(within bytes: Int) -> Int {
        max(0, (bytes - baseBytes) / readingBytesPerFileByte)
    }

    /// The peak of a whole solve (`allocate SCENARIO`, the reading's memory
    /// given back by then) of a model of `choices` columns and `entries`
    /// matrix entries.
    public static func solving(choices: Int, entries: Int) -> Int {
        baseBytes + solvingBytesPerChoice * choices + solvingBytesPerEntry * entries
    }

    /// The peak of a whole solve of `model`.
    public static func solving(_ model: AllocationModel) -> Int {
        solving(choices: model.linear.columnCount, entries: model.linear.entryCount)
    }
}
