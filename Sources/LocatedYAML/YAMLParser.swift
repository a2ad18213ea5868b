import CLibYAML
import Common

/// Parses one YAML document into a located `YAMLNode` tree with libyaml's event API.
///
/// Errors come back as one `Diagnostic` with the file, 1-based line and column:
/// `yaml-syntax` (scanner, parser or encoding error; unknown alias), `yaml-multiple-documents`,
/// `yaml-too-deep` (more than `maxDepth` nested collections) and `yaml-alias-limit` (alias bombs).
public enum YAMLParser {
    /// Deepest nesting of sequences and mappings accepted; deeper input is refused rather than risking the stack.
    public static let maxDepth = 512

    /// Parses `text`; `.success(nil)` means the stream holds no document, or only a null one.
    public static func parse(_ text: String, file: String) -> Result<YAMLNode?, Diagnostic> {
        var text = text
        return text.withUTF8 { parse(buffer: UnsafeRawBufferPointer($0), file: file) }
    }

    /// Parses UTF-8 (or UTF-16 with a BOM, as libyaml detects it) `bytes`.
    public static func parse(bytes: [UInt8], file: String) -> Result<YAMLNode?, Diagnostic> {
        bytes.withUnsafeBytes { parse(buffer: $0, file: file) }
    }

    /// Parses bytes the caller keeps alive for the duration of the call (for example a mapped file).
    public static func parse(buffer: UnsafeRawBufferPointer, file: String) -> Result<YAMLNode?, Diagnostic> {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return .success(nil) }
        // On the heap: libyaml keeps pointers into the parser struct between calls.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            return .failure(Diagnostic(SourceLocation(file: file, line: 1), code: "yaml-syntax", "cannot initialise the YAML parser"))
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base.assumingMemoryBound(to: UInt8.self), buffer.count)
        var loop = EventLoop(file: file, aliasBudget: max(100_000, buffer.count))
        return loop.run(parser, buffer: buffer)
    }
}

/// Pulls events from libyaml and feeds them to the tree builder.
private struct EventLoop {
    let file: String
    var builder: TreeBuilder
    var documents = 0

    init(file: String, aliasBudget: Int) {
        self.file = file
        builder = TreeBuilder(file: file, aliasBudget: aliasBudget)
    }

    mutating func run(_ parser: UnsafeMutablePointer<yaml_parser_t>, buffer: UnsafeRawBufferPointer) -> Result<YAMLNode?, Diagnostic> {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                return .failure(ParserErrors.diagnostic(parser.pointee, buffer: buffer, file: file))
            }
            let outcome = handle(&event)
            yaml_event_delete(&event)
            switch outcome {
            case .next: continue
            case .done: return .success(builder.root.flatMap { $0.isNull ? nil : $0 })
            case .failed(let diagnostic): return .failure(diagnostic)
            }
        }
    }

    enum Outcome { case next, done, failed(Diagnostic) }

    mutating func handle(_ event: inout yaml_event_t) -> Outcome {
        let at = SourceLocation(file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return .done
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                return .failed(Diagnostic(at, code: "yaml-multiple-documents",
                                          "a second YAML document starts here; put everything in one document"))
            }
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: s.value, count: Int(s.length)), as: UTF8.self)
            let node = YAMLNode(kind: .scalar(text, quoted: s.style != YAML_PLAIN_SCALAR_STYLE),
                                location: at, tag: Self.string(s.tag))
            builder.add(node, anchor: Self.string(s.anchor))
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            if let error = builder.open(isMapping: false, at: at, tag: Self.string(s.tag), anchor: Self.string(s.anchor)) {
                return .failed(error)
            }
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            if let error = builder.open(isMapping: true, at: at, tag: Self.string(m.tag), anchor: Self.string(m.anchor)) {
                return .failed(error)
            }
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            builder.close()
        case YAML_ALIAS_EVENT:
            if let error = builder.alias(Self.string(event.data.alias.anchor) ?? "", at: at) { return .failed(error) }
        default:
            break
        }
        return .next
    }

    static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }
}
