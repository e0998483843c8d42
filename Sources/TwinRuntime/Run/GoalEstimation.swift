import TwinConfig
import TwinEngine
import TwinUnits
import TwinVocabulary

/// A goal's value over all replications of one scenario with its 95 % interval, and
/// the device that sets it.
///
/// Per-device KPIs are estimated device by device and the goal takes its worst device:
/// for a lower bound (`>=`) the smallest value, with the interval [min of the lower ends,
/// min of the upper ends]; for an upper bound the largest, with [max, max]. So the goal's
/// interval lies wholly above a lower bound exactly when every device's does, and wholly
/// below it as soon as one device's does: "met" means every device meets it at 95 %.
///
/// How each device's estimate is formed, by KPI and statistic:
///
/// | KPI | Estimate | Interval (`IntervalMethod`) |
/// |---|---|---|
/// | `delivery-ratio` | delivered (within `within`) over generated, pooled over replications | `pooled-ratio` |
/// | `latency` pNN | the pNN of every delivered packet of every replication | `pooled-quantile` |
/// | `latency` mean, min, max; `lifetime`, `energy`, `availability`, `throughput` | mean of one value per replication | `student-t` |
/// | `recovery-time` pNN | the pNN of every (device, fault) pair of every replication | `pooled-quantile` |
/// | `recovery-time` mean, min, max | the statistic over (device, fault) pairs, mean over replications | `student-t` |
/// | `security-detect` | attacks detected in time over attacks, pooled | `pooled-ratio` |
/// | `security-protect` | the highest residual CVSS score | `exact` when every replication agrees, else `student-t` |
///
/// A per-device KPI with an explicit `min`, `max` or `pNN` over devices (not latency)
/// keeps one combined value per replication and a Student-t interval.
struct GoalEstimator {
    let measurer: GoalMeasurer
    let outcomes: [ReplicationOutcome]
    /// One measurement per replication (the per-replication value, its device, notes).
    let measurements: [KPIMeasurement]

    /// The estimate and the device that sets it; nil when no replication has a value.
    func estimate() -> (estimate: Estimate, limitingDevice: String?)? {
        let kpi = measurer.kpi
        let samples = measurements.map(\.value)
        switch kpi {
        case .deliveryRatio where explicitDeviceStatistic == nil:
            return worst(perDevice { device in deliveryRatio(device) })
        case .latency:
            if case .percentile(let p)? = measurer.threshold?.statistic {
                return worst(perDevice { device in latencyPercentile(device, p) })
            }
            return worst(perDevice { device in studentT(device) })
        case .lifetime, .energy, .availability, .throughput, .deliveryRatio:
            if explicitDeviceStatistic != nil { return combined(samples) }
            return worst(perDevice { device in studentT(device) })
        case .securityDetect:
            let ratios = zip(outcomes, measurements).compactMap { outcome, measurement -> SuccessRatio? in
                measurement.value == nil ? nil : measurer.detections(outcome)
            }
            return pooledRatio(ratios).map { ($0, nil) }
        case .securityProtect:
            let values = samples.compactMap { $0 }
            guard let first = values.first else { return nil }
            let limiting = GoalEvaluation.mostFrequent(measurements.compactMap(\.limitingDevice))
            if values.allSatisfy({ $0 == first }) {
                return (Estimate(point: first, lower: first, upper: first, replications: values.count,
                                 dimension: kpi.dimension, method: .exact), limiting)
            }
            return Estimate(samples, dimension: kpi.dimension).map { ($0, limiting) }
        case .recoveryTime:
            if case .percentile(let p)? = measurer.threshold?.statistic { return pooledRecovery(p) }
            return combined(samples)
        }
    }

    /// The statistic over devices the threshold names for a KPI other than latency
    /// (`min`, `max`, `pNN`), if any.
    private var explicitDeviceStatistic: Statistic? {
        guard let statistic = measurer.threshold?.statistic, statistic != .mean else { return nil }
        return statistic
    }

    /// One value per replication, already combined over devices: a Student-t interval.
    private func combined(_ samples: [Double?]) -> (estimate: Estimate, limitingDevice: String?)? {
        Estimate(samples, dimension: measurer.kpi.dimension).map {
            ($0, GoalEvaluation.mostFrequent(measurements.compactMap(\.limitingDevice)))
        }
    }

    /// Each goal device's estimate (devices without one are left out).
    private func perDevice(_ estimate: (DeviceConfig) -> Estimate?) -> [(device: String, estimate: Estimate)] {
        measurer.devices.compactMap { device in estimate(device).map { (device.id, $0) } }
    }

