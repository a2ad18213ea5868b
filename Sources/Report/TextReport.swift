import Common
import Data
import Engine
import Plan
import Scoring

/// The terminal report of `parcheck check`: header, scoreboard per ranking group, then the findings.
public struct TextReport {
    let evaluation: Evaluation
    let board: Scoreboard
    let data: DataSet
    let f: HumanFormat
    /// How many findings of one kind to print per unit and target before summarising the rest (0 = all).
    let perTarget: Int
    /// Colours for a terminal; off for files and pipes.
    public var palette = Palette.off
    /// Text appended to a finding's line: its waiver or its change since the previous run.
    public var marks: (Finding) -> String = { _ in "" }

    public init(_ evaluation: Evaluation, _ board: Scoreboard, data: DataSet, language: Language, perTarget: Int) {
        self.evaluation = evaluation
        self.board = board
        self.data = data
        self.f = HumanFormat(language: language)
        self.perTarget = perTarget
    }

    public func render() -> String {
        var out = header()
        for group in groups() { out += scoreboard(group.title, group.units) }
        out += FindingsText(findings: evaluation.findings, f: f, perTarget: perTarget, palette: palette, marks: marks).render()
        return out
    }

    private func header() -> String {
        let plan = evaluation.plan
        let d = plan.document
        let p = evaluation.period
        let i = data.inputs
        var out = "parcheck — \(plan.title)\n"
        out += "\(d.number), \(f.date(d.date)), \(d.issuer)\n"
        out += f.t("Kỳ đánh giá", "Period") + ": \(f.date(p.start)) – \(f.date(p.end)) ("
            + f.t("tính đến", "as of") + " \(f.date(p.asOf.day)))\n"
        out += f.t("Dữ liệu", "Data") + ": \(f.count(i.dossiersRead)) " + f.t("hồ sơ đọc", "dossiers read") + ", "
            + "\(f.count(i.accepted)) " + f.t("hợp lệ", "accepted") + ", \(f.count(i.rejected)) "
            + f.t("bị loại", "rejected") + "; \(f.count(i.unitsAccepted)) " + f.t("đơn vị", "units") + "\n"
        if let avg = board.summary.averageIndex {
            out += f.t("Chỉ số CCHC bình quân", "Average PAR index") + ": \(f.decimal(avg)) — "
            out += board.summary.classCounts.map { "\($0.label.text(f.language)) \($0.count)" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    private func groups() -> [(title: String, units: [UnitScore])] {
        var result = evaluation.plan.ranking.map { g in
            (title: g.title, units: board.units.filter { $0.group == g.id }.sorted(by: Self.byRank))
        }
        let ungrouped = board.units.filter { $0.group == nil }
        if !ungrouped.isEmpty { result.append((title: f.t("Đơn vị khác", "Other units"), units: ungrouped)) }
        return result.filter { !$0.units.isEmpty }
    }

    static func byRank(_ a: UnitScore, _ b: UnitScore) -> Bool {
        switch (a.rank, b.rank) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.unitId.utf8.lexicographicallyPrecedes(b.unitId.utf8)
        }
    }

    private func scoreboard(_ title: String, _ units: [UnitScore]) -> String {
        var rows = [[f.t("Hạng", "Rank"), f.t("Mã", "Id"), f.t("Đơn vị", "Unit"), f.t("Điểm", "Points"),
                     f.t("Chỉ số", "Index"), f.t("Xếp loại", "Class"), f.t("Đạt/Không đạt", "Pass/Fail")]]
        for u in units {
            rows.append([u.rank.map(String.init) ?? "–", u.unitId, u.name,
                         "\(f.decimal(u.earned))/\(f.decimal(u.max))", u.index.map { f.fixed($0) } ?? "–",
                         u.classLabel?.text(f.language) ?? "–",
                         "\(u.counts[.pass] ?? 0)/\(u.counts[.fail] ?? 0)" + ((u.counts[.error] ?? 0) > 0
                            ? " (" + f.t("lỗi", "errors") + " \(u.counts[.error] ?? 0))" : "")])
        }
        return "\n" + title.uppercased() + "\n" + Table.render(rows, rightAligned: [0, 3, 4])
    }
}

/// Fixed-width columns measured in characters, so Vietnamese text lines up.
enum Table {
    static func render(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return rightAligned.contains(c) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
