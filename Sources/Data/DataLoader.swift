import Common

/// How a load uses the machine. The result never depends on these: only how fast it comes.
public struct LoadOptions: Sendable {
    /// Threads reading chunks of dossier files.
    public var workers: Int
    /// Bytes of a file read as one chunk.
    public var chunkBytes: Int
    /// How far a record may run past its chunk before the chunk leaves it to the sequential re-read.
    public var overrunBytes: Int

    /// Whether CSV records may take the fast path (tests compare both ways).
    var fastPath = true

    /// Defaults: one worker per active processor, 8 MiB chunks, 1 MiB overrun.
    public init(workers: Int = Parallel.defaultWorkers, chunkBytes: Int = 8 << 20, overrunBytes: Int = 1 << 20) {
        self.workers = max(1, workers)
        self.chunkBytes = max(1, chunkBytes)
        self.overrunBytes = max(1, overrunBytes)
    }
}

/// Loads units and dossiers from a data directory (or explicit file lists) into a `DataSet`.
///
/// Layout: `units.{yaml,yml,json,csv}` are unit files; `dossiers*.{csv,jsonl,json,yaml,yml}` in the directory
/// and every file with those extensions under `dossiers/` are dossier files. Files are read in byte-wise sorted
/// path order, unit files first, so the result never depends on directory listing order.
public enum DataLoader {
    static let dossierExtensions: Set<String> = ["csv", "jsonl", "json", "yaml", "yml"]
    static let unitExtensions: Set<String> = ["yaml", "yml", "json", "csv"]

    /// Loads a data directory; fails with every file-level error found (no units file or one with no units,
    /// unreadable directory or file, not UTF-8, malformed JSON/YAML document).
    public static func load(directory: String, options: LoadOptions = .init()) -> Result<DataSet, LoadFailure> {
        switch classify(directory: directory) {
        case .failure(let d): return .failure(LoadFailure([d]))
        case .success(let files):
            guard !files.units.isEmpty else {
                return .failure(LoadFailure([Diagnostic(SourceLocation(file: directory, line: 0), code: "missing-units",
                    "no units file in the directory (expected units.yaml, units.yml, units.json or units.csv)")]))
            }
            return load(unitsFiles: files.units, dossierFiles: files.dossiers, ignoredFiles: files.ignored, options: options)
        }
    }

    /// Loads the given files (each list is read in byte-wise sorted order).
    public static func load(unitsFiles: [String], dossierFiles: [String], ignoredFiles: [String] = [],
                            options: LoadOptions = .init()) -> Result<DataSet, LoadFailure> {
        // The units are read on a thread of their own while the dossier files are opened and the first CSV body
        // gets its first pass, which needs no units: on two cores that hides most of reading a province's units
        // file (phase timings). Only the first: a body's pages stay mapped from its first pass to its second.
        let unitsRead = Background { readUnits(sortedBytewise(unitsFiles)) }
        let opened = sortedBytewise(dossierFiles).enumerated().map { i, path in
            (path, FileBytes.open(path).map { file in
                (file, i == 0 && fileExtension(path) == "csv" ? CSVDossiers.survey(file, options: options) : nil)
            })
        }
        let (unitIngest, unitErrors, unitFiles) = unitsRead.wait()
        var errors = unitErrors, read = unitFiles
        Timings.mark("load: units (and CSV pass 1)")
        let env = IngestEnv(units: unitIngest.units)
        var chunks: [ReadChunk] = []
        var files: [String] = [], indexed: [Bool] = []
        var emptyFiles: [Diagnostic] = []
        for (path, open) in opened {
            switch open {
            case .failure(let d): errors.append(d)
            case .success(let (file, survey)):
                let ext = fileExtension(path)
                switch readDossiers(file, path: path, ext: ext, fileIndex: files.count, env: env, options: options,
                                    survey: survey) {
                case .failure(let d): errors.append(d)
                case .success(let c):
                    read.append(path)
                    chunks += c
                    if let w = emptyFileWarning(c, path: path) { emptyFiles.append(w) }
                }
                files.append(path)
                indexed.append(ext == "json" || ext == "yaml" || ext == "yml")
            }
        }
        Timings.mark("load: scan dossier files")
        guard errors.isEmpty else { return .failure(LoadFailure(errors)) }
        let dossiers = DossierAssembly.assemble(chunks, files: files, fileIsIndexed: indexed,
                                                unitCount: unitIngest.units.count, workers: options.workers)
        var counts = InputCounts()
        counts.unitsRead = unitIngest.read
        counts.unitsAccepted = unitIngest.units.count
        counts.unitsRejected = unitIngest.rejected.count
        counts.dossiersRead = dossiers.read
        counts.accepted = dossiers.store.count
        counts.rejected = dossiers.rejected.count
        return .success(DataSet(units: unitIngest.units, dossiers: dossiers.store,
                                rejected: unitIngest.rejected + dossiers.rejected, quality: dossiers.quality,
                                inputs: counts, files: read, ignoredFiles: sortedBytewise(ignoredFiles),
                                warnings: unitIngest.warnings + emptyFiles))
    }

