import Common

/// UTF-8 validation of a byte range (the contract's encoding): well-formed sequences only, no overlongs,
/// surrogates or values beyond U+10FFFF. ASCII runs are checked 8 bytes at a time, since dossier exports are
/// almost all ASCII and a byte-at-a-time loop was 3% of loading.
enum UTF8Check {
    /// Offset of the first byte in `from..<to` that is not part of well-formed UTF-8, or nil. `from` must be a
    /// character boundary (the start, or just after a line feed); a sequence may run past `to`.
    static func firstInvalid(_ b: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        scan(b, from: from, to: to).invalid
    }

    private static let highs: UInt64 = 0x8080_8080_8080_8080, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let lineFeedBytes: UInt64 = 0x0A0A_0A0A_0A0A_0A0A

    /// 0x01 in each byte lane of an ASCII word that is a line feed (exact: no borrows between lanes).
    @inline(__always) private static func lineFeedLanes(_ w: UInt64) -> UInt64 {
        let t = w ^ lineFeedBytes
        return (~(((t & lows) &+ lows) | t) & highs) >> 7
    }

    /// Skips the ASCII bytes from `from` (a word at a time), counting line feeds; returns where the first
    /// non-ASCII byte is (or where fewer than 8 bytes remain before `to`). Lanes are summed every 255 words:
    /// popcount is not in the baseline x86-64 ISA, and its software form tripled this loop.
    @inline(__always)
    private static func asciiRun(_ base: UnsafeRawPointer, from: Int, to: Int) -> (Int, Int) {
        var i = from, found = 0
        var lanes: UInt64 = 0, words = 0
        while i &+ 8 <= to {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let high = w & highs
            if high != 0 {
                let ascii = high.trailingZeroBitCount &>> 3  // bytes before the first non-ASCII one
                let keep: UInt64 = ascii == 0 ? 0 : ~0 &>> UInt64(64 &- 8 &* ascii)
                lanes &+= lineFeedLanes(w & keep | 0x2020_2020_2020_2020 & ~keep)
                i &+= ascii
                break
            }
            lanes &+= lineFeedLanes(w)
            words &+= 1
            if words == 255 { found &+= laneSum(lanes); lanes = 0; words = 0 }
            i &+= 8
        }
        return (i, found &+ laneSum(lanes))
    }

    /// The sum of the eight byte lanes of `x`.
    @inline(__always) private static func laneSum(_ x: UInt64) -> Int {
        let pairs = (x & 0x00FF_00FF_00FF_00FF) &+ ((x >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }

    /// `firstInvalid`, and the number of line feeds in `from..<to` (an upper bound of the records starting
    /// there, which sizes a chunk's rows before it is read).
    static func scan(_ b: UnsafeRawBufferPointer, from: Int, to: Int) -> (invalid: Int?, lineFeeds: Int) {
        guard let base = b.baseAddress else { return (nil, 0) }
        var i = from
        let n = b.count
        var lineFeeds = 0
        while i < to {
            let (next, found) = asciiRun(base, from: i, to: to)
            lineFeeds &+= found
            i = next
            guard i < to else { break }
            let c = b[i]
            if c < 0x80 { if c == 0x0A { lineFeeds += 1 }; i += 1; continue }
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
            default: return (i, lineFeeds)
            }
            guard i + need < n, b[i + 1] >= lo, b[i + 1] <= hi else { return (i, lineFeeds) }
            var k = 2
            while k <= need {
                guard b[i + k] >= 0x80, b[i + k] <= 0xBF else { return (i, lineFeeds) }
                k += 1
            }
            i += need + 1
        }
        return (nil, lineFeeds)
    }
}

extension FileIO {
    /// Reads a small file (units) whole and checks it is UTF-8.
    static func readUTF8(_ path: String) -> Result<[UInt8], Diagnostic> {
        FileBytes.open(path).flatMap { file in
            if let bad = UTF8Check.firstInvalid(file.bytes, from: 0, to: file.bytes.count) {
                return .failure(file.badEncoding(at: bad, path: path))
            }
            return .success(Array(file.bytes))
        }
    }
}

/// File reading helpers shared by the unit and dossier readers.
enum FileIO {}

extension FileIO {
    /// Offset of the first byte of `b` that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        b.withUnsafeBytes { UTF8Check.firstInvalid($0, from: 0, to: $0.count) }
    }
}
