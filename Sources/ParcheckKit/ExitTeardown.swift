/// Keeps a run's large values alive until the process exits instead of freeing them object by object.
///
/// Why: a province's data set and result are millions of column values and tens of thousands of findings;
/// freeing them when the command returns took 7–20 ms of a sub-second run (phase timings, 2M dossiers), and
/// the operating system takes the whole address space back at exit anyway (clang's -disable-free, git's
/// UNLEAK). Only the command-line tool asks for it; library callers and tests free as usual.
public enum ExitTeardown {
    /// Whether values handed to `keep` outlive the run (set once by the CLI before running a command).
    nonisolated(unsafe) public static var skipsFreeing = false

    private final class Kept<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// Keeps `value` until exit when `skipsFreeing` is on; otherwise does nothing.
    static func keep<T>(_ value: T) {
        guard skipsFreeing else { return }
        _ = Unmanaged.passRetained(Kept(value))
    }
}
