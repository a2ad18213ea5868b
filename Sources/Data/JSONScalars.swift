extension JSONReader {
    /// Reads a string (the cursor is on its opening quote), undoing escapes.
    mutating func string() throws(JSONError) -> String {
        p += 1
        let start = p
        while p < b.count, b[p] != 0x22, b[p] != 0x5C, b[p] >= 0x20 { p += 1 }
        if p < b.count, b[p] == 0x22 {  // no escapes: the common case, one copy
            p += 1
            return String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<(p - 1)]), as: UTF8.self)
        }
        var out = Array(b[start..<p])
        while true {
            guard p < b.count else { throw error("unterminated string") }
            let c = b[p]
            if c == 0x22 { p += 1; return String(decoding: out, as: UTF8.self) }
            guard c >= 0x20 else { throw error("control character in a string") }
            if c != 0x5C { out.append(c); p += 1; continue }
            guard p + 1 < b.count else { throw error("unterminated string") }
            let e = b[p + 1]
            p += 2
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"): try unicodeEscape(into: &out)
            default: throw error("invalid escape")
            }
        }
    }

    /// `\uXXXX` (the cursor is after the `u`), including a surrogate pair; lone surrogates are errors.
    private mutating func unicodeEscape(into out: inout [UInt8]) throws(JSONError) {
        var scalar = try hex4()
        if (0xD800...0xDBFF).contains(scalar) {
            guard p + 1 < b.count, b[p] == 0x5C, b[p + 1] == UInt8(ascii: "u") else { throw error("lone surrogate in \\u escape") }
            p += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("lone surrogate in \\u escape") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw error("lone surrogate in \\u escape")
        }
        guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
        out.append(contentsOf: Array(String(Character(u)).utf8))
    }

    private mutating func hex4() throws(JSONError) -> UInt32 {
        guard p + 4 <= b.count else { throw error("invalid \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = b[p]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error("invalid \\u escape")
            }
            v = v << 4 | d
            p += 1
        }
        return v
    }

    /// Reads a number in strict JSON syntax and returns its text as written.
    mutating func number() throws(JSONError) -> String {
        let start = p
        func digits() -> Int {
            let s = p
            while p < b.count, b[p] >= 0x30, b[p] <= 0x39 { p += 1 }
            return p - s
        }
        if p < b.count, b[p] == UInt8(ascii: "-") { p += 1 }
        let intStart = p
        let n = digits()
        guard n > 0, !(n > 1 && b[intStart] == 0x30) else { throw error("invalid value") }
        if p < b.count, b[p] == UInt8(ascii: ".") {
            p += 1
            guard digits() > 0 else { throw error("invalid number") }
        }
        if p < b.count, b[p] | 0x20 == UInt8(ascii: "e") {
            p += 1
            if p < b.count, b[p] == UInt8(ascii: "+") || b[p] == UInt8(ascii: "-") { p += 1 }
            guard digits() > 0 else { throw error("invalid number") }
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<p]), as: UTF8.self)
    }
}
