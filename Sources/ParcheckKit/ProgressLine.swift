import Foundation

/// The progress line of a long run on stderr: one line rewritten in place (`\r`), at most ten times a second, and
/// erased when the run ends, so it never mixes with the report. Only used when stderr is a terminal.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var last = Date.distantPast
    private let language: Language

    init(language: Language) { self.language = language }

    /// Shows a stage ("đang đọc dữ liệu…") at once.
    func stage(vi: String, en: String) { write(language == .en ? en : vi, force: true) }

    /// Units evaluated so far; throttled.
    func units(_ done: Int, of total: Int) {
        let text = language == .en ? "evaluating units: \(done)/\(total)" : "đang đánh giá đơn vị: \(done)/\(total)"
        write(text, force: done == total)
    }

    /// Erases the line.
    func finish() { emit("\r\u{1B}[K") }

    private func write(_ text: String, force: Bool) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard force || now.timeIntervalSince(last) >= 0.1 else { return }
        last = now
        emit("\r\u{1B}[K" + "parcheck: " + text)
    }

    private func emit(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
