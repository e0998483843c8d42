import TwinRuntime
import TwinUnits
import TwinVocabulary

/// How the text tables print an estimate's 95 % interval: its two ends in the KPI's
/// unit, `[98.61 %, 99.43 %]`, since intervals cut to the KPI's range (or from a pooled
/// percentile) are not symmetric about the estimate. An interval open above (a
/// percentile beyond the largest value observed) prints `…`; none prints empty.
enum IntervalText {
    static func of(_ estimate: Estimate?) -> String {
        guard let estimate, let lower = estimate.lower else { return "" }
        let format = { (value: Double) in Quantity(value, estimate.dimension).formatted }
        return "[\(format(lower)), \(estimate.upper.map(format) ?? "…")]"
    }
}
