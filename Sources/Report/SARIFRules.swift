import Common
import Engine
import Plan

extension SARIFReport {
    /// The rules of a run: every plan target, then one rule per kind of finding that has no target.
    struct Rules {
        var descriptors: [JSONValue] = []
        var index: [String: Int] = [:]

        init(_ r: RunReport) {
            let d = r.plan.document
            let document = "\(d.number), \(isoDate(d.date)), \(d.issuer)"
            for t in r.plan.targets where index[t.id] == nil {
                let help = "\(r.f.t("Mục", "Section")) \(t.citation) — \(document)" + (t.quote.map { "\n“\($0)”" } ?? "")
                add(t.id, title: r.language == .en ? (t.titleEn ?? t.title) : t.title, help: help,
                    level: t.severity, properties: [("area", .string(t.area)), ("citation", .string(t.citation)),
                                                    ("points", .number(t.points))])
            }
            let untargeted = Set(r.findings.filter { $0.targetId == nil }.map(\.kind))
            for kind in FindingKind.allCases where untargeted.contains(kind) {
                let (title, help) = Self.describe(kind, r.f)
                add(Self.ruleId(kind), title: title, help: help, level: .warning, properties: [])
            }
        }

        mutating func add(_ id: String, title: String, help: String, level: DiagnosticSeverity,
                          properties: [(String, JSONValue)]) {
            index[id] = descriptors.count
            descriptors.append(.object([
                ("id", .string(id)), ("name", .string(id)),
                ("shortDescription", .object([("text", .string(title))])),
                ("fullDescription", .object([("text", .string(title))])),
                ("help", .object([("text", .string(help))])),
                ("defaultConfiguration", .object([("level", .string(level.rawValue))])),
                ("properties", .object(properties)),
            ]))
        }

        func id(for f: Finding) -> String { f.targetId ?? Self.ruleId(f.kind) }

        static func ruleId(_ kind: FindingKind) -> String { "parcheck.\(kind.rawValue)" }

        static func describe(_ kind: FindingKind, _ f: HumanFormat) -> (String, String) {
            switch kind {
            case .rejectedRecord:
                (f.t("Bản ghi bị loại theo hợp đồng dữ liệu", "Record rejected by the data contract"),
                 f.t("Hợp đồng dữ liệu v1: mỗi bản ghi được nhận hoặc bị loại, có tệp, dòng, trường và lý do.",
                     "Data contract v1: every record is accepted or rejected with its file, line, field and reason."))
            case .dataQuality:
                (f.t("Chất lượng dữ liệu", "Data quality"),
                 f.t("Hồ sơ được nhận nhưng các ngày không nhất quán.", "An accepted dossier whose dates disagree."))
            case .submission:
                (f.t("Số liệu báo cáo không đúng kế hoạch", "Report does not match the plan"),
                 f.t("Chỉ số kế hoạch khai báo bị thiếu hoặc sai kiểu.", "A declared indicator is missing or malformed."))
            default:
                (kind.rawValue, kind.rawValue)
            }
        }
    }
}
