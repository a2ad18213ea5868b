/// Why a script could not be compiled or run, located in the script.
public struct LuaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category, stable for diagnostics codes (`lua-\(kind.rawValue)`).
    public enum Kind: String, Sendable {
        /// The source does not parse.
        case syntax
        /// An error raised while running (including `error(...)` and stack overflow).
        case runtime
        /// The instruction budget (or the wall-clock safety net) ran out.
        case timeout
        /// The memory cap was hit.
        case memory
        /// The script touched something the sandbox does not offer (os, io, load, string.dump, a binary chunk…).
        case forbidden
        /// The script ran but its shape is wrong: it did not return a function, or returned an unsupported value.
        /// Raw value "bad-script", so diagnostic codes stay kebab-case.
        case badScript = "bad-script"
    }

    /// The category.
    public var kind: Kind
    /// The message without Lua's "chunk:line:" prefix.
    public var message: String
    /// The script path as the user should see it (the chunk name).
    public var file: String
    /// The 1-based script line, when known.
    public var line: Int?

    /// An error value.
    public init(kind: Kind, message: String, file: String, line: Int?) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
    }

    /// `file:line: kind: message`.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(kind.rawValue): \(message)"
    }

    /// Builds an error from a raw Lua message: strips "chunk:line: " (Lua may shorten a long chunk name, so the
    /// first ":<digits>: " is taken), uses `fallbackLine` when the message carries none, and refines the kind
    /// for "forbidden: …" messages and stack overflows.
    static func fromLua(_ raw: String, kind: Kind, file: String, fallbackLine: Int?) -> LuaError {
        var message = raw
        var line = fallbackLine
        if let (l, rest) = splitPosition(raw) {
            line = l
            message = rest
        }
        var kind = kind
        if kind == .runtime || kind == .syntax {
            if message.hasPrefix("forbidden: ") { kind = .forbidden }
            if message.contains("stack overflow") { message = "stack overflow" }  // C or Lua stack: one wording
        }
        return LuaError(kind: kind, message: message, file: file, line: line)
    }

    /// The line and the rest of "anything:<digits>: rest", at the first such position.
    private static func splitPosition(_ raw: String) -> (Int, String)? {
        let bytes = Array(raw.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: ":") {
                var j = i + 1
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { j += 1 }
                if j > i + 1, j + 1 < bytes.count, bytes[j] == UInt8(ascii: ":"), bytes[j + 1] == UInt8(ascii: " "),
                   let line = Int(String(decoding: bytes[(i + 1)..<j], as: UTF8.self)) {
                    return (line, String(decoding: bytes[(j + 2)...], as: UTF8.self))
                }
            }
            i += 1
        }
        return nil
    }
}
