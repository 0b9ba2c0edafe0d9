#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Allocator
import Dispatch
import Synchronization

/// Ctrl-C (SIGINT) while `allocate` solves: the first asks the solve to stop
/// and return the best decision so far, which is then written as usual,
/// marked `interrupted`; a second one before the solve has stopped ends the
/// process at once, before anything is written. Once the solve has returned,
/// further Ctrl-C are ignored while the (atomic, short) writes finish, so an
/// output file is never left half-written.
final class InterruptSignal {
    /// What the signal handler and the command share.
    private final class State: Sendable {
        let interruption = SolveInterruption()
        /// 0 solving, 1 stop requested, 2 writing.
        let phase = Atomic<Int>(0)
    }

    private let state = State()
    private let source: DispatchSourceSignal
    var interruption: SolveInterruption { state.interruption }

    /// The exit status after an interrupted solve (128 + SIGINT, as shells report it).
    static let exitStatus: Int32 = 130

    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [state] in
            switch state.phase.load(ordering: .relaxed) {
            case 0:
                state.phase.store(1, ordering: .relaxed)
                state.interruption.request()
                FileDescriptorWriter.write(
                    "allocate: interrupted; stopping with the best decision so far (Ctrl-C again quits without writing)\n",
                    to: 2)
            case 1:
                _exit(InterruptSignal.exitStatus)
            default:
                break
            }
        }
        source.resume()
    }

    /// The solve has returned: from now on Ctrl-C waits for the writes.
    func solveEnded() {
        state.phase.store(2, ordering: .relaxed)
    }
}
