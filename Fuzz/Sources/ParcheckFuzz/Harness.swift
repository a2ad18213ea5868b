import Glibc

/// One fuzz target: a name for PARCHECK_FUZZ_TARGET, a one-time set-up and the per-input body. A body calls
/// `Harness.fail` (which aborts, so libFuzzer saves the input) when an invariant breaks; a crash, a sanitizer
/// report or a hang is caught by libFuzzer itself.
struct Harness {
    let name: String
    let setUp: () -> Void
    let run: (UnsafeRawBufferPointer) -> Void

    /// The harness of this process (set once in main, before fuzzing starts).
    nonisolated(unsafe) static var current: Harness?

    /// Every harness, in the order scripts/fuzz.sh lists them.
    static let all: [Harness] = DataHarness.all + [PlanHarness.harness, LuaHarness.sandbox, LuaHarness.patterns]

    static func named(_ name: String) -> Harness? { all.first { $0.name == name } }

    /// Reports a broken invariant and aborts.
    static func fail(_ message: String) -> Never {
        fputs("parcheck-fuzz: invariant broken: \(message)\n", stderr)
        abort()
    }
}

/// A scratch directory of this process (in /dev/shm when there is one: files are rewritten for every input).
enum Scratch {
    static let dir: String = {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        let dir = "\(base)/parcheck-fuzz-\(getpid())"
        mkdir(dir, 0o700)
        return dir
    }()

    /// Writes `bytes` to `name` in the scratch directory; returns the path.
    @discardableResult
    static func write(_ name: String, _ bytes: UnsafeRawBufferPointer) -> String {
        let path = "\(dir)/\(name)"
        guard let f = fopen(path, "wb") else { Harness.fail("cannot write \(path)") }
        if bytes.count > 0, fwrite(bytes.baseAddress, 1, bytes.count, f) != bytes.count { Harness.fail("short write \(path)") }
        fclose(f)
        return path
    }

    @discardableResult
    static func write(_ name: String, _ text: String) -> String {
        var text = text
        return text.withUTF8 { write(name, UnsafeRawBufferPointer($0)) }
    }
}
