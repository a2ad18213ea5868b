import Common
import Foundation
import Data
import LuaRuntime

/// Evaluates units on several threads, each with its own `MeasureRegistry` — so its own Lua state, created on
/// first use by that thread and reused for every unit it takes. Results come back in the order of the units
/// given, so the evaluation is the same whatever the number of threads.
final class UnitWorkers: @unchecked Sendable {
    private let run: RunContext
    private let budget: LuaBudget
    private let columns: LuaColumns
    private let count: Int
    /// Slot w is only touched by worker w.
    private let registries: UnsafeMutablePointer<MeasureRegistry?>

    init(run: RunContext, budget: LuaBudget, workers: Int) {
        self.run = run
        self.budget = budget
        columns = LuaColumns(run.data)
        count = max(1, workers)
        registries = .allocate(capacity: count)
        registries.initialize(repeating: nil, count: count)
    }

    deinit {
        registries.deinitialize(count: count)
        registries.deallocate()
    }

    /// `body(item, registry)` for every item, on up to `workers` threads; results in item order.
    func map<T>(_ items: [Int], _ body: (Int, MeasureRegistry) -> T) -> [T] {
        Parallel.mapWithWorker(items.count, workers: count) { w, i in
            if registries[w] == nil {
                registries[w] = MeasureRegistry(lua: LuaCheckRunner(run: run, budget: budget, columns: columns))
            }
            return body(items[i], registries[w]!)
        }
    }
}

/// Counts units finished across worker threads, for progress reports.
final class DoneCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
