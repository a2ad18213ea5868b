import Common
import Foundation

/// Loads units and dossiers from a data directory (or explicit file lists) into a `DataSet`.
///
/// Layout: `units.{yaml,yml,json,csv}` are unit files; `dossiers*.{csv,jsonl,json,yaml,yml}` in the directory
/// and every file with those extensions under `dossiers/` are dossier files. Files are read in byte-wise sorted
/// path order, unit files first, so the result never depends on directory listing order.
public enum DataLoader {
    static let dossierExtensions: Set<String> = ["csv", "jsonl", "json", "yaml", "yml"]
    static let unitExtensions: Set<String> = ["yaml", "yml", "json", "csv"]

    /// Loads a data directory; fails with every file-level error found (no units file, unreadable directory
    /// or file, not UTF-8, malformed JSON/YAML document).
    public static func load(directory: String) -> Result<DataSet, LoadFailure> {
        switch classify(directory: directory) {
        case .failure(let d): return .failure(LoadFailure([d]))
        case .success(let files):
            guard !files.units.isEmpty else {
                return .failure(LoadFailure([Diagnostic(SourceLocation(file: directory, line: 0), code: "missing-units",
                    "no units file in the directory (expected units.yaml, units.yml, units.json or units.csv)")]))
            }
            return load(unitsFiles: files.units, dossierFiles: files.dossiers, ignoredFiles: files.ignored)
        }
    }

    /// Loads the given files (each list is read in byte-wise sorted order).
    public static func load(unitsFiles: [String], dossierFiles: [String], ignoredFiles: [String] = []) -> Result<DataSet, LoadFailure> {
        var errors: [Diagnostic] = []
        var read: [String] = []
        var unitIngest = UnitIngest()
        for path in sortedBytewise(unitsFiles) {
            switch FileIO.readUTF8(path) {
            case .failure(let d): errors.append(d)
            case .success(let bytes):
                read.append(path)
                if let d = UnitFiles.read(bytes, path: path, into: &unitIngest) { errors.append(d) }
            }
        }
        let unitIndex = Dictionary(unitIngest.units.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        var ingest = DossierIngest(units: unitIndex)
        for path in sortedBytewise(dossierFiles) {
            switch FileIO.readUTF8(path) {
            case .failure(let d): errors.append(d)
            case .success(let bytes):
                read.append(path)
                if let d = readDossiers(bytes, path: path, into: &ingest) { errors.append(d) }
            }
        }
        guard errors.isEmpty else { return .failure(LoadFailure(errors)) }
        var counts = InputCounts()
        counts.unitsRead = unitIngest.read
        counts.unitsAccepted = unitIngest.units.count
        counts.unitsRejected = unitIngest.rejected.count
        counts.dossiersRead = ingest.read
        counts.accepted = ingest.columns.count
        counts.rejected = ingest.rejected.count
        let store = DossierStore(ingest.columns, unitCount: unitIngest.units.count)
        return .success(DataSet(units: unitIngest.units, dossiers: store, rejected: unitIngest.rejected + ingest.rejected,
                                quality: ingest.quality, inputs: counts, files: read,
                                ignoredFiles: sortedBytewise(ignoredFiles), warnings: unitIngest.warnings))
    }

    /// Dispatches a dossier file by extension.
    private static func readDossiers(_ bytes: [UInt8], path: String, into ingest: inout DossierIngest) -> Diagnostic? {
        switch fileExtension(path) {
        case "csv": return CSVDossiers.read(bytes, path: path, into: &ingest)
        case "jsonl": JSONDossiers.readLines(bytes, path: path, into: &ingest); return nil
        case "json": return JSONDossiers.readArray(bytes, path: path, into: &ingest)
        default: return YAMLDossiers.read(bytes, path: path, into: &ingest)
        }
    }

    /// The lower-cased text after the last dot of the file name ("" if none).
    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Paths in byte-wise (not locale or Unicode-collation) order.
    static func sortedBytewise(_ paths: [String]) -> [String] {
        paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
