import Foundation
import TwinConfig
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The goals' values predicted from per-device estimates, anchored on what the
/// baseline run measured.
///
/// Raw values combine devices the way the runtime does (TwinRuntime `KPI`: the
/// worst device for the mean statistic, otherwise min, max or nearest-rank percentile
/// over devices). The analytic models leave things out — collisions, queueing, the
/// detector, static shadowing draws — so each goal is calibrated on the baseline run:
/// the baseline's measured value minus (or over) its analytic value is carried to every
/// candidate. Additive for ratios, latency and recovery time (what the model misses is
/// a loss or a delay that does not depend on the knobs); multiplicative for lifetime,
/// energy and throughput (a current the model misses scales with it). Availability and
/// detection have no analytic model here: they keep the baseline's measured value, and
/// only the simulation can tell them apart. `security-protect` is exact from the
/// security levels (residual CVSS, `SecurityExposure`) and is not calibrated.
struct AnalyticGoals: Sendable {
    let goals: [GoalConfig]
    let horizon: Time
    /// Aligned with `goals`.
    private var calibration: [Calibration?]
    /// Each goal's devices as indices in config order (every device for no scope),
    /// aligned with `goals`: worked out once, not per candidate of the search (a Set
    /// per goal per candidate was 5 % of the search, perf).
    private let scopes: [[Int]]

    enum Calibration: Sendable, Hashable {
        case offset(Double)
        case factor(Double)
        case measured(Double)
    }

    init(goals: [GoalConfig], config: TwinConfig) {
        self.goals = goals
        let deviceIDs = config.network.devices.map(\.id)
        horizon = config.run.horizon
        scopes = goals.map { goal in
            let wanted = Set(goal.devices)
            return deviceIDs.indices.filter { wanted.isEmpty || wanted.contains(deviceIDs[$0]) }
        }
        calibration = Array(repeating: nil, count: goals.count)
    }

    /// Anchors every goal on its measured value in `report` (the first scenario of kind
    /// `baseline` that measured it, else the first that did) given the baseline's raw
    /// analytic values.
    mutating func calibrate(on report: RunReport, baseline: DeviceEstimates) {
        for (index, goal) in goals.enumerated() {
            let results = report.scenarios.compactMap { scenario in
                scenario.goals.first { $0.goalID == goal.id && $0.value != nil }.map { (scenario.kind, $0) }
            }
            guard let measured = (results.first { $0.0.isBaseline } ?? results.first)?.1.value?.point,
                  measured.isFinite else { continue }
            let analytic = rawValue(index, baseline)
            switch goal.kpi {
            case .deliveryRatio, .latency, .recoveryTime:
                if let analytic { calibration[index] = .offset(measured - analytic) }
            case .lifetime, .energy, .throughput:
                if let analytic, analytic > 0 { calibration[index] = .factor(measured / analytic) }
            case .availability, .securityDetect:
                calibration[index] = .measured(measured)
            case .securityProtect:
                break
            }
        }
    }

    /// The goals scored at a candidate whose devices have `estimates`.
    func scores(_ estimates: DeviceEstimates) -> [GoalScore] {
        goals.indices.map { index in
            let goal = goals[index]
            var value = rawValue(index, estimates)
            switch calibration[index] {
            case .offset(let offset)?:
                value = value.map { $0 + offset }
                if goal.kpi == .deliveryRatio { value = value.map { Swift.min(Swift.max($0, 0), 1) } }
                value = value.map { Swift.max($0, 0) }
            case .factor(let factor)?: value = value.map { $0 * factor }
            case .measured(let measured)?: value = measured
            case nil: break
            }
            let below = goal.securityLevel.map { required in
                scopes[index].filter { estimates[$0].securityLevel < required }.count
            } ?? 0
            return GoalScore.judge(goal, value: value, devicesBelowLevel: below)
        }
    }

    /// The uncalibrated analytic value of the goal at `index` (nil: no model for this
    /// KPI, or no value).
    func rawValue(_ index: Int, _ estimates: DeviceEstimates) -> Double? {
        let goal = goals[index]
        let devices = scopes[index].map { estimates[$0] }
        let threshold = GoalEvaluation.effectiveThreshold(of: goal)
        let statistic = threshold?.statistic ?? .mean
        let kpi = goal.kpi
        func combine(_ values: [Double]) -> Double? {
            Self.combine(values, statistic: kpi == .latency ? .mean : statistic, threshold: threshold,
                         higherIsBetter: kpi.higherIsBetter)
        }
        switch kpi {
        case .deliveryRatio: return combine(devices.map { $0.deliveryRatio(within: goal.within) })
        case .latency: return combine(devices.compactMap { $0.latency(statistic)?.si })
        case .lifetime: return combine(devices.compactMap { $0.lifetime?.si })
        case .energy: return combine(devices.map { $0.railPower.si * horizon.si })
        case .throughput:
            return combine(devices.map { $0.packetRate * $0.payload.si * $0.deliveryRatio(within: nil) })
        case .recoveryTime:
            let samples = devices.map { $0.recoveryTime(statistic)?.si ?? horizon.si }
            return DeviceCombination.statistic(statistic, of: samples)
        case .securityProtect:
            var worst: Double?
            for device in devices {
                for threat in goal.threats {
                    let score = SecurityExposure.residualScore(threat: threat, level: device.securityLevel,
                                                               observedSuccess: false)
                    worst = Swift.max(worst ?? score, score)
                }
            }
            return worst
        case .availability, .securityDetect: return nil
        }
    }

    /// Devices' values into the goal's: the worst device for the mean, else the
    /// statistic over devices (the runtime's `DeviceCombination`).
    static func combine(_ values: [Double], statistic: Statistic, threshold: Threshold?, higherIsBetter: Bool) -> Double? {
        guard !values.isEmpty else { return nil }
        guard statistic == .mean else { return DeviceCombination.statistic(statistic, of: values) }
        if let threshold, threshold.op == .equal {
            return values.max { abs($0 - threshold.bound.value) < abs($1 - threshold.bound.value) }
        }
        let upper = threshold.map { $0.op.isUpperBound } ?? !higherIsBetter
        return upper ? values.max() : values.min()
    }
}
