/// What an earlier parcheck run decided (its `parcheck.result/1` file), read back as the baseline of
/// `compare: {previous: TARGET}` targets ("so với năm 2024") and of run-to-run comparisons.
public struct PreviousResult: Sendable {
    /// One unit's figures in the earlier run.
    public struct UnitFigures: Sendable {
        /// Numeric target values by target id (targets whose value was not a number are absent).
        public var values: [String: Double]
        /// The unit's index (Chỉ số CCHC), when it was scored.
        public var index: Double?
        /// The unit's rank in its group, when it was ranked.
        public var rank: Int?

        public init(values: [String: Double], index: Double?, rank: Int?) {
            self.values = values
            self.index = index
            self.rank = rank
        }
    }

    /// The file it was read from, for messages.
    public var file: String
    /// The earlier run's plan id and period, as written.
    public var planId: String
    public var period: String
    /// Figures by unit id.
    public var units: [String: UnitFigures]
    /// Ids of the earlier run's findings (fingerprints).
    public var findingIds: Set<String>

    public init(file: String, planId: String, period: String, units: [String: UnitFigures], findingIds: Set<String>) {
        self.file = file
        self.planId = planId
        self.period = period
        self.units = units
        self.findingIds = findingIds
    }
}
