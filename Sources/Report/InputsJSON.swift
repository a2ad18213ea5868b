import Common
import Data

/// The `inputs` and `rejected` members shared by the result and metrics documents: nothing read goes unaccounted.
enum InputsJSON {
    static func inputs(_ data: DataSet) -> JSONValue {
        let i = data.inputs
        return .object([
            ("files", .array(data.files.map(JSONValue.string))),
            ("ignored_files", .array(data.ignoredFiles.map(JSONValue.string))),
            ("dossiers", .object([("read", .int(i.dossiersRead)), ("accepted", .int(i.accepted)),
                                  ("rejected", .int(i.rejected))])),
            ("units", .object([("read", .int(i.unitsRead)), ("accepted", .int(i.unitsAccepted)),
                               ("rejected", .int(i.unitsRejected))])),
        ])
    }

    static func rejected(_ data: DataSet) -> JSONValue {
        .array(data.rejected.map { r in
            .object([
                ("file", .string(r.location.file)),
                (r.location.isRecordIndex ? "record" : "line", .int(r.location.line)),
                ("field", .optional(r.fields.first)),
                ("fields", .array(r.fields.map(JSONValue.string))),
                ("reason", .string(r.reason)),
                ("id", .optional(r.id)),
            ])
        })
    }

    static func period(_ p: Period) -> JSONValue {
        .object([("start", .string(isoDate(p.start))), ("end", .string(isoDate(p.end))),
                 ("as_of", .string(instantText(p.asOf)))])
    }

    /// A date-only value as `YYYY-MM-DD`; one with a time as the UTC instant `YYYY-MM-DDTHH:MM:SS[.f]Z`.
    static func instantText(_ v: DateValue) -> String {
        guard v.hasTime else { return isoDate(v.day) }
        let day = v.seconds >= 0 ? v.seconds / 86_400 : (v.seconds - 86_399) / 86_400
        let s = Int(v.seconds - day * 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let fraction = v.fraction.isEmpty ? "" : "." + v.fraction
        return "\(isoDate(DayNumber(day)))T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))\(fraction)Z"
    }

    static func location(_ l: SourceLocation?) -> JSONValue {
        guard let l else { return .null }
        var members: [(String, JSONValue)] = [("file", .string(l.file))]
        members.append((l.isRecordIndex ? "record" : "line", .int(l.line)))
        if l.column > 0 { members.append(("column", .int(l.column))) }
        return .object(members)
    }
}
