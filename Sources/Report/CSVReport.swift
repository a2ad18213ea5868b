import Common
import Engine
import Plan
import Scoring

/// Spreadsheet files: the scoreboard and the findings, UTF-8 with a byte-order mark so Excel reads Vietnamese text,
/// RFC 4180 quoting, CRLF line ends. Headers and labels follow `--lang`; numbers use a dot and dates are ISO, so a
/// spreadsheet reads them as numbers and dates whatever its locale's list separator.
public enum CSVReport {
    static let bom = "\u{FEFF}"

    public static func scoreboard(_ r: RunReport) -> String {
        let f = r.f
        var header = [f.t("Nhóm xếp hạng", "Ranking group"), f.t("Hạng", "Rank"), f.t("Mã đơn vị", "Unit id"),
                      f.t("Tên đơn vị", "Unit"), f.t("Loại", "Kind"), f.t("Điểm đạt", "Points"),
                      f.t("Điểm tối đa", "Max points"), f.t("Chỉ số", "Index"), f.t("Xếp loại", "Class")]
        if r.comparison != nil {
            header += [f.t("Chỉ số kỳ trước", "Previous index"), f.t("Thay đổi chỉ số", "Index change"),
                       f.t("Hạng kỳ trước", "Previous rank"), f.t("Thay đổi hạng", "Rank change")]
        }
        header += [f.t("Đạt", "Passed"), f.t("Không đạt", "Failed"), f.t("Không áp dụng", "Not applicable"),
                   f.t("Lỗi kiểm tra", "Check errors")]
        for a in r.plan.areas {
            let title = r.language == .en ? (a.titleEn ?? a.title) : a.title
            header += ["\(title) — " + f.t("đạt", "points"), "\(title) — " + f.t("tối đa", "max")]
        }
        var rows = [header.map(Cell.text)]
        for group in r.groups() {
            for u in group.units { rows.append(row(u, group: group.title, r)) }
        }
        return render(rows)
    }

    static func row(_ u: UnitScore, group: String, _ r: RunReport) -> [Cell] {
        var cells: [Cell] = [.text(group), .int(u.rank), .text(u.unitId), .text(u.name), .text(r.f.unitKind(u.kind)),
                             .number(u.earned), .number(u.max), .number(u.index.map { rounded($0) }),
                             .text(u.classLabel?.text(r.language) ?? "")]
        if let c = r.comparison?.change(of: u.unitId) {
            cells += [.number(c.indexBefore.map { rounded($0) }), .number(c.indexChange.map { rounded($0) }),
                      .int(c.rankBefore), .int(c.rankChange)]
        } else if r.comparison != nil {
            cells += [.number(nil), .number(nil), .int(nil), .int(nil)]
        }
        cells += [TargetStatus.pass, .fail, .notApplicable, .error].map { .int(u.counts[$0] ?? 0) }
        for a in u.areas { cells += [.number(a.earned), .number(a.max)] }
        return cells
    }

    public static func findings(_ r: RunReport) -> String {
        let f = r.f
        let header = [f.t("Mã phát hiện", "Finding id"), f.t("Mức độ", "Severity"), f.t("Loại", "Kind"),
                      f.t("Mã đơn vị", "Unit id"), f.t("Tên đơn vị", "Unit"), f.t("Chỉ tiêu", "Target"),
                      f.t("Lĩnh vực", "Area"), f.t("Mục", "Section"), f.t("Hồ sơ", "Dossier"), f.t("Nội dung", "Message"),
                      f.t("Giá trị", "Value"), f.t("Yêu cầu", "Expected"), f.t("Tệp", "File"), f.t("Dòng", "Line"),
                      f.t("Bản ghi", "Record"), f.t("Trạng thái", "Status"), f.t("Miễn trừ", "Waiver"),
                      f.t("So với kỳ trước", "Since previous run"), f.t("Chặn cổng", "Fails gate")]
        let names = Dictionary(r.data.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var rows = [header.map(Cell.text)]
        for x in r.findings {
            let standing = r.waivers.standing(x)
            let waiver = standing.waiver.map { i -> String in
                let w = r.waivers.waivers[i]
                return "\(w.by): \(w.reason) (" + f.t("đến", "until") + " \(isoDate(w.until)))"
            }
            let l = x.location
            rows.append([.text(x.id), .text(f.severity(x.severity)), .text(x.kind.rawValue), .text(x.unitId ?? ""),
                         .text(x.unitId.flatMap { names[$0] } ?? ""), .text(x.targetId ?? ""), .text(r.area(of: x) ?? ""),
                         .text(x.citation ?? ""), .text(x.dossierId ?? ""), .text(x.message.text(r.language)),
                         .text(x.value ?? ""), .text(x.expected ?? ""), .text(l?.file ?? ""),
                         .int(l.flatMap { $0.isRecordIndex ? nil : $0.line }),
                         .int(l.flatMap { $0.isRecordIndex ? $0.line : nil }), .text(f.standing(standing)),
                         .text(waiver ?? ""),
                         .text(r.comparison.map { $0.isNew(x) ? f.t("mới", "new") : f.t("còn tồn tại", "persisting") } ?? ""),
                         .text(r.fails(x) ? f.t("có", "yes") : f.t("không", "no"))])
        }
        return render(rows)
    }

    /// Index and changes to two decimals, as the other reports show them.
    static func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    static func render(_ rows: [[Cell]]) -> String {
        bom + rows.map { $0.map(\.csv).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field: text is quoted when needed and defused against formula injection; numbers are machine form.
    enum Cell {
        case text(String)
        case number(Double?)
        case int(Int?)

        var csv: String {
            switch self {
            case .number(let x): return x.map(NumberText.machine) ?? ""
            case .int(let i): return i.map(String.init) ?? ""
            case .text(var s):
                // A cell that starts like a formula would run in a spreadsheet: a leading apostrophe keeps it text.
                if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
                guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
                return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
        }
    }
}
