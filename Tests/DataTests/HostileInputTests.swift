import Common
@testable import Data
import XCTest

/// Random and malformed input never crashes, and every record is still accounted for.
final class HostileInputTests: XCTestCase {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    func testRandomCSVKeepsReadEqualAcceptedPlusRejected() throws {
        var rng = Rng(state: 42)
        let pieces = ["A1", "U1", "U2", "2025-01-02", "1/2/2025", "online", ",", ",", ",", "\"", "\"\"", "\n", "\r\n", "\r",
                      " ", "\t", "có", "x", "2025-01-02T10:00Z"]
        for round in 0..<200 {
            var text = minimalHeader + "\n"
            for _ in 0..<Int(rng.next() % 60) { text += rng.pick(pieces) }
            let f = Fixture()
            let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", text), "round \(round)")
            data.assertCountsConsistent()
            let lines = text.utf8.filter { $0 == 0x0A }.count + 1
            for r in data.rejected { XCTAssertTrue((2...lines).contains(r.location.line), "round \(round): \(r)") }
        }
    }

    func testRandomJSONNeverCrashes() {
        var rng = Rng(state: 7)
        let pieces = ["{", "}", "[", "]", ",", ":", "\"", "\"id\"", "1", "-", "e", ".", "true", "nul", "\\", "\\u", "d83d",
                      " ", "\n", "\"a\"", "0"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(rng.next() % 40) { text += rng.pick(pieces) }
            let bytes = Array(text.utf8)
            bytes.withUnsafeBytes { buffer in
                var reader = JSONReader(buffer)
                _ = try? reader.value()
            }
        }
    }

    func testRandomBytesAsDatesAndBools() {
        var rng = Rng(state: 99)
        let alphabet: [UInt8] = Array("0123456789-/:T Z+.\t".utf8) + [0xC3, 0xB3, 0xFF, 0x00]
        var accepted = 0
        for _ in 0..<20_000 {
            let bytes = (0..<Int(rng.next() % 30)).map { _ in rng.pick(alphabet) }
            let d = bytes.withUnsafeBytes { DateValue.parse(bytes: $0) }
            if let d {
                accepted += 1
                XCTAssertEqual(DateValue.compare(d, d), 0)
            }
            _ = bytes.withUnsafeBytes { ContractBool.parse(bytes: $0) }
        }
        XCTAssertLessThan(accepted, 20_000)
    }

    func testInvalidUTF8IsDetected() {
        XCTAssertNil(FileIO.firstInvalidUTF8(Array("Sở Tư pháp 😀".utf8)))
        XCTAssertEqual(FileIO.firstInvalidUTF8([0x41, 0xE0, 0x80, 0x80]), 1, "overlong")
        XCTAssertEqual(FileIO.firstInvalidUTF8([0xED, 0xA0, 0x80]), 0, "surrogate")
        XCTAssertEqual(FileIO.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]), 0, "beyond U+10FFFF")
        XCTAssertEqual(FileIO.firstInvalidUTF8([0x41, 0xC3]), 1, "truncated")
    }
}
