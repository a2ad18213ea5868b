import Foundation
import XCTest
import Common
import Plan

/// Plan texts and a scratch directory for the plan tests.
enum Fixture {
    /// A complete plan using every section; line numbers matter to the tests that read it.
    static let fullPlan = """
    parcheck: plan/1
    id: lam-dong-2025
    title: Kế hoạch cải cách hành chính nhà nước năm 2025 tỉnh Lâm Đồng
    document: {number: 213/KH-UBND, date: 2025-07-15, issuer: UBND tỉnh Lâm Đồng, year: 2025, source: "https://example.vn/213", note: "Phụ lục ghi 258/KH-UBND"}
    period: 2025
    periods:
      q3: {start: 2025-06-14, end: 2025-09-10, as_of: 15/9/2025, title: Báo cáo quý III}
      h1: 2025-H1
    assessed_kinds: [department, commune, ward, special_zone]
    indicators:
      - {name: cchc_plan_date, type: date, title: Ngày ban hành kế hoạch CCHC, kinds: [department, commune], required: true, evidence: true}
      - {name: psu_2021, type: count}
      - {name: psu_now, type: count}
    areas:
      - {id: chi_dao, title: "Công tác chỉ đạo, điều hành", max: 1}
      - {id: tthc, title: Cải cách thủ tục hành chính, title_en: Administrative procedures, max: 5.5}
      - {id: bo_may, title: Cải cách tổ chức bộ máy}
    targets:
      - id: tthc.on_time
        area: tthc
        title: Tối thiểu 98% hồ sơ TTHC được giải quyết đúng hạn
        title_en: At least 98% of dossiers resolved on time
        citation: I.2.a
        quote: "Tối thiểu 98% hồ sơ TTHC tiếp nhận trong năm được giải quyết đúng hạn."
        applies_to: [department, commune]
        measure: {metric: on_time_rate}
        expect: ">= 98%"
        severity: warning
        points: 2
        scoring: {bands: [{when: ">= 98%", points: 2}, {when: ">= 95%", points: 1}]}
      - id: tthc.apology
        area: tthc
        title: 100% hồ sơ trễ hạn có văn bản xin lỗi
        citation: I.2.a
        measure: {violations: late_without_apology}
        points: 1.5
        scoring: {deduct: 0.5}
      - id: tthc.digitized
        area: tthc
        title: Số hóa hồ sơ theo cấp
        citation: I.6.a
        measure: {metric: digitization_rate}
        expect: {default: ">= 30%", department: ">= 60,5%"}
        when_missing: fail
        points: 1
        scoring: proportional
      - id: tthc.backlog
        area: tthc
        title: Không tồn đọng hồ sơ quá hạn
        citation: I.2.b
        measure: {check: checks/backlog.lua}
        params: {max_days: 30, fields: [dat_dai, xay_dung], strict: true, label: "x", none: ~}
        expect: == 0
        points: 1
      - id: chi_dao.plan_date
        area: chi_dao
        title: Ban hành kế hoạch CCHC chậm nhất ngày 30/7/2025
        citation: II.1.a
        applies_to: [department, commune]
        measure: {indicator: cchc_plan_date}
        expect: <= 30/7/2025
        severity: info
        points: 1
      - id: bo_may.psu
        area: bo_may
        title: Giảm 10% số ĐVSNCL so với năm 2021
        citation: I.3.a
        applies_to: [department]
        measure: {ratio: {numerator: psu_now, denominator: psu_2021}}
        expect: <= 0.9
    classification:
      - {min: 90, label: Tốt, label_en: Excellent}
      - {min: 80, label: Khá, label_en: Good}
      - {min: 0, label: Yếu}
    ranking:
      - {id: departments, title: "Sở, ban, ngành", kinds: [department]}
      - {id: localities, title: "Xã, phường, đặc khu", kinds: [commune, ward, special_zone]}
    budgets: {instructions: 20000000, memory_mb: 64}

    """

    static let backlogScript = "return function(ctx) return 0 end\n"

    /// The lines of `fullPlan` with `edit` applied to each (for one-line mutations).
    static func fullPlan(replacing old: String, with new: String) -> String {
        precondition(fullPlan.contains(old), "fixture has no '\(old)'")
        return fullPlan.replacingOccurrences(of: old, with: new)
    }
}

extension XCTestCase {
    /// A fresh directory holding `files` (relative path → text), removed after the test.
    func scratchDirectory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plantests-\(UUID().uuidString)").path
        for (path, text) in files {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    /// Loads `plan` (with the backlog script beside it) and returns the result plus the plan file's path.
    func loadPlan(_ plan: String, extra: [String: String] = [:]) throws -> (plan: Plan?, diagnostics: [Diagnostic], file: String) {
        var files = ["plan.yaml": plan, "checks/backlog.lua": Fixture.backlogScript]
        files.merge(extra) { $1 }
        let dir = try scratchDirectory(files)
        let result = PlanLoader.load(path: dir)
        return (result.plan, result.diagnostics, dir + "/plan.yaml")
    }
}

extension Array where Element == Diagnostic {
    /// `line:col code` of each diagnostic, for compact exact assertions.
    var brief: [String] { map { "\($0.location.line):\($0.location.column) \($0.code)" } }
    /// Only errors.
    var errors: [Diagnostic] { filter { $0.severity == .error } }
}
