import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs independent pieces of work on a fixed number of threads at once and
/// returns their results in index order, whichever finished first.
///
/// Each call of the work runs entirely on one thread (GLPK keeps its
/// environment per thread, so a solve must not move between threads); the
/// threads take the next index from a shared counter, so a long piece does not
/// hold up the others.
enum ParallelMap {
    /// The machine's online processors (at least 1).
    static var processorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// `work(k)` for every `k` in `0 ..< count`, at most `threads` at a time.
    ///
    /// - Complexity: `count` calls of `work`, spread over `min(threads, count)` threads
    ///   (Dispatch's pool: never more than the machine's processors).
    static func run<T: Sendable>(count: Int, threads: Int, _ work: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let next = Counter()
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = SharedBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
                while true {
                    let k = next.take()
                    guard k < count else { return }
                    slots.buffer[k] = work(k)
                }
            }
        }
        return results.map { $0! }
    }

    /// `work(k)` for every `k` in `0 ..< count`, at most `threads` at a time,
    /// for work that writes its results in place.
    static func forEach(count: Int, threads: Int, _ work: @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        if threads <= 1 || count == 1 {
            for k in 0 ..< count { work(k) }
            return
        }
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
            while true {
                let k = next.take()
                guard k < count else { return }
                work(k)
            }
        }
    }

    /// Hands out 0, 1, 2, ... to whichever thread asks.
    final class Counter: Sendable {
        private let value: Atomic<Int>

        init(startingAt first: Int = 0) {
            value = Atomic(first)
        }

        func take() -> Int {
            value.wrappingAdd(1, ordering: .relaxed).oldValue
        }
    }
}
