import Common
import Data
import Glibc

/// Data loaders: the input is one dossier file (or one units file) of a data directory; whatever it holds, the
/// load returns, and on success every record read is accepted or rejected with a location in that file.
enum DataHarness {
    static let units = "units:\n  - {id: U1, name: Sở Tư pháp, kind: department}\n  - {id: U2, name: Xã An Bình, kind: commune, parent: U1}\n"
    static let dossiers = "id,unit_id,received_at,due_at,channel\nA1,U1,2025-01-02,2025-01-10,online\n"

    /// The units file dossiers refer to: PARCHECK_FUZZ_UNITS (scripts/fuzz.sh names an example's, so seeded
    /// dossiers reach the accepting paths), else two built-in units.
    nonisolated(unsafe) static var unitsFile = ""

    static let all: [Harness] = ["csv", "jsonl", "json", "yaml"].map { ext in
        Harness(name: ext, setUp: {
            unitsFile = getenv("PARCHECK_FUZZ_UNITS").map { String(cString: $0) } ?? Scratch.write("units.yaml", units)
        }) { bytes in
            let path = Scratch.write("dossiers.\(ext)", bytes)
            check(DataLoader.load(unitsFiles: [unitsFile], dossierFiles: [path]), file: path)
        }
    } + ["yaml", "json", "csv"].map { ext in
        Harness(name: "units-\(ext)", setUp: { Scratch.write("dossiers.csv", dossiers) }) { bytes in
            let path = Scratch.write("units.\(ext)", bytes)
            check(DataLoader.load(unitsFiles: [path], dossierFiles: [Scratch.dir + "/dossiers.csv"]), file: path)
        }
    }

    /// read = accepted + rejected for dossiers and units; every rejection is located in a file that was read.
    static func check(_ result: Result<DataSet, LoadFailure>, file: String) {
        switch result {
        case .failure(let failure):
            if failure.diagnostics.isEmpty { Harness.fail("a load failure without diagnostics") }
        case .success(let data):
            let n = data.inputs
            let dossierRejections = data.rejected.filter { $0.record == .dossier }.count
            guard n.dossiersRead == n.accepted + n.rejected, n.accepted == data.dossiers.count,
                  n.rejected == dossierRejections, n.unitsRead == n.unitsAccepted + n.unitsRejected,
                  n.unitsAccepted == data.units.count, n.unitsRejected == data.rejected.count - dossierRejections
            else { Harness.fail("counts do not add up: \(n)") }
            for r in data.rejected where !data.files.contains(r.location.file) || r.location.line < 1 {
                Harness.fail("rejection not located in a file read: \(r)")
            }
        }
    }
}
