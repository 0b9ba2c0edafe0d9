#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Allocator

/// One line on stderr, rewritten in place while the solver runs: elapsed time,
/// best value, bound and gap. Only when stderr is a terminal (and GLPK's own
/// log is not shown), so pipes and files never see it.
enum ProgressLine {
    static var isWanted: Bool { isatty(2) == 1 }

    static func show(_ p: SolveProgress) {
        var line = "  solving \(NumberFormat.fixed(p.elapsed, decimals: 0)) s"
        line += "   best " + (p.objective.map { NumberFormat.fixed($0, decimals: 3) } ?? "none yet")
        if let bound = p.bound { line += "   bound " + NumberFormat.fixed(bound, decimals: 3) }
        if let gap = p.gap { line += "   gap " + NumberFormat.percent(gap, decimals: 2) }
        FileDescriptorWriter.write("\r\u{1B}[K" + line, to: 2)
    }

    /// Any one-line message, such as the re-solve `allocate explain` is making.
    static func show(_ line: String) {
        FileDescriptorWriter.write("\r\u{1B}[K" + line, to: 2)
    }

    static func clear() {
        FileDescriptorWriter.write("\r\u{1B}[K", to: 2)
    }
}
