import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParcheckKit
import XCTest

/// JUnit XML: read back with Foundation's XML parser, one case per (unit, target), failures exactly where the gate fails.
final class JUnitReportTests: XCTestCase {
    /// Elements in document order with their attributes and the text directly inside them.
    final class Reader: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String], text: String)] = []
        var stack: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) {
            elements.append((name, attributes, ""))
            stack.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let i = stack.last { elements[i].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
    }

    func read(_ xml: String) throws -> Reader {
        let reader = Reader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        return reader
    }

    func testJUnitParsesAndCountsAgree() throws {
        let xml = ReportFixture.run { $0.format = .junit }.stdout
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "))
        let reader = try read(xml)
        let root = try XCTUnwrap(reader.elements.first)
        XCTAssertEqual(root.name, "testsuites")
        let cases = reader.elements.filter { $0.name == "testcase" }
        let failures = reader.elements.filter { $0.name == "failure" }.count
        XCTAssertEqual(root.attributes["tests"], "\(cases.count)")
        XCTAssertEqual(root.attributes["failures"], "\(failures)")
        XCTAssertEqual(root.attributes["skipped"], "\(reader.elements.filter { $0.name == "skipped" }.count)")
        let suites = reader.elements.filter { $0.name == "testsuite" }
        XCTAssertEqual(suites.count, 17, "16 units and the input data (two rejected records)")
        // Every unit has one case per plan target (63) plus one per kind of untargeted finding.
        let snv = cases.filter { $0.attributes["classname"] == "SNV" }
        XCTAssertEqual(snv.count, 63)
        let onTime = try XCTUnwrap(reader.elements.firstIndex {
            $0.name == "testcase" && $0.attributes["classname"] == "SNNMT" && $0.attributes["name"]?.hasPrefix("tthc.on_time — ") == true
        })
        let failure = reader.elements[onTime + 1]
        XCTAssertEqual(failure.name, "failure")
        XCTAssertEqual(failure.attributes["type"], "error")
        XCTAssertTrue(failure.text.hasPrefix("[error] Tối thiểu 98% hồ sơ TTHC được giải quyết đúng hạn: đạt "), failure.text)
    }

    func testFailuresFollowTheGate() throws {
        let never = try read(ReportFixture.run { $0.format = .junit; $0.failOn = .never }.stdout)
        XCTAssertEqual(never.elements.first?.attributes["failures"], "0", "with --fail-on never nothing fails")
        let warning = try read(ReportFixture.run { $0.format = .junit; $0.failOn = .warning }.stdout)
        let error = try read(ReportFixture.run { $0.format = .junit }.stdout)
        XCTAssertGreaterThan(Int(warning.elements[0].attributes["failures"]!)!, Int(error.elements[0].attributes["failures"]!)!)
    }
}
