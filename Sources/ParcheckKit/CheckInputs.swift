import Common
import Data
import Foundation
import Plan
import Report

/// What a check reads besides the plan: data and period, the previous result, waivers and the HTML template.
/// Every problem among them is reported together, with exit code 2.
struct CheckInputs {
    var data: DataSet
    var period: Period
    var previous: PreviousRun?
    var waivers: [Waiver]
    var waiverFile: String?
    /// The HTML report's template; nil when no HTML report is asked for (compiling it cost 8 ms a run).
    var template: HTMLTemplate?

    static func load(_ run: CheckRun, plan: Plan) -> Result<CheckInputs, Inputs.Invalid> {
        var problems: [Diagnostic] = []
        let loaded = Inputs.dataAndPeriod(run.data, period: run.period, asOf: run.asOf, plan: plan,
                                          workers: run.workers)
        if case .failure(let invalid) = loaded { problems += invalid.diagnostics }
        var previous: PreviousRun?
        if let path = run.previous {
            switch PreviousResultReader.readRun(path: path) {
            case .success(let p): previous = p
            case .failure(let d): problems.append(d)
            }
        }
        let waiverFile = run.waivers ?? defaultWaivers(run.data)
        var waivers: [Waiver] = []
        if let waiverFile {
            let read = WaiverReader.read(path: waiverFile)
            waivers = read.waivers
            problems += read.problems
        }
        var template: HTMLTemplate?
        if run.formats.contains(.html) {
            if let path = run.template {
                switch HTMLTemplate.load(path: path) {
                case .success(let t): template = t
                case .failure(let d): problems.append(d)
                }
            } else {
                template = HTMLTemplate.bundled()
            }
        }
        guard problems.isEmpty, case .success(let (data, period)) = loaded else {
            return .failure(Inputs.Invalid(diagnostics: problems))
        }
        return .success(CheckInputs(data: data, period: period, previous: previous, waivers: waivers,
                                    waiverFile: waiverFile, template: template))
    }

    /// DIR/waivers.yaml, when the data directory has one.
    static func defaultWaivers(_ directory: String) -> String? {
        let path = directory + "/" + WaiverReader.fileName
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
