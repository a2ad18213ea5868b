import Foundation
import ParcheckKit
import XCTest

/// `parcheck.yaml` in a data directory names its plan and period.
final class ManifestTests: XCTestCase {
    func testTheExampleManifestNamesItsPlan() {
        let m = Manifest.read(directory: Fixture.exampleData)
        XCTAssertEqual(try m.get(), Manifest(plan: Fixture.exampleData + "/../../Rules/lam-dong/2025", period: "2025"))
        let run = CheckRun(plan: try! m.get().plan!, data: Fixture.exampleData).run()
        XCTAssertTrue(run.stdout.hasPrefix("parcheck — Kế hoạch cải cách hành chính nhà nước năm 2025 tỉnh Lâm Đồng"))
    }

    func testResolvePrefersExplicitArgumentsThenTheManifest() throws {
        let fromManifest = try CheckRun.resolve(plan: nil, data: Fixture.exampleData, period: nil).get()
        XCTAssertEqual(fromManifest.plan, Fixture.exampleData + "/../../Rules/lam-dong/2025")
        XCTAssertEqual(fromManifest.period, "2025")
        let explicit = try CheckRun.resolve(plan: "p", data: Fixture.exampleData, period: "2025-Q3").get()
        XCTAssertEqual(explicit.plan, "p")
        XCTAssertEqual(explicit.period, "2025-Q3")
    }

    func testMissingManifestIsEmptyAndUnknownKeysAreErrors() throws {
        XCTAssertEqual(try Manifest.read(directory: try Fixture.tempDirectory()).get(), Manifest())
        let dir = try Fixture.write(["parcheck.yaml": "plan: p\nperiode: 2025\n"])
        guard case .failure(let d) = Manifest.read(directory: dir) else { return XCTFail("expected an error") }
        XCTAssertEqual(d.description, "\(dir)/parcheck.yaml:2:1: error: unknown-key: unknown key 'periode' in parcheck.yaml (expected plan, period, previous)")
    }
}
