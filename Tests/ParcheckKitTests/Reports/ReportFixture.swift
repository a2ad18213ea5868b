import Foundation
import ParcheckKit
import XCTest

/// Runs the bundled example with report options and reads what it wrote.
enum ReportFixture {
    static func run(_ configure: (inout CheckRun) -> Void = { _ in }) -> Outcome {
        var run = CheckRun(plan: Fixture.examplePlan, data: Fixture.exampleData)
        run.today = day("2025-10-01")
        configure(&run)
        return run.run()
    }

    /// The result document of a run (format json on stdout).
    static func json(_ configure: (inout CheckRun) -> Void = { _ in }) throws -> [String: Any] {
        let outcome = run { $0.format = .json; configure(&$0) }
        XCTAssertNotEqual(outcome.exitCode, ExitCode.invalid, outcome.stderr)
        return try Fixture.json(outcome.stdout)
    }

    static func day(_ text: String) -> DayNumber { Today.parse(text)! }

    static func file(_ outcome: Outcome, _ name: String) throws -> String {
        try XCTUnwrap(outcome.files.first { $0.name == name }, "no \(name) in \(outcome.files.map(\.name))").text
    }

    /// Validates documents with scripts/validate_json.py (Python `jsonschema`, offline); returns its exit code and
    /// stderr. The package ships with the project's machine image; a missing one fails the test (code 3), it is
    /// never skipped.
    static func validate(schema: String, documents: [String: String]) throws -> (Int32, String) {
        let dir = try Fixture.tempDirectory()
        var paths: [String] = []
        for (name, text) in documents.sorted(by: { $0.key < $1.key }) {
            let path = dir + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixture.root + "/scripts/validate_json.py", schema] + paths
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, message)
    }

    static var sarifSchema: String {
        // The project's shared copy when it sits beside the repository, else the copy kept in Tests/Schemas so a
        // clone anywhere validates against the same OASIS schema.
        let candidates = [Fixture.root + "/../shared/schemas/sarif-schema-2.1.0.json", Fixture.root + "/Tests/Schemas/sarif-schema-2.1.0.json"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[1]
    }

    static var resultSchema: String { Fixture.root + "/Rules/schema/result.schema.json" }

    /// Writes a waivers file and returns its path.
    static func waivers(_ yaml: String) throws -> String {
        try Fixture.write(["waivers.yaml": yaml]) + "/waivers.yaml"
    }
}