    /// The units files, in order: what they hold, the file-level errors, and the files read.
    private static func readUnits(_ paths: [String]) -> (UnitIngest, [Diagnostic], [String]) {
        var errors: [Diagnostic] = []
        var read: [String] = []
        var unitIngest = UnitIngest()
        for path in paths {
            switch FileIO.readUTF8(path) {
            case .failure(let d): errors.append(d)
            case .success(let bytes):
                read.append(path)
                let before = unitIngest.read
                if let d = UnitFiles.read(bytes, path: path, into: &unitIngest) {
                    errors.append(d)
                } else if unitIngest.read == before {
                    // Like a missing units file: every dossier would be rejected as naming no unit, nothing assessed.
                    errors.append(Diagnostic(SourceLocation(file: path, line: 1), code: "missing-units",
                                             "the units file has no units"))
                }
            }
        }
        return (unitIngest, errors, read)
    }

    /// An `empty-file` warning when a dossier file's chunks hold no record: a failed export (0 bytes, a header
    /// alone, `[]`) must not read as a quiet month.
    static func emptyFileWarning(_ chunks: [ReadChunk], path: String) -> Diagnostic? {
        guard chunks.allSatisfy({ $0.ingest.records == 0 }) else { return nil }
        return Diagnostic(SourceLocation(file: path, line: 1), .warning, code: "empty-file", "the file holds no dossier records")
    }

    /// Reads one dossier file by extension into chunks, or the file-level error.
    private static func readDossiers(_ file: FileBytes, path: String, ext: String, fileIndex: Int, env: IngestEnv,
                                     options: LoadOptions, survey: CSVChunks.Survey?) -> Result<[ReadChunk], Diagnostic> {
        if ext == "csv" {
            return CSVDossiers.read(file, path: path, fileIndex: fileIndex, env: env, options: options, survey: survey)
        }
        if ext == "jsonl" {
            let r = JSONDossiers.readLines(file, fileIndex: fileIndex, env: env, prototype: ChunkIngest(env: env), options: options)
            if let bad = r.invalidByte { return .failure(file.badEncoding(at: bad, path: path)) }
            return .success(r.chunks)
        }
        if let bad = UTF8Check.firstInvalid(file.bytes, from: 0, to: file.bytes.count) {
            return .failure(file.badEncoding(at: bad, path: path))
        }
        var ingest = ChunkIngest(env: env)
        let error = ext == "json" ? JSONDossiers.readArray(file, path: path, into: &ingest)
            : YAMLDossiers.read(file, path: path, into: &ingest)
        if let error { return .failure(error) }
        return .success([ReadChunk(file: fileIndex, lineBase: 0, ingest: ingest)])
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
