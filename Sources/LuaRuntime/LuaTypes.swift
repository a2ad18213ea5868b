import LuaShim

/// Limits of one compile or run. Exceeding one is an error of kind `.timeout` or `.memory`, never a crash.
public struct LuaBudget: Sendable, Equatable {
    /// Lua VM instructions per run (counted every 1000), plus the work library functions do in C on the script's
    /// behalf: one per pattern-matching step, per element a table function shifts or joins, n·log2(n)/4 per sort.
    /// 0 or less disables the count.
    public var instructions: Int
    /// Heap bytes of the whole Lua state (libraries and compiled chunks included), enforced while a script runs;
    /// 0 or less disables the cap.
    public var memoryBytes: Int
    /// Wall-clock safety net per run, checked with the instruction count: catches loops whose time goes into
    /// C calls the count undercounts (e.g. `s = s .. 'x'` on a growing string); also read inside the pattern matcher.
    /// 0 disables it.
    /// Far above what the instruction budget allows, so it does not make results depend on machine speed.
    public var seconds: Double

    /// Defaults: 20 million instructions, 64 MiB, 10 s.
    public init(instructions: Int = 20_000_000, memoryBytes: Int = 64 << 20, seconds: Double = 10) {
        self.instructions = instructions
        self.memoryBytes = memoryBytes
        self.seconds = seconds
    }

    var c: LSBudget {
        LSBudget(instructions: Int64(Swift.max(0, instructions)), memory: Swift.max(0, memoryBytes),
                 seconds: Swift.max(0, seconds))
    }
}

/// What one run of a check produced.
public struct LuaRunResult: Sendable {
    /// The function's first return value (`.null` when it returned nothing or when `error` is set).
    public var value: LuaValue
    /// `finding{…}` calls in call order; empty when `error` is set (a failed run produces nothing).
    public var findings: [LuaFindingRecord]
    /// Why the run failed, if it did.
    public var error: LuaError?
    /// Peak heap bytes of the Lua state during the run.
    public var memoryPeak: Int

    /// A result value.
    public init(value: LuaValue, findings: [LuaFindingRecord], error: LuaError?, memoryPeak: Int) {
        self.value = value
        self.findings = findings
        self.error = error
        self.memoryPeak = memoryPeak
    }
}

/// One `finding{…}` call: a copy of the table given and the script line of the call.
public struct LuaFindingRecord: Sendable, Equatable {
    /// The table as given (a dossier handle stored in it became that dossier's `id` string).
    public var fields: LuaValue
    /// The script line of the `finding` call; nil when called from a library function (e.g. through pcall).
    public var line: Int?

    /// A finding value.
    public init(fields: LuaValue, line: Int?) {
        self.fields = fields
        self.line = line
    }
}

/// The dossier rows one run may read through `dossiers()`: a pointer to a C `LSRecordView` whose columns and
/// rows the caller keeps alive (and unchanged) until `run` returns.
public struct LuaRecordView {
    /// The C view.
    public let pointer: UnsafePointer<LSRecordView>

    /// Wraps a view the caller owns.
    public init(_ view: UnsafePointer<LSRecordView>) {
        pointer = view
    }
}
