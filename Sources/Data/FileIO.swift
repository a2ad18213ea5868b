import Common
import Foundation

/// A data file's bytes: memory-mapped (read-only) when possible, else read into memory (e.g. a pipe).
///
/// Why mapped: reading through `FileManager.contents` made two whole-file copies (Data, then [UInt8]), which
/// was most of the peak memory and a quarter of the load time of a province file. Parts already parsed are
/// handed back with `release`, so the resident size stays near the chunks being read, not the file.
final class FileBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    private init(bytes: UnsafeRawBufferPointer, mapped: Bool) {
        self.bytes = bytes
        self.mapped = mapped
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) } else { base.deallocate() }
    }

    /// The file's bytes, or a `read-error` diagnostic.
    static func open(_ path: String) -> Result<FileBytes, Diagnostic> {
        let failure = Diagnostic(SourceLocation(file: path, line: 0), code: "read-error", "cannot read the file")
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(failure) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            let size = Int(info.st_size)
            if size == 0 { return .success(FileBytes(bytes: UnsafeRawBufferPointer(start: nil, count: 0), mapped: false)) }
            if let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED {
                return .success(FileBytes(bytes: UnsafeRawBufferPointer(start: p, count: size), mapped: true))
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(failure) }
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(1, data.count), alignment: 16)
        data.copyBytes(to: p.assumingMemoryBound(to: UInt8.self), count: data.count)
        return .success(FileBytes(bytes: UnsafeRawBufferPointer(start: p, count: data.count), mapped: false))
    }

    /// Drops the resident pages wholly inside `from..<to` (they are re-read from the page cache if touched again).
    func release(from: Int, to: Int) {
        guard mapped, let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let lo = (from + page - 1) / page * page, hi = to / page * page
        guard hi > lo else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + lo), hi - lo, MADV_DONTNEED)
    }

    /// A `bad-encoding` diagnostic naming the line of byte `offset`.
    func badEncoding(at offset: Int, path: String) -> Diagnostic {
        var line = 1
        for i in 0..<offset where bytes[i] == 0x0A { line += 1 }
        let message = offset == 0 ? utf16Message(path) : nil
        return Diagnostic(SourceLocation(file: path, line: line), code: "bad-encoding",
                          message ?? "the file is not UTF-8 (invalid byte 0x\(String(bytes[offset], radix: 16)))")
    }

    /// What to tell a clerk whose file starts with a UTF-16 byte-order mark (Excel's "Unicode Text" export): an
    /// invalid byte alone does not say which setting to change. Nil when the file has no such mark.
    private func utf16Message(_ path: String) -> String? {
        guard bytes.count >= 2 else { return nil }
        let mark: String
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): mark = "FF FE"
        case (0xFE, 0xFF): mark = "FE FF"
        default: return nil
        }
        let format = DataLoader.fileExtension(path) == "csv" ? "\"CSV UTF-8 (Comma delimited)\"" : "UTF-8"
        return "the file is UTF-16 (byte-order mark \(mark)), not UTF-8; save it as \(format)"
    }

    /// 3 when the file starts with a UTF-8 BOM, else 0.
    var bomLength: Int { bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0 }
}
