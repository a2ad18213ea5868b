import Foundation

/// Large column memory straight from the kernel: reserved for an upper bound of rows, but only the pages
/// written are ever backed (untouched capacity costs nothing), and asked for as huge pages.
///
/// Why: on this kind of machine, first-touching fresh memory (kernel page zeroing and faults) was up to a
/// third of loading a province file when the store was built in chunk buffers and then copied into columns;
/// rows are now written once, in place.
enum PageMemory {
    static let hugePage = 2 << 20

    /// `bytes` of zeroed, lazily backed memory (at least one page).
    static func reserve(bytes: Int) -> UnsafeMutableRawPointer {
        let size = max(bytes, 1)
        guard let p = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              p != MAP_FAILED else { fatalError("out of address space reserving \(size) bytes") }
        if size >= hugePage { madvise(p, size, MADV_HUGEPAGE) }
        return p
    }

    static func release(_ p: UnsafeMutableRawPointer, bytes: Int) { munmap(p, max(bytes, 1)) }
}
