import Dispatch
import Foundation

/// Runs independent pieces of work on a few threads. Results are always stored by piece index and combined in
/// index order by the caller, so the outcome never depends on which thread ran what, or on the thread count.
public enum Parallel {
    /// The default number of worker threads: the machine's active processors.
    public static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `body(i)` for every `i` in `0..<count`, on up to `workers` threads (pieces handed out in order as
    /// threads free up, so uneven pieces balance). With one worker or one piece it runs inline.
    public static func forEach(_ count: Int, workers: Int, _ body: (Int) -> Void) {
        let threads = min(max(1, workers), count)
        if threads <= 1 {
            for i in 0..<count { body(i) }
            return
        }
        let next = PieceCounter()
        withoutActuallyEscaping(body) { body in
            let work = Unchecked(body)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while let i = next.take(below: count) { work.value(i) }
            }
        }
    }

    /// `forEach` that collects each piece's result by index.
    public static func map<T>(_ count: Int, workers: Int, _ body: (Int) -> T) -> [T] {
        let out = ResultSlots<T>(count)
        forEach(count, workers: workers) { out.set($0, body($0)) }
        return out.values()
    }

    /// `forEachWithWorker` that collects each piece's result by index.
    public static func mapWithWorker<T>(_ count: Int, workers: Int, _ body: (Int, Int) -> T) -> [T] {
        let out = ResultSlots<T>(count)
        forEachWithWorker(count, workers: workers) { out.set($1, body($0, $1)) }
        return out.values()
    }

    /// Calls `body(worker, piece)` so each thread can keep per-worker state (e.g. one Lua state) in slot `worker`.
    public static func forEachWithWorker(_ count: Int, workers: Int, _ body: (Int, Int) -> Void) {
        let threads = min(max(1, workers), count)
        if threads <= 1 {
            for i in 0..<count { body(0, i) }
            return
        }
        let next = PieceCounter()
        withoutActuallyEscaping(body) { body in
            let work = Unchecked(body)
            DispatchQueue.concurrentPerform(iterations: threads) { w in
                while let i = next.take(below: count) { work.value(w, i) }
            }
        }
    }
}

/// Work started on a thread of its own, to overlap with what the caller does meanwhile; `wait` gives its result.
final class Background<T>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` now. The caller must not touch what `work` mutates until `wait` returns.
    init(_ work: @escaping () -> T) {
        let body = Unchecked(work)
        let thread = Thread {
            self.result = body.value()
            self.done.signal()
        }
        thread.stackSize = 8 << 20  // the main thread's: parsers recurse as deep as their nesting caps allow
        thread.start()
    }

    func wait() -> T {
        done.wait()
        return result!
    }
}

/// A closure handed to worker threads. The callers of `Parallel` give bodies that only read shared state and
/// write their own result slot; Swift cannot see that, hence unchecked.
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

/// The next unclaimed piece index, shared by the threads of one `forEach`.
private final class PieceCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// Per-piece result slots; each slot is written by exactly one thread, and read after all have finished.
/// Raw memory, not an array property: concurrent in-place writes to a class's array would trip Swift's
/// exclusivity checks.
final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(_ count: Int) {
        self.count = count
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ i: Int, _ value: T) { slots[i] = value }

    /// Moves the results out (each slot must have been set).
    func values() -> [T] { (0..<count).map { i in slots[i].take()! } }
}
