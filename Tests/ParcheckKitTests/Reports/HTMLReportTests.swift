import Foundation
import ParcheckKit
import XCTest

/// The HTML report: one self-contained file in Vietnamese, and the template a province can replace.
final class HTMLReportTests: XCTestCase {
    static let html = ReportFixture.run { $0.format = .html }.stdout

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func testReportIsSelfContained() {
        let html = Self.html
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        XCTAssertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\""))
        // Nothing is loaded: no src attribute, and links only within the page or to data: URLs.
        XCTAssertFalse(html.contains(" src="))
        for link in html.components(separatedBy: "href=\"").dropFirst() {
            XCTAssertTrue(link.hasPrefix("#") || link.hasPrefix("data:"), String(link.prefix(40)))
        }
        XCTAssertFalse(html.contains("http://") || html.contains("https://"))
        XCTAssertEqual(count("<script>", in: html), 1)
    }

    func testSummaryRankingBarsAndUnitSectionsAreInVietnamese() {
        let html = Self.html
        XCTAssertTrue(html.contains("<div class=\"big\">79,46</div><div>Chỉ số CCHC bình quân</div>"))
        XCTAssertTrue(html.contains("Kỳ đánh giá: 01/01/2025 – 31/12/2025 (tính đến 31/12/2025)"))
        XCTAssertTrue(html.contains("<h3>Sở, ban, ngành</h3>"))
        XCTAssertTrue(html.contains("<td class=\"num\">83,97</td>"), "Sở Nội vụ's index with a decimal comma")
        XCTAssertTrue(html.contains("<rect class=\"fg\" width=\"84\" height=\"10\"/>"), "SNV's index bar: 83.97 of 100")
        XCTAssertEqual(count("<article class=\"unit\"", in: html), 16)
        XCTAssertEqual(count("<tr data-unit=", in: html), 409, "one filterable row per finding")
        XCTAssertTrue(html.contains("<option value=\"SNNMT\">SNNMT — Sở Nông nghiệp và Môi trường</option>"))
        XCTAssertTrue(html.contains("<option value=\"tthc\">Cải cách thủ tục hành chính</option>"))
        XCTAssertTrue(html.contains("@page { size: A4;"))
        XCTAssertTrue(html.contains(".unit { break-before: page;"))
    }

    func testEnglishOnRequest() {
        let html = ReportFixture.run { $0.format = .html; $0.language = .en }.stdout
        XCTAssertTrue(html.contains("<html lang=\"en\">"))
        XCTAssertTrue(html.contains("<div class=\"big\">79.46</div><div>Average PAR index</div>"))
    }

    func testAProvinceTemplateReplacesTheBundledOne() throws {
        let dir = try Fixture.write(["tinh.mustache": "{{planId}}|{{#groups}}{{title}}:{{#units}}{{rank}}.{{id}}={{index}} {{/units}}|{{/groups}}"])
        let outcome = ReportFixture.run { $0.format = .html; $0.template = dir + "/tinh.mustache" }
        XCTAssertEqual(outcome.exitCode, ExitCode.findings, outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("lam-dong-2025|Sở, ban, ngành:1.SKHCN=87,51 2.STP=85,00 3.SNV=83,97 "), outcome.stdout)
    }

    func testABrokenTemplateIsAnInputErrorAtItsLine() throws {
        let dir = try Fixture.write(["bad.mustache": "<h1>{{title}}</h1>\n{{#groups}}\n<p>{{title}}</p>\n"])
        let outcome = ReportFixture.run { $0.format = .html; $0.template = dir + "/bad.mustache" }
        XCTAssertEqual(outcome.exitCode, ExitCode.invalid)
        XCTAssertTrue(outcome.stderr.hasPrefix("\(dir)/bad.mustache:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains(": error: bad-template: expectedSectionEnd"), outcome.stderr)
    }
}
