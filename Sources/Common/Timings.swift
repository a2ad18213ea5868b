import Foundation

/// Wall-clock phase timings on stderr, for finding where a run spends its time, when `PARCHECK_TIMINGS` is set
/// in the environment. Off by default and never part of any report, so output bytes stay the same.
public enum Timings {
    private static let enabled = getenv("PARCHECK_TIMINGS") != nil
    nonisolated(unsafe) private static var last = now()

    /// Starts the clock (the first mark counts from here).
    public static func begin() { _ = last }

    /// Prints the time since the previous mark (or `begin`) with `label`.
    public static func mark(_ label: @autoclosure () -> String) {
        guard enabled else { return }
        let t = now()
        FileHandle.standardError.write(Data(String(format: "%8.1f ms  %@\n", (t - last) * 1000, label()).utf8))
        last = t
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
