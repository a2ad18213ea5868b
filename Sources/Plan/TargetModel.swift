import Common

/// One target (chỉ tiêu) of the plan: what is measured, what is expected, how it scores.
public struct TargetSpec: Sendable, Hashable {
    /// Unique id, `[a-z0-9_.-]+`.
    public var id: String
    /// The area's id.
    public var area: String
    /// Vietnamese title.
    public var title: String
    /// English title.
    public var titleEn: String?
    /// The plan's section the target comes from, e.g. `I.2.a`.
    public var citation: String
    /// The plan's sentence, verbatim.
    public var quote: String?
    /// Unit kinds the target applies to (default: the assessed kinds).
    public var appliesTo: [UnitKind]
    /// Roles the target is assigned to (`assigned_to`, đơn vị chủ trì): when set, only units holding one of them
    /// are assessed on it — and for them a missing report is a failure like any other.
    public var assignedTo: [String] = []
    /// What is measured.
    public var measure: Measure
    /// Free parameters handed to Lua checks as `ctx.params`.
    public var params: ParamValue?
    /// Thresholds. Always set on a loaded target: violations default to `== 0`, every other measure requires `expect`.
    public var expect: ExpectationSet?
    /// What a missing value means.
    public var whenMissing: MissingPolicy
    /// How serious a failure is: `error`, `warning`, or `info` (read as `.note`).
    public var severity: DiagnosticSeverity
    /// Maximum points (≥ 0; 0 = reported but not scored).
    public var points: Double
    /// How points are earned.
    public var scoring: ScoringRule
    /// When set, the expectation and scoring apply to the change against this baseline.
    public var compare: Comparison?
    /// The target's mapping.
    public var location: SourceLocation
    /// The `measure` mapping.
    public var measureLocation: SourceLocation
    /// Dated thresholds (`expect:` as a list of `{from, until, value, source}`); empty when `expect` is not dated.
    public var expectSchedule: [InForce<ExpectationSet>] = []
    /// Dated points; empty when `points` is not dated.
    public var pointsSchedule: [InForce<Double>] = []
    /// The document that set the threshold in force, when it is not the plan's own.
    public var expectSource: String?
    /// The template the target was made from (`template:`), if any.
    public var template: String?
    /// Where each key of the target was written, in key order: the plan file or a layer it extends.
    public var origins: [KeyOrigin] = []

    /// Makes a target (plans are normally loaded with `PlanLoader`; this is for tests and tools).
    public init(id: String, area: String, title: String, titleEn: String? = nil, citation: String, quote: String? = nil,
                appliesTo: [UnitKind], measure: Measure, params: ParamValue? = nil, expect: ExpectationSet?,
                whenMissing: MissingPolicy, severity: DiagnosticSeverity = .error, points: Double,
                scoring: ScoringRule = .passFail, compare: Comparison? = nil, location: SourceLocation,
                measureLocation: SourceLocation? = nil) {
        self.compare = compare
        self.id = id
        self.area = area
        self.title = title
        self.titleEn = titleEn
        self.citation = citation
        self.quote = quote
        self.appliesTo = appliesTo
        self.measure = measure
        self.params = params
        self.expect = expect
        self.whenMissing = whenMissing
        self.severity = severity
        self.points = points
        self.scoring = scoring
        self.location = location
        self.measureLocation = measureLocation ?? location
    }
}

/// What a target measures for a unit.
public enum Measure: Sendable, Hashable {
    /// One of the contract's standard dossier metrics (a fraction 0…1).
    case metric(MetricName)
    /// An indicator the unit reports.
    case indicator(String)
    /// numerator ÷ denominator of two reported numeric indicators.
    case ratio(numerator: String, denominator: String)
    /// The number of dossiers with a contract violation.
    case violations(ViolationKind)
    /// A Lua check script, path relative to the plan file (key of `Plan.scripts`).
    case check(path: String)
    /// The date of the document a unit reports as evidence of an indicator (an appendix task's product);
    /// no value unless both the document number and its date are reported.
    case evidence(String)

    /// The measure's key in the plan file.
    public var key: String {
        switch self {
        case .metric: "metric"
        case .indicator: "indicator"
        case .ratio: "ratio"
        case .violations: "violations"
        case .check: "check"
        case .evidence: "evidence"
        }
    }
}

/// A comparison with an earlier figure ("so với năm 2024", "so với năm 2021"): the target then judges the change.
public struct Comparison: Sendable, Hashable {
    /// How the change is measured.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// value − baseline (e.g. the on-time rate rose by 0.5 points: 0.005).
        case difference
        /// (value − baseline) ÷ baseline (e.g. public service units cut by 10%: −0.10); none when the baseline is 0.
        case relative
    }
    /// Where the earlier figure comes from.
    public enum Source: Sendable, Hashable {
        /// A numeric indicator the unit reports (`baseline: psu_count_2021`).
        case indicator(String)
        /// The same unit's value of a target in a previous parcheck result (`previous: tthc.on_time`, given with
        /// `--previous FILE` or the manifest's `previous:`).
        case previous(target: String)
    }
    public var source: Source
    public var mode: Mode
    public var location: SourceLocation

    /// The indicator name, or `previous:TARGET`, for messages and traces.
    public var baseline: String {
        switch source {
        case .indicator(let name): name
        case .previous(let target): "previous:" + target
        }
    }

    public init(source: Source, mode: Mode, location: SourceLocation) {
        self.source = source
        self.mode = mode
        self.location = location
    }

    /// A comparison with an indicator.
    public init(baseline: String, mode: Mode, location: SourceLocation) {
        self.init(source: .indicator(baseline), mode: mode, location: location)
    }
}

/// What a target does when the unit has no value (no dossiers, indicator not reported).
public enum MissingPolicy: String, Sendable, Hashable, CaseIterable {
    /// The target fails.
    case fail
    /// The target does not apply and is left out of the score.
    case notApplicable = "not_applicable"
}

/// How a target earns its points.
public enum ScoringRule: Sendable, Hashable {
    /// All points when the expectation holds, none otherwise.
    case passFail
    /// Points in proportion to how close the value gets to the threshold, capped at all points.
    case proportional
    /// The points of the first band whose `when` holds (bands listed best first); none when no band holds.
    case bands([Band])
    /// All points minus `per` for each violation or finding, never below `floor`.
    case deduction(per: Double, floor: Double)
}

/// A scoring band: `points` when `when` holds.
public struct Band: Sendable, Hashable {
    /// The condition, parsed like `expect`.
    public var when: Expectation
    /// Points earned.
    public var points: Double

    /// Makes a band.
    public init(when: Expectation, points: Double) {
        self.when = when
        self.points = points
    }
}

/// Where a key of a target was written — which layer set the value.
public struct KeyOrigin: Sendable, Hashable {
    /// The key, e.g. `expect`.
    public var key: String
    /// The key's location: its file is the layer (plan file, extended plan, or library) that set it.
    public var location: SourceLocation

    public init(key: String, location: SourceLocation) {
        self.key = key
        self.location = location
    }
}
