import Common
import Foundation
import LocatedYAML

/// `parcheck.yaml` in a data directory: which plan the data belongs to and its default period, so
/// `parcheck check --data DIR` needs no other argument.
public struct Manifest: Sendable, Equatable {
    /// The plan path, resolved against the data directory.
    public var plan: String?
    public var period: String?
    /// A previous run's result file, resolved against the data directory (`compare: {previous: …}` baselines).
    public var previous: String?

    public init(plan: String? = nil, period: String? = nil, previous: String? = nil) {
        self.plan = plan
        self.period = period
        self.previous = previous
    }

    public static let fileName = "parcheck.yaml"

    /// Reads DIR/parcheck.yaml; a missing file is an empty manifest, a malformed one a diagnostic.
    public static func read(directory: String) -> Result<Manifest, Diagnostic> {
        let path = directory + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else { return .success(Manifest()) }
        let root: YAMLNode?
        switch YAMLParser.parse(bytes: Array(data), file: path) {
        case .failure(let d): return .failure(d)
        case .success(let node): root = node
        }
        var manifest = Manifest()
        for pair in root?.mapping ?? [] {
            guard let key = pair.key.scalar, let value = pair.value.scalar else {
                return .failure(Diagnostic(pair.key.location, code: "bad-manifest", "expected 'key: value' pairs"))
            }
            switch key {
            case "plan": manifest.plan = value.hasPrefix("/") ? value : directory + "/" + value
            case "period": manifest.period = value
            case "previous": manifest.previous = value.hasPrefix("/") ? value : directory + "/" + value
            default:
                return .failure(Diagnostic(pair.key.location, code: "unknown-key",
                                           "unknown key '\(key)' in \(fileName) (expected plan, period, previous)"))
            }
        }
        return .success(manifest)
    }
}

extension CheckRun {
    /// The run the command line asks for: an explicit plan and period win, then the data directory's manifest,
    /// then the bundled example (`Inputs.defaultPlan` against `Inputs.defaultData`).
    public static func resolve(plan: String?, data: String?, period: String?,
                               previous: String? = nil) -> Result<CheckRun, Diagnostic> {
        let directory = data ?? Inputs.defaultData
        var manifest = Manifest()
        if plan == nil || period == nil || previous == nil {
            switch Manifest.read(directory: directory) {
            case .success(let m): manifest = m
            case .failure(let d): return .failure(d)
            }
        }
        var run = CheckRun(plan: plan ?? manifest.plan ?? Inputs.defaultPlan, data: directory)
        run.period = period ?? manifest.period
        run.previous = previous ?? manifest.previous
        return .success(run)
    }
}
