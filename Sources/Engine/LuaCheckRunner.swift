import Common
import Data
import LuaRuntime
import LuaShim
import Plan

/// Runs a target's Lua check for one unit. One runner (so one Lua state) per worker thread, created once and
/// reused for every unit that worker evaluates; each script is compiled once per state. The dossier columns are
/// shared by all workers, read in place.
final class LuaCheckRunner: MeasureRunner {
    private let sandbox: LuaSandbox
    private let budget: LuaBudget
    private var chunks: [String: Result<LuaChunk, LuaError>] = [:]
    private let columns: LuaColumns
    private let run: RunContext

    init(run: RunContext, budget: LuaBudget, columns: LuaColumns) {
        self.run = run
        self.budget = budget
        self.columns = columns
        sandbox = LuaSandbox(budget: budget)
    }

    func measure(_ target: TargetSpec, _ unit: UnitContext, _ run: RunContext) -> Measurement {
        guard case .check(let path) = target.measure else { return Measurement(value: nil) }
        let script = run.plan.scripts[path]
        let compiled = chunk(path, script)
        let chunk: LuaChunk
        switch compiled {
        case .failure(let error): return Measurement(value: nil, error: checkError(error, target, unit))
        case .success(let c): chunk = c
        }
        let result = run.data.dossiers.withRows(ofUnit: unit.index) { rowBuffer in
            var view = LSRecordView(ncols: Int32(columns.columns.count), cols: UnsafePointer(columns.columns.baseAddress),
                                    nrows: Int64(rowBuffer.count), rows: rowBuffer.baseAddress)
            return withUnsafePointer(to: &view) { sandbox.run(chunk, context: LuaContext.build(target, unit, run),
                                                              records: LuaRecordView($0), budget: budget) }
        }
        if let error = result.error { return Measurement(value: nil, error: checkError(error, target, unit)) }
        let findings = result.findings.map { finding($0, target, unit, scriptPath: script?.path ?? path) }
        return LuaContext.measurement(result.value, findings: findings)
    }

    private func chunk(_ path: String, _ script: ScriptSource?) -> Result<LuaChunk, LuaError> {
        if let done = chunks[path] { return done }
        let compiled: Result<LuaChunk, LuaError>
        if let script {
            compiled = sandbox.compile(source: script.text, chunkName: script.path)
        } else {
            compiled = .failure(LuaError(kind: .badScript, message: "script not found", file: path, line: nil))
        }
        chunks[path] = compiled
        return compiled
    }

    private func checkError(_ error: LuaError, _ target: TargetSpec, _ unit: UnitContext) -> Finding {
        Finding(kind: .checkError, severity: .error, targetId: target.id, unitId: unit.unit.id,
                location: SourceLocation(file: error.file, line: error.line ?? 0),
                message: LocalizedText(vi: "kiểm tra Lua không chạy được (\(error.kind.rawValue)): \(error.message)",
                                       en: "Lua check failed (\(error.kind.rawValue)): \(error.message)"),
                citation: target.citation)
    }

    /// A `finding{…}` raised by the script, located at the dossier it names, else at the script line.
    private func finding(_ raw: LuaFindingRecord, _ target: TargetSpec, _ unit: UnitContext, scriptPath: String) -> Finding {
        let fields = raw.fields
        let message = fields["message"]?.stringValue ?? "finding"
        let dossier = fields["dossier"]?.stringValue
        let location = dossier.flatMap { run.data.dossiers.row(ofId: $0) }.map { run.data.dossiers.location($0) }
            ?? SourceLocation(file: scriptPath, line: raw.line ?? 0)
        let severity = fields["severity"]?.stringValue.flatMap(DiagnosticSeverity.init(rawValue:)) ?? target.severity
        return Finding(kind: .check, severity: severity, targetId: target.id, unitId: unit.unit.id, dossierId: dossier,
                       subject: fields["subject"]?.stringValue, location: location,
                       message: LocalizedText(vi: message, en: fields["message_en"]?.stringValue ?? message),
                       value: fields["value"].flatMap(LuaContext.scalarText),
                       expected: fields["expected"].flatMap(LuaContext.scalarText), citation: target.citation)
    }
}
