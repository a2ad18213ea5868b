import Foundation

/// Paths into the repository and throw-away directories for test plans and data.
enum Fixture {
    /// The repository root, found from this file's path so tests run from any working directory.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var examplePlan: String { root + "/Rules/lam-dong/2025" }
    static var exampleData: String { root + "/Examples/lam-dong-2025" }

    /// A new empty directory under the system temp folder.
    static func tempDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "parcheck-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `files` (relative path → text) under a new temp directory and returns it.
    static func write(_ files: [String: String]) throws -> String {
        let dir = try tempDirectory()
        for (name, text) in files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// Parses JSON output into Foundation objects for assertions.
    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}
