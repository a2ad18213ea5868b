import Common
import Foundation

/// The data files of a directory, by role.
public struct DataFiles: Sendable, Hashable {
    /// `units.*` files.
    public var units: [String] = []
    /// Dossier files.
    public var dossiers: [String] = []
    /// Everything else.
    public var ignored: [String] = []
}

extension DataLoader {
    /// Sorts the directory's files into unit files, dossier files and ignored files (paths are DIR joined
    /// with the name); fails when the directory cannot be listed.
    public static func classify(directory: String) -> Result<DataFiles, Diagnostic> {
        let fm = FileManager.default
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: directory) } catch {
            return .failure(Diagnostic(SourceLocation(file: directory, line: 0), code: "read-error", "cannot list the data directory"))
        }
        var files = DataFiles()
        for name in names {
            let path = prefix + name
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &isDirectory)
            let ext = fileExtension(name)
            if isDirectory.boolValue {
                if name == "dossiers" {
                    if let d = collect(under: path, into: &files) { return .failure(d) }
                } else { files.ignored.append(path + "/") }
            } else if name.hasPrefix("units."), name.count == 6 + ext.count, unitExtensions.contains(ext) {
                files.units.append(path)
            } else if name.hasPrefix("dossiers"), dossierExtensions.contains(ext) {
                files.dossiers.append(path)
            } else {
                files.ignored.append(path)
            }
        }
        files.units = sortedBytewise(files.units)
        files.dossiers = sortedBytewise(files.dossiers)
        files.ignored = sortedBytewise(files.ignored)
        return .success(files)
    }

    /// Every dossier-extension file under `directory`, recursively; hidden files are ignored.
    private static func collect(under directory: String, into files: inout DataFiles) -> Diagnostic? {
        let fm = FileManager.default
        guard let names = try? fm.subpathsOfDirectory(atPath: directory) else {
            return Diagnostic(SourceLocation(file: directory, line: 0), code: "read-error", "cannot list the dossiers directory")
        }
        for sub in names {
            let path = directory + "/" + sub
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let hidden = sub.split(separator: "/").contains { $0.hasPrefix(".") }
            if !hidden, dossierExtensions.contains(fileExtension(sub)) { files.dossiers.append(path) } else { files.ignored.append(path) }
        }
        return nil
    }
}
