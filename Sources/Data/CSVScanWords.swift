/// Word-at-a-time (SWAR) searches of the CSV scanner.
extension CSVScanner {
    // Word-at-a-time search (SWAR). Why: fields are ~7 bytes, and a byte loop's unpredictable exit cost a branch
    // miss per field; the scan was 19% of loading. The masks flag, per byte, a byte below 0x23 (LF, CR, quote,
    // space, tab, controls) or a comma; only the lowest flag of a word is exact (borrows run upwards), and only
    // the lowest is used.
    static let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080

    @inline(__always) static func equalBytes(_ w: UInt64, _ c: UInt8) -> UInt64 {
        let x = w ^ (ones &* UInt64(c))
        return (x &- ones) & ~x & highs
    }

    /// The first position at or after `from` holding a byte below 0x23 or a comma (`n` if none); may stop past
    /// `end` when the bytes up to `end` hold none.
    @inline(__always) func nextSpecial(from: Int, _ end: Int) -> Int {
        var p = from
        while p + 8 <= n {
            let w = UnsafeRawPointer(b + p).loadUnaligned(as: UInt64.self)
            let m = ((w &- Self.ones &* 0x23) & ~w & Self.highs) | Self.equalBytes(w, Self.comma)
            if m != 0 { return p + m.trailingZeroBitCount >> 3 }
            p += 8
            if p >= end { return p }
        }
        while p < n, b[p] > Self.quote, b[p] != Self.comma { p += 1 }
        return p
    }

    /// Reads the record at `pos` if it is simple — no quote and no CR (but one just before the LF) before its
    /// line break, which comes before `end` — and returns true; else changes nothing.
    /// Why: a machine export's rows are all simple, and finding every comma of a word at once (exact byte masks,
    /// then one bit per field) costs a fraction of looking for one delimiter at a time.
    @inline(__always)
    mutating func simpleRecord(into fields: GrowBuffer<UnsafeRawBufferPointer>, _ end: Int) -> Bool {
        var p = pos, start = pos
        let first = fields.count
        var mayTrim = false  // a space, tab or other low byte was seen: fields get their ends trimmed
        while p &+ 8 <= end {
            let w = UnsafeRawPointer(b + p).loadUnaligned(as: UInt64.self)
            var commas = Self.exactEqual(w, Self.comma)
            let low = ~((w & Self.lows) &+ Self.ones &* 0x5D) & ~w & Self.highs  // bytes below 0x23, exactly
            if low != 0 {
                let lf = (low & Self.exactEqual(w, Self.lf)).trailingZeroBitCount  // 64 when none
                let before: UInt64 = lf >= 64 ? ~0 : (1 << UInt64(lf)) &- 1
                let quoteOrCR = (Self.exactEqual(w, Self.quote) | Self.exactEqual(w, Self.cr)) & before
                var cut = lf  // the bit of the byte the last field ends at
                var next = p &+ lf &>> 3 &+ 1
                if quoteOrCR != 0 {
                    // Only a CR right before the line feed (which may be the next word's first byte) is simple.
                    let cr = quoteOrCR.trailingZeroBitCount
                    let at = p &+ cr &>> 3
                    guard quoteOrCR & (quoteOrCR &- 1) == 0, b[at] == Self.cr, at &+ 1 < end, b[at &+ 1] == Self.lf
                    else { fields.truncate(first); return false }
                    cut = cr
                    next = at &+ 2
                }
                if low & before & ~quoteOrCR != 0 { mayTrim = true }
                if cut < 64 {
                    commas &= (1 << UInt64(cut)) &- 1
                    while commas != 0 {
                        let q = p &+ commas.trailingZeroBitCount &>> 3
                        fields.append(UnsafeRawBufferPointer(start: b + start, count: q &- start))
                        start = q &+ 1
                        commas &= commas &- 1
                    }
                    fields.append(UnsafeRawBufferPointer(start: b + start, count: p &+ cut &>> 3 &- start))
                    if mayTrim { for i in first..<fields.count { fields[i] = ValueParse.trimmed(fields[i]) } }
                    pos = next
                    line &+= 1
                    return true
                }
            }
            while commas != 0 {
                let q = p &+ commas.trailingZeroBitCount &>> 3
                fields.append(UnsafeRawBufferPointer(start: b + start, count: q &- start))
                start = q &+ 1
                commas &= commas &- 1
            }
            p &+= 8
        }
        fields.truncate(first)
        return false
    }

    /// 0x80 in every byte lane of `w` equal to `c`, exactly (no borrows between lanes).
    @inline(__always) static func exactEqual(_ w: UInt64, _ c: UInt8) -> UInt64 {
        let t = w ^ (ones &* UInt64(c))
        return ~(((t & lows) &+ lows) | t) & highs
    }

    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// `nextSpecial`, and whether the byte found is a comma (exact: the lowest flag of either mask is exact, and
    /// the comma mask has no false flag below a true one).
    @inline(__always) func delimiter(from: Int, _ end: Int) -> (Int, Bool) {
        var p = from
        while p + 8 <= n {
            let w = UnsafeRawPointer(b + p).loadUnaligned(as: UInt64.self)
            let commas = Self.equalBytes(w, Self.comma)
            let m = ((w &- Self.ones &* 0x23) & ~w & Self.highs) | commas
            if m != 0 {
                let t = m.trailingZeroBitCount
                return (p + t >> 3, (commas >> UInt64(t)) & 1 != 0)
            }
            p += 8
            if p >= end { return (p, false) }
        }
        while p < n, b[p] > Self.quote, b[p] != Self.comma { p += 1 }
        return (p, p < n && b[p] == Self.comma)
    }

    /// The first quote or line feed at or after `from` (`n` if none); may stop past `end` when the bytes up to
    /// `end` hold none.
    @inline(__always) func nextInQuotes(from: Int, _ end: Int) -> Int {
        var p = from
        while p + 8 <= n {
            let w = UnsafeRawPointer(b + p).loadUnaligned(as: UInt64.self)
            let m = Self.equalBytes(w, Self.quote) | Self.equalBytes(w, Self.lf)
            if m != 0 { return p + m.trailingZeroBitCount >> 3 }
            p += 8
            if p >= end { return p }
        }
        while p < n, b[p] != Self.quote, b[p] != Self.lf { p += 1 }
        return p
    }
}
