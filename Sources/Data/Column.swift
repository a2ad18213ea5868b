/// An immutable column of fixed-size values in memory this object owns, so its address never moves: Lua checks
/// read it through a C pointer for the whole evaluation without a copy (a Swift array gives no such guarantee).
public final class Column<Element>: RandomAccessCollection, @unchecked Sendable {
    /// The values; valid as long as the column is alive.
    public let pointer: UnsafePointer<Element>
    /// Number of values.
    public let count: Int

    /// Bytes of `PageMemory` to release, or 0 when the memory came from `allocate`.
    private let mappedBytes: Int

    /// Takes ownership of `buffer` (allocated with `UnsafeMutablePointer.allocate`, fully initialised).
    init(adopting buffer: UnsafeMutablePointer<Element>, count: Int) {
        pointer = UnsafePointer(buffer)
        self.count = count
        mappedBytes = 0
    }

    /// Takes ownership of `PageMemory` of `mappedBytes` whose first `count` values are initialised.
    init(adoptingPages buffer: UnsafeMutablePointer<Element>, count: Int, mappedBytes: Int) {
        pointer = UnsafePointer(buffer)
        self.count = count
        self.mappedBytes = mappedBytes
    }

    /// A column holding a copy of `values`.
    public convenience init(_ values: [Element]) {
        let p = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(1, values.count))
        values.withUnsafeBufferPointer { if let base = $0.baseAddress { p.initialize(from: base, count: $0.count) } }
        self.init(adopting: p, count: values.count)
    }

    /// A column of `count` values written by `fill` into uninitialised memory (it must write every element).
    static func build(count: Int, _ fill: (UnsafeMutablePointer<Element>) -> Void) -> Column {
        let p = UnsafeMutablePointer<Element>.allocate(capacity: Swift.max(1, count))
        fill(p)
        return Column(adopting: p, count: count)
    }

    deinit {
        UnsafeMutablePointer(mutating: pointer).deinitialize(count: count)
        if mappedBytes > 0 {
            PageMemory.release(UnsafeMutableRawPointer(mutating: pointer), bytes: mappedBytes)
        } else {
            UnsafeMutablePointer(mutating: pointer).deallocate()
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// The value at `i` (bounds-checked).
    @inline(__always) public subscript(_ i: Int) -> Element {
        precondition(i >= 0 && i < count, "column index out of range")
        return pointer[i]
    }

    /// The values as a buffer (no copy).
    public var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: pointer, count: count) }
}

extension Column: Equatable where Element: Equatable {
    public static func == (a: Column, b: Column) -> Bool { a.count == b.count && a.elementsEqual(b) }
}

extension Column: Hashable where Element: Hashable {
    public func hash(into h: inout Hasher) {
        h.combine(count)
        for v in self { h.combine(v) }
    }
}
