import Common
import Engine
import Plan

extension Explanation {
    /// The explanation as versioned JSON (`parcheck.explain/1`).
    public func json(language: Language) -> JSONValue {
        .object([
            ("schema", .string("parcheck.explain/1")),
            ("plan", .object([("id", .string(plan.id)), ("file", .string(plan.file)),
                              ("layers", .array(plan.layers.map(JSONValue.string)))])),
            ("period", .object([("start", .string(isoDate(period.start))), ("end", .string(isoDate(period.end)))])),
            ("target", targetJSON()),
            ("units", .array(traces.map { traceJSON($0, language) })),
        ])
    }

    func targetJSON() -> JSONValue {
        let t = inForce ?? target
        return .object([
            ("id", .string(t.id)), ("area", .string(t.area)), ("title", .string(t.title)),
            ("title_en", .optional(t.titleEn)), ("citation", .string(t.citation)), ("quote", .optional(t.quote)),
            ("template", .optional(t.template)),
            ("measure", .string(Self.describe(t.measure))),
            ("compare", t.compare.map { .object([("baseline", .string($0.baseline)), ("as", .string($0.mode.rawValue))]) } ?? .null),
            ("applies_to", .array(t.appliesTo.map { .string($0.rawValue) })),
            ("in_force", .bool(inForce != nil)),
            ("expect", .optional(Self.describe(inForce?.expect))),
            ("expect_source", .optional(inForce?.expectSource)),
            ("expect_schedule", .array(target.expectSchedule.map { e in
                .object([("from", .optional(e.from.map(isoDate))), ("until", .optional(e.until.map(isoDate))),
                         ("value", .optional(Self.describe(e.value))), ("source", .optional(e.source)),
                         ("location", .string(Self.place(e.location)))])
            })),
            ("points", .number(t.points)), ("scoring", .string(Self.describe(t.scoring))),
            ("when_missing", .string(t.whenMissing.rawValue)), ("severity", .string(t.severity.rawValue)),
            ("set_by", .object(target.origins.map { ($0.key, .string(Self.place($0.location))) })),
        ])
    }

    func traceJSON(_ trace: UnitTrace, _ language: Language) -> JSONValue {
        let r = trace.result
        return .object([
            ("unit", .string(trace.unit.id)), ("name", .string(trace.unit.name)), ("kind", .string(trace.unit.kind.rawValue)),
            ("status", .string(r.status.rawValue)), ("value", r.value.map(ResultJSON.value) ?? .null),
            ("numerator", .optional(r.numerator)), ("denominator", .optional(r.denominator)),
            ("current", r.current.map(ResultJSON.value) ?? .null), ("baseline", .optional(r.baseline)),
            ("expected", .optional(r.expected)), ("expected_source", .optional(r.expectedSource)),
            ("band", .optional(r.band)), ("earned", .number(r.earned)), ("max", .number(r.max)),
            ("findings", .array(trace.findings.map { ResultJSON.finding($0, language) })),
        ])
    }
}
