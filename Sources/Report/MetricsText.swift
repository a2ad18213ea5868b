import Common
import Data
import Engine

/// `parcheck metrics --format text`: one row per unit, rates as Vietnamese percentages.
public enum MetricsText {
    public static func render(_ data: DataSet, _ report: MetricsReport, period: Period, language: Language) -> String {
        let f = HumanFormat(language: language)
        let short = ["on_time_rate": "đúng hạn", "online_rate": "trực tuyến", "fully_online_rate": "toàn trình",
                     "digitization_rate": "số hóa", "e_result_rate": "KQ điện tử", "reuse_rate": "tái sử dụng",
                     "online_payment_rate": "TT trực tuyến", "portal_sync_rate": "đồng bộ", "satisfaction_rate": "hài lòng"]
        var rows = [[f.t("Mã", "Id"), f.t("Hồ sơ", "Dossiers")]
                    + MetricName.allCases.map { language == .vi ? short[$0.rawValue] ?? $0.rawValue : $0.rawValue }]
        func row(_ id: String, _ m: UnitMetrics) -> [String] {
            [id, f.count(m.received)] + MetricName.allCases.map { n in m.ratios[n]?.value.map { f.percent($0) } ?? "–" }
        }
        for (i, unit) in data.units.enumerated() { rows.append(row(unit.id, report.perUnit[i])) }
        rows.append(row(f.t("TỔNG", "TOTAL"), report.total))
        let header = f.t("Kỳ", "Period") + ": \(f.date(period.start)) – \(f.date(period.end)); "
            + "\(f.count(data.inputs.accepted))/\(f.count(data.inputs.dossiersRead)) " + f.t("hồ sơ hợp lệ", "dossiers accepted") + "\n"
        return header + Table.render(rows, rightAligned: Set(1...10))
    }
}
