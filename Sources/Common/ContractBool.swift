/// The contract's boolean words: `true`/`false`, `1`/`0`, `yes`/`no`, `có`/`không`.
///
/// Compared after trimming spaces and tabs, ignoring case, and up to Unicode canonical equivalence (what NFC
/// normalisation gives: a decomposed `có`, typed as `o` + U+0301, is the same word). Empty text is not handled
/// here (it is nil): whether empty means false depends on the field.
public enum ContractBool {
    /// The boolean the text names, or nil for anything else (including empty text).
    public static func parse<S: StringProtocol>(_ text: S) -> Bool? {
        if let r = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: UnsafeRawBufferPointer($0)) }) {
            return r
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { parse(bytes: $0) }
    }

    /// The boolean named by UTF-8 `bytes`; see `parse(_:)`.
    public static func parse(bytes: UnsafeRawBufferPointer) -> Bool? {
        var lo = 0, hi = bytes.count
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        let n = hi - lo
        guard n > 0, n <= 32 else { return nil }
        var ascii = true
        // Up to 7 lowercased ASCII bytes packed behind a leading 1 bit (so length is part of the key): the common
        // words compare without making a String.
        var key: UInt64 = 1
        for i in lo..<hi {
            let c = bytes[i]
            if c >= 0x80 { ascii = false; break }
            if n <= 7 { key = key << 8 | UInt64((c >= 0x41 && c <= 0x5A) ? c | 0x20 : c) }
        }
        if ascii {
            guard n <= 7 else { return nil }
            if key == Self.trueWord || key == Self.oneWord || key == Self.yesWord { return true }
            if key == Self.falseWord || key == Self.zeroWord || key == Self.noWord { return false }
            return nil
        }
        if let word = precomposedVietnamese(bytes, lo, hi) { return word }
        // Non-ASCII: only có / không qualify. Swift's String `==` compares canonical equivalents as equal,
        // so a decomposed (NFD) spelling matches too.
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        if text.count > 5 { return nil }
        let lower = text.lowercased()
        if lower == "có" { return true }
        if lower == "không" { return false }
        return nil
    }

    /// Fast path for the NFC spellings of có / không in any case (ó/Ó = C3 B3/C3 93, ô/Ô = C3 B4/C3 94);
    /// nil means "not one of those spellings", and the caller falls back to full Unicode comparison.
    private static func precomposedVietnamese(_ b: UnsafeRawBufferPointer, _ lo: Int, _ hi: Int) -> Bool? {
        var folded: UInt64 = 1
        var i = lo
        while i < hi {
            var c = b[i]
            if c == 0xC3, i + 1 < hi, b[i + 1] == 0x93 || b[i + 1] == 0x94 || b[i + 1] == 0xB3 || b[i + 1] == 0xB4 {
                folded = folded << 8 | 0xC3
                c = b[i + 1] | 0x20
                i += 1
            } else if c >= 0x80 {
                return nil
            } else if c >= 0x41 && c <= 0x5A {
                c |= 0x20
            }
            folded = folded << 8 | UInt64(c)
            i += 1
            if folded >> 56 != 0 { return nil }  // longer than "không"
        }
        if folded == Self.coWord { return true }
        if folded == Self.khongWord { return false }
        return nil
    }

    private static let coWord = word("có"), khongWord = word("không")

    /// An ASCII word packed as `parse` packs its input.
    private static func word(_ w: String) -> UInt64 { w.utf8.reduce(1) { $0 << 8 | UInt64($1) } }
    private static let trueWord = word("true"), oneWord = word("1"), yesWord = word("yes")
    private static let falseWord = word("false"), zeroWord = word("0"), noWord = word("no")
}
