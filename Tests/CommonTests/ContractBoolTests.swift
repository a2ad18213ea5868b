import Common
import XCTest

/// The contract's bool words, case-insensitive and up to Unicode normalisation.
final class ContractBoolTests: XCTestCase {
    func testEnglishAndDigitWords() {
        for t in ["true", "TRUE", "True", "1", "yes", "YES", "Yes", " true\t"] { XCTAssertEqual(ContractBool.parse(t), true, t) }
        for f in ["false", "FALSE", "0", "no", "No", "\tno "] { XCTAssertEqual(ContractBool.parse(f), false, f) }
    }

    func testVietnameseWordsInAnyCaseAndNormalisation() {
        XCTAssertEqual(ContractBool.parse("có"), true)
        XCTAssertEqual(ContractBool.parse("Có"), true)
        XCTAssertEqual(ContractBool.parse("CÓ"), true)
        XCTAssertEqual(ContractBool.parse("co\u{301}"), true, "decomposed (NFD) có")
        XCTAssertEqual(ContractBool.parse("C\u{0301}O"), nil, "the accent must sit on the o")
        XCTAssertEqual(ContractBool.parse("CO\u{301}"), true)
        XCTAssertEqual(ContractBool.parse("không"), false)
        XCTAssertEqual(ContractBool.parse("KHÔNG"), false)
        XCTAssertEqual(ContractBool.parse("Không"), false)
        XCTAssertEqual(ContractBool.parse("kho\u{302}ng"), false, "decomposed ô")
        XCTAssertEqual(ContractBool.parse(" KHO\u{302}NG "), false)
    }

    func testEverythingElseIsNil() {
        for s in ["", " ", "co", "khong", "y", "n", "t", "f", "2", "-1", "01", "00", "truee", "yess", "có có", "Đúng",
                  "true1", "on", "off", "null", "nil", "0.0", "１"] {
            XCTAssertNil(ContractBool.parse(s), s.debugDescription)
        }
    }

    func testBytesEntryPoint() {
        let yes = Array("Có".utf8), no = Array("0".utf8)
        XCTAssertEqual(yes.withUnsafeBytes { ContractBool.parse(bytes: $0) }, true)
        XCTAssertEqual(no.withUnsafeBytes { ContractBool.parse(bytes: $0) }, false)
        XCTAssertNil([UInt8]().withUnsafeBytes { ContractBool.parse(bytes: $0) })
        let invalid: [UInt8] = [0xC3, 0x28]
        XCTAssertNil(invalid.withUnsafeBytes { ContractBool.parse(bytes: $0) }, "invalid UTF-8 is not a bool")
    }
}
