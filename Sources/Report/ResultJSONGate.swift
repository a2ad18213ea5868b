import Common
import Data
import Engine

extension ResultJSON {
    /// The members the gate adds to each finding of the result: its waiver and change since the previous run
    /// (documented in Rules/schema/result.schema.json, like the top-level `gate`, `waivers` and `comparison`).
    static func decorate(_ f: Finding, _ r: RunReport, _ out: inout JSONStream) {
        let standing = r.waivers.standing(f)
        let status: String
        switch standing {
        case .open: status = "open"
        case .waived: status = "waived"
        case .expired: status = "waiver_expired"
        }
        out.member("status", status)
        out.key("waiver")
        out.int(standing.waiver)
        out.member("change", r.comparison.map { $0.isNew(f) ? "new" : "persisting" })
        out.key("fails_gate")
        out.bool(r.fails(f))
    }

    static func gate(_ r: RunReport) -> JSONValue {
        .object([
            ("fail_on", .string(r.gate.policyName)),
            ("passed", .bool(r.gate.passed)),
            ("failing", .int(r.gate.failing.count)),
            ("waived", .int(r.waivers.waivedCount)),
            ("waiver_expired", .int(r.waivers.expiredCount)),
        ])
    }

    static func waivers(_ r: RunReport) -> JSONValue {
        let w = r.waivers
        guard !w.waivers.isEmpty || w.file != nil else { return .null }
        return .object([
            ("file", .optional(w.file)),
            ("judged_on", .string(isoDate(w.today))),
            ("entries", .array(w.waivers.indices.map { i in
                let x = w.waivers[i]
                return .object([
                    ("id", .optional(x.id)), ("line", .int(x.location.line)),
                    ("target", .optional(x.target)), ("unit", .optional(x.unit)), ("dossier", .optional(x.dossier)),
                    ("finding", .optional(x.finding)), ("by", .string(x.by)), ("reason", .string(x.reason)),
                    ("until", .string(isoDate(x.until))), ("state", .string(w.state(i).rawValue)),
                    ("matched", .int(w.matched[i])),
                ])
            })),
        ])
    }

    static func comparison(_ c: RunComparison, _ r: RunReport) -> JSONValue {
        let p = c.previous.result
        return .object([
            ("previous", .object([("file", .string(p.file)), ("plan", .string(p.planId)), ("period", .string(p.period))])),
            ("findings", .object([("new", .int(c.newIds.count)), ("persisting", .int(c.persisting)),
                                  ("resolved", .int(c.resolved.count))])),
            ("resolved", .array(c.resolved.map { x in
                .object([("id", .string(x.id)), ("kind", .string(x.kind)), ("severity", .string(x.severity)),
                         ("target", .optional(x.target)), ("unit", .optional(x.unit)), ("dossier", .optional(x.dossier)),
                         ("message", .string(x.message)), ("citation", .optional(x.citation))])
            })),
            ("units", .array(c.units.map { u in
                .object([("id", .string(u.unitId)), ("present_before", .bool(u.wasPresent)),
                         ("index_before", .optional(u.indexBefore)), ("index", .optional(u.indexNow)),
                         ("index_change", .optional(u.indexChange)),
                         ("rank_before", .optional(u.rankBefore)), ("rank", .optional(u.rankNow)),
                         ("rank_change", .optional(u.rankChange))])
            })),
        ])
    }
}
