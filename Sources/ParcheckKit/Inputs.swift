import Common
import Data
import Foundation
import Plan

/// Finds the plan and data a command works on, and the period it covers.
public enum Inputs {
    /// The bundled example, used when `check` is run with no plan and no data in the repository root.
    public static let defaultPlan = "Rules/lam-dong/2025"
    public static let defaultData = "Examples/lam-dong-2025"

    /// Loads a plan; diagnostics are sorted and include every problem found.
    static func plan(_ path: String) -> (Plan?, [Diagnostic]) {
        PlanLoader.load(path: path)
    }

    /// Loads a data directory; a directory that cannot be read is a diagnostic, not a crash.
    static func data(_ directory: String, workers: Int = Parallel.defaultWorkers) -> Result<DataSet, LoadFailure> {
        DataLoader.load(directory: directory, options: LoadOptions(workers: workers))
    }

    /// `--period` wins; a name declared under the plan's `periods` is looked up first; else the plan's own period.
    static func period(_ text: String?, asOf: String?, plan: Plan?) -> Result<Period, Diagnostic> {
        let here = SourceLocation(file: "<command line>", line: 1)
        do {
            if let text, let named = plan?.periods.first(where: { $0.name == text }) {
                return .success(try build(named.period, asOf: asOf, label: named.name))
            }
            if let text { return .success(try Period.parse(text, asOf: asOf)) }
            if let spec = plan?.period { return .success(try build(spec, asOf: asOf, label: spec.text)) }
        } catch let error as PeriodError {
            return .failure(error.diagnostic(at: here))
        } catch {
            return .failure(Diagnostic(here, code: "bad-period", "\(error)"))
        }
        return .failure(Diagnostic(here, code: "missing-period", "no --period given and the plan declares none"))
    }

    /// A plan period, with the command line's as-of date if given, else the plan's cut-off day.
    private static func build(_ spec: PeriodSpec, asOf: String?, label: String) throws -> Period {
        var period = try Period.parse("\(isoDate(spec.start))..\(isoDate(spec.end))", asOf: asOf)
        if asOf == nil, let cutoff = spec.asOf { period.asOf = DateValue(day: cutoff) }
        period.label = label
        return period
    }

    /// Why a command could not run: its diagnostics, reported with exit code 2.
    struct Invalid: Error {
        let diagnostics: [Diagnostic]
        var outcome: Outcome { Outcome(stderr: Inputs.render(diagnostics), exitCode: ExitCode.invalid) }
    }

    /// The data set and the period every evaluating command starts from.
    static func dataAndPeriod(_ directory: String, period text: String?, asOf: String?, plan: Plan?,
                              workers: Int = Parallel.defaultWorkers) -> Result<(DataSet, Period), Invalid> {
        switch (data(directory, workers: workers), period(text, asOf: asOf, plan: plan)) {
        case (.success(let d), .success(let p)): .success((d, p))
        case (.failure(let f), .failure(let e)): .failure(Invalid(diagnostics: f.diagnostics + [e]))
        case (.failure(let f), _): .failure(Invalid(diagnostics: f.diagnostics))
        case (_, .failure(let e)): .failure(Invalid(diagnostics: [e]))
        }
    }

    /// Renders diagnostics one per line, sorted, capped at `max` with a count of the rest.
    static func render(_ diagnostics: [Diagnostic], max: Int = 0) -> String {
        let sorted = Array(Set(diagnostics)).sorted()
        let shown = max > 0 ? Array(sorted.prefix(max)) : sorted
        var out = shown.map { "\($0)\n" }.joined()
        if shown.count < sorted.count { out += "… \(sorted.count - shown.count) more\n" }
        return out
    }
}
