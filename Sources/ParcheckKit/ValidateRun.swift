import Common
import Data
import Engine
import LuaRuntime
import Plan

/// `parcheck validate`: the plan, its Lua scripts and (optionally) a submission, checked without scoring.
public struct ValidateRun: Sendable {
    public var plan: String
    public var data: String?
    public var maxErrors = 0

    public init(plan: String, data: String? = nil) {
        self.plan = plan
        self.data = data
    }

    public func run() -> Outcome {
        var bag = DiagnosticBag()
        let (loaded, planDiagnostics) = Inputs.plan(plan)
        bag.add(contentsOf: planDiagnostics)
        if let loaded {
            bag.add(contentsOf: Self.scriptDiagnostics(loaded))
            if let data { bag.add(contentsOf: Self.submissionDiagnostics(loaded, data)) }
        }
        let errors = bag.all.filter { $0.severity == .error }.count
        let summary = errors == 0 ? "ok: \(plan)\n" : ""
        return Outcome(stdout: summary, stderr: Inputs.render(bag.all, max: maxErrors),
                       exitCode: errors == 0 ? ExitCode.ok : ExitCode.invalid)
    }

    /// Every script is compiled (text mode, sandboxed) so syntax errors surface before any data is read.
    static func scriptDiagnostics(_ plan: Plan) -> [Diagnostic] {
        let sandbox = LuaSandbox()
        return plan.scripts.keys.sorted().compactMap { key in
            guard let script = plan.scripts[key] else { return nil }
            guard case .failure(let e) = sandbox.compile(source: script.text, chunkName: script.path) else { return nil }
            let code = e.kind == .syntax ? "lua-syntax" : "lua-\(e.kind.rawValue)"
            return Diagnostic(SourceLocation(file: e.file, line: e.line ?? 1, column: 1), code: code, e.message)
        }
    }

    /// A submission is checked against what the plan declares: records the contract rejects, missing or malformed indicators.
    static func submissionDiagnostics(_ plan: Plan, _ directory: String) -> [Diagnostic] {
        switch Inputs.data(directory) {
        case .failure(let f): return f.diagnostics
        case .success(let data):
            let rejected = data.rejected.map {
                Diagnostic($0.location, code: "rejected-record",
                           "\($0.fields.isEmpty ? "" : $0.fields.joined(separator: ", ") + ": ")\($0.reason)")
            }
            let submission = Submission.findings(data, plan: plan).map { f in
                Diagnostic(f.location ?? SourceLocation(file: directory, line: 0), f.severity,
                           code: "indicator", f.message.en)
            }
            return rejected + data.warnings + submission
        }
    }
}
