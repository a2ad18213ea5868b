import Data
import Plan

/// Checks a submission against the plan's declared indicators without evaluating any target.
public enum Submission {
    /// `submission` findings for every assessed unit: missing required indicators, malformed and undeclared ones.
    public static func findings(_ data: DataSet, plan: Plan) -> [Finding] {
        data.units.filter { plan.assessedKinds.contains($0.kind) }
            .flatMap { IndicatorTyping.type($0, plan: plan).findings }
            .sorted()
    }
}