    /// The device outcomes of `device`, one per replication that has it.
    private func results(_ device: DeviceConfig) -> [(outcome: ReplicationOutcome, result: DeviceOutcome)] {
        outcomes.compactMap { outcome in outcome.device(device.id).map { (outcome, $0) } }
    }

    private func deliveryRatio(_ device: DeviceConfig) -> Estimate? {
        pooledRatio(results(device).map { measurer.deliveries(device, $0.result) })
    }

    /// A ratio pooled over replications; no interval from a single replication, whose
    /// packets are correlated (the Wilson interval alone would claim too much).
    private func pooledRatio(_ ratios: [SuccessRatio]) -> Estimate? {
        guard let pooled = ClusteredIntervals.ratio(ratios) else { return nil }
        guard pooled.clusterAdjusted else {
            return Estimate(point: pooled.estimate, lower: nil, upper: nil, replications: pooled.replications,
                            dimension: .ratio, method: .none)
        }
        return Estimate(point: pooled.estimate, lower: pooled.lower, upper: pooled.upper,
                        replications: pooled.replications, dimension: .ratio, method: .pooledRatio)
    }

    private func latencyPercentile(_ device: DeviceConfig, _ p: Double) -> Estimate? {
        guard let pooled = ClusteredIntervals.quantile(p, of: results(device).map(\.result.latency)) else { return nil }
        guard pooled.clusterAdjusted else {
            return Estimate(point: pooled.estimate.seconds, lower: nil, upper: nil, replications: pooled.replications,
                            dimension: .time, method: .none)
        }
        return Estimate(point: pooled.estimate.seconds, lower: pooled.lower.seconds, upper: pooled.upper?.seconds,
                        replications: pooled.replications, dimension: .time, method: .pooledQuantile)
    }

    /// A recovery-time percentile over every (device, fault) pair of every replication,
    /// not the mean of one percentile per replication: a replication has a handful of
    /// pairs, and a t-interval over their maxima claimed certainty from two runs that
    /// agreed (`ClusteredIntervals.quantile(_:ofValues:)`).
    private func pooledRecovery(_ p: Double) -> (estimate: Estimate, limitingDevice: String?)? {
        let pairs = outcomes.map { measurer.recoveryPairs($0).samples.map(\.time) }
        guard let pooled = ClusteredIntervals.quantile(p, ofValues: pairs) else { return nil }
        let limiting = GoalEvaluation.mostFrequent(measurements.compactMap(\.limitingDevice))
        guard pooled.clusterAdjusted else {
            return (Estimate(point: pooled.estimate.seconds, lower: nil, upper: nil, replications: pooled.replications,
                             dimension: .time, method: .none), limiting)
        }
        return (Estimate(point: pooled.estimate.seconds, lower: pooled.lower.seconds, upper: pooled.upper?.seconds,
                         replications: pooled.replications, dimension: .time, method: .pooledQuantile), limiting)
    }

    private func studentT(_ device: DeviceConfig) -> Estimate? {
        Estimate(results(device).map { measurer.deviceValue(device, $0.result, $0.outcome) },
                 dimension: measurer.kpi.dimension)
    }

    /// The worst device's estimate under the goal's direction, with the interval that
    /// bounds the worst of all devices (see the type's documentation).
    private func worst(_ estimates: [(device: String, estimate: Estimate)]) -> (estimate: Estimate, limitingDevice: String?)? {
        guard let first = estimates.first else { return nil }
        let smallerIsWorse = measurer.smallerIsWorse
        var chosen = first
        for candidate in estimates.dropFirst() {
            let worse = smallerIsWorse ? candidate.estimate.point < chosen.estimate.point
                : candidate.estimate.point > chosen.estimate.point
            if worse { chosen = candidate }
        }
        let lowers = estimates.map(\.estimate.lower), uppers = estimates.map(\.estimate.upper)
        let lower: Double?, upper: Double?
        if smallerIsWorse {
            // min over devices: bounded below only if every device is; above by any.
            lower = lowers.contains(nil) ? nil : lowers.compactMap { $0 }.min()
            upper = uppers.compactMap { $0 }.min()
        } else {
            lower = lowers.compactMap { $0 }.max()
            upper = uppers.contains(nil) ? nil : uppers.compactMap { $0 }.max()
        }
        let methods = Set(estimates.map(\.estimate.method))
        let method = methods.count == 1 ? chosen.estimate.method : (methods.contains(.none) ? .none : chosen.estimate.method)
        let replications = estimates.map(\.estimate.replications).min() ?? 0
        return (Estimate(point: chosen.estimate.point, lower: lower, upper: upper, replications: replications,
                         dimension: chosen.estimate.dimension, method: method), chosen.device)
    }
}
