import Common
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A column of optional strings stored as spans into one byte buffer (no `String` per value).
public struct StringColumn: Sendable, Hashable {
    /// All values' UTF-8 bytes, back to back.
    public let bytes: Column<UInt8>
    /// Start of each row's value in `bytes`.
    public let offsets: Column<Int64>
    /// Length of each row's value; -1 when the value is absent.
    public let lengths: Column<Int32>

    /// Makes a column from its parts (all indexed by row except `bytes`).
    public init(bytes: Column<UInt8>, offsets: Column<Int64>, lengths: Column<Int32>) {
        self.bytes = bytes; self.offsets = offsets; self.lengths = lengths
    }

    /// An empty column.
    public init() { self.init(bytes: Column([]), offsets: Column([]), lengths: Column([])) }

    /// Number of rows.
    public var count: Int { lengths.count }

    /// The row's bytes, nil when absent or out of range; valid while the column is alive.
    @inline(__always) public func span(_ row: Int) -> UnsafeRawBufferPointer? {
        guard row >= 0, row < lengths.count, lengths.pointer[row] >= 0 else { return nil }
        return UnsafeRawBufferPointer(start: bytes.pointer + Int(offsets.pointer[row]), count: Int(lengths.pointer[row]))
    }

    /// The row's value, nil when absent or the row is out of range.
    public func string(_ row: Int) -> String? { span(row).map { String(decoding: $0, as: UTF8.self) } }

    /// Byte-wise order of two rows' values (absent sorts first); -1, 0 or 1.
    public func compare(_ a: Int, _ b: Int) -> Int {
        switch (span(a), span(b)) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case let (x?, y?): return compareBytes(x, y)
        }
    }
}

/// Byte-wise order of two byte strings; -1, 0 or 1.
@inline(__always) func compareBytes(_ x: UnsafeRawBufferPointer, _ y: UnsafeRawBufferPointer) -> Int {
    let n = min(x.count, y.count)
    if n > 0, let px = x.baseAddress, let py = y.baseAddress {
        let c = memcmp(px, py, n)
        if c != 0 { return c < 0 ? -1 : 1 }
    }
    return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
}

/// A column of values drawn from few distinct strings (`procedure_id`, `field`): one code per row into a
/// dictionary, so a row costs 4 bytes and a Lua read pushes a dictionary entry.
public struct CodedColumn: Sendable, Hashable {
    /// Per row: index into `values`; 0 means absent.
    public let codes: Column<UInt32>
    /// The distinct values; entry 0 is absent.
    public let values: StringColumn

    /// Makes a column from codes and their dictionary.
    public init(codes: Column<UInt32>, values: StringColumn) { self.codes = codes; self.values = values }

    /// Number of rows.
    public var count: Int { codes.count }

    /// The row's value, nil when absent or the row is out of range.
    public func string(_ row: Int) -> String? {
        guard row >= 0, row < codes.count else { return nil }
        return values.string(Int(codes.pointer[row]))
    }
}

/// One of the eight contract flags of every row, read as 0 or 1 from the shared bit column.
public struct FlagColumn: RandomAccessCollection, Sendable {
    /// Bit `k` of a row's byte is flag `DossierFlags` k.
    public let bits: Column<UInt8>
    /// This flag's bit.
    public let mask: UInt8

    public var startIndex: Int { 0 }
    public var endIndex: Int { bits.count }

    /// 1 when the flag is true, else 0.
    @inline(__always) public subscript(_ row: Int) -> UInt8 { bits[row] & mask != 0 ? 1 : 0 }
}

/// Bit of each flag in `DossierStore.flags`, in the contract's order.
public enum DossierFlags {
    /// `fully_online`, `digitized`, `e_result`.
    public static let fullyOnline: UInt8 = 1 << 0, digitized: UInt8 = 1 << 1, eResult: UInt8 = 1 << 2
    /// `data_reused`, `fee_required`, `paid_online`.
    public static let dataReused: UInt8 = 1 << 3, feeRequired: UInt8 = 1 << 4, paidOnline: UInt8 = 1 << 5
    /// `synced_to_portal`, `apology_issued`.
    public static let synced: UInt8 = 1 << 6, apology: UInt8 = 1 << 7
}
