import Common

/// What a measure produced for one unit, before the expectation and scoring are applied.
public struct Measurement: Sendable {
    public var value: MeasuredValue?
    public var numerator: Double?
    public var denominator: Double?
    /// Violations counted by the measure (dossier rows or Lua findings), reported as findings.
    public var findings: [Finding]
    /// Set when the measure could not be computed (a Lua error): the target is an error, not a failure.
    public var error: Finding?
    /// For `compare:` targets: the value before the change was taken, and the baseline it was compared with.
    public var current: MeasuredValue?
    public var baseline: Double?

    public init(value: MeasuredValue?, numerator: Double? = nil, denominator: Double? = nil,
                findings: [Finding] = [], error: Finding? = nil) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.findings = findings
        self.error = error
    }
}
