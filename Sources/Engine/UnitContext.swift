import Common
import Data
import Plan

/// What every measure may read about one unit, prepared once per unit.
struct UnitContext {
    let index: Int
    let unit: Unit
    let metrics: UnitMetrics
    /// The unit's indicators typed against the plan's declarations; malformed ones are absent.
    let indicators: [String: MeasuredValue]
}

/// What every measure may read about the whole run, prepared once.
struct RunContext {
    let plan: Plan
    let data: DataSet
    let period: Period
    let metrics: MetricsReport
    let previous: PreviousResult?
}
