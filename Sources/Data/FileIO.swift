import Common
import Foundation

/// Reading data files as bytes, and the checks every file gets before parsing.
enum FileIO {
    /// The file's bytes, or a `read-error` diagnostic.
    static func read(_ path: String) -> Result<[UInt8], Diagnostic> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Diagnostic(SourceLocation(file: path, line: 0), code: "read-error", "cannot read the file"))
        }
        return .success([UInt8](data))
    }

    /// Reads a file and checks that it is UTF-8 (the contract's encoding); a `bad-encoding` diagnostic names
    /// the line of the first invalid byte.
    static func readUTF8(_ path: String) -> Result<[UInt8], Diagnostic> {
        read(path).flatMap { bytes in
            if let bad = firstInvalidUTF8(bytes) {
                let line = 1 + bytes[..<bad].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                return .failure(Diagnostic(SourceLocation(file: path, line: line), code: "bad-encoding",
                                           "the file is not UTF-8 (invalid byte 0x\(String(bytes[bad], radix: 16)))"))
            }
            return .success(bytes)
        }
    }

    /// Offset of the first byte that is not part of well-formed UTF-8 (no overlongs, surrogates or values
    /// beyond U+10FFFF), or nil when all is well.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF  // allowed range of the second byte
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            guard i + need < n, b[i + 1] >= lo, b[i + 1] <= hi else { return i }
            var k = 2
            while k <= need {
                guard b[i + k] >= 0x80, b[i + k] <= 0xBF else { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    /// The bytes without a leading UTF-8 BOM, as a string (JSON and YAML readers take text).
    static func text(_ bytes: [UInt8]) -> String {
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        return String(decoding: bytes[start...], as: UTF8.self)
    }
}
