import Common
import Foundation
import Mustache

/// The Mustache template the HTML report is rendered from: the bundled one (Sources/Report/Templates, compiled into
/// the binary so the report needs no file at run time) or a province's own, given with `--template`.
public struct HTMLTemplate: Sendable {
    let template: MustacheTemplate
    /// Where it came from: the file given, or `<bundled>`.
    public let source: String

    /// The bundled template.
    public static func bundled() -> HTMLTemplate {
        let text = String(decoding: PackageResources.report_html_mustache, as: UTF8.self)
        // The bundled template is tested; failing to parse it is a build defect, not an input error.
        return HTMLTemplate(template: try! MustacheTemplate(string: text), source: "<bundled>")
    }

    /// A template file; an unreadable or malformed one is a diagnostic at its line and column.
    public static func load(path: String) -> Result<HTMLTemplate, Diagnostic> {
        guard let bytes = FileManager.default.contents(atPath: path),
              let text = String(bytes: bytes, encoding: .utf8) else {
            return .failure(Diagnostic(SourceLocation(file: path, line: 1, column: 1), code: "io-error",
                                       "cannot read the HTML template '\(path)' as UTF-8 text"))
        }
        do {
            return .success(HTMLTemplate(template: try MustacheTemplate(string: text), source: path))
        } catch let error as MustacheTemplate.ParserError {
            let c = error.context
            return .failure(Diagnostic(SourceLocation(file: path, line: c.lineNumber, column: c.columnNumber),
                                       code: "bad-template", "\(error.error)"))
        } catch {
            return .failure(Diagnostic(SourceLocation(file: path, line: 1, column: 1), code: "bad-template", "\(error)"))
        }
    }

    func render(_ context: [String: Any]) -> String { template.render(context) }
}
