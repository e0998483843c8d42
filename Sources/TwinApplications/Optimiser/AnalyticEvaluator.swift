import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits

/// A candidate judged by the analytic representations: every goal's score and the
/// candidate's rank.
public struct AnalyticEvaluation: Sendable, Hashable {
    public var candidate: Candidate
    /// In goal order (`GoalOrder`).
    public var scores: [GoalScore]
    /// The device floors it is predicted to break (`AnalyticFloors`); empty: safe.
    public var violations: [FloorViolation]
    public var rank: CandidateRank
    /// Mean over devices of the analytic current relative to the baseline's.
    public var relativeCurrent: Double
}

/// Scores candidates without simulating. A device's estimate depends only on the knobs
/// that target it, so estimates are cached per (device, its knobs' values): a search
/// that varies one device's knobs recomputes one device.
public struct AnalyticEvaluator: Sendable {
    public let space: CandidateSpace
    public let goals: [GoalConfig]
    let config: TwinConfig
    let options: OptimiserOptions
    private let model: AnalyticGoals
    private let postures: [(ActivityFading, Double)]
    private let useCastaliaMap: Bool
    /// Knob indices (into `space.knobs`) that target each device.
    private let deviceKnobs: [String: [Int]]
    private let baselineEstimates: [String: DeviceEstimate]
    let floors: AnalyticFloors
    private var cache: [DeviceKey: DeviceEstimate] = [:]

    struct DeviceKey: Hashable, Sendable {
        var device: String
        var values: [Int]
    }

    /// An evaluator for `space` over `config`'s goals, calibrated on `baseline` when
    /// `options.calibrate` is set (a report without scenarios calibrates nothing), with
    /// every device's floor anchored on `baseline` and the settings in `excluded` refused.
    public init(config: TwinConfig, space: CandidateSpace, baseline: RunReport?, options: OptimiserOptions,
                excluded: [ExcludedSetting] = []) {
        self.config = config
        self.space = space
        self.options = options
        goals = GoalOrder.ordered(config)
        postures = postureMix(config: config)
        useCastaliaMap = config.models.contains { $0.id == "castalia-pathloss-map" }
        var deviceKnobs: [String: [Int]] = [:]
        for (index, knob) in space.knobs.enumerated() {
            for target in knob.targets { deviceKnobs[target, default: []].append(index) }
        }
        self.deviceKnobs = deviceKnobs
        var estimates: [String: DeviceEstimate] = [:]
        for device in config.network.devices {
            estimates[device.id] = DeviceEstimate(device: device, config: config, postures: postures,
                                                  useCastaliaMap: useCastaliaMap)
        }
        baselineEstimates = estimates
        floors = AnalyticFloors(config: config, space: space, baseline: estimates,
                                report: options.calibrate ? baseline : nil, excluded: excluded)
        var model = AnalyticGoals(goals: goals, config: config)
        if options.calibrate, let baseline { model.calibrate(on: baseline, baseline: estimates) }
        self.model = model
    }

    /// The device estimates at `candidate`.
    mutating func estimates(_ candidate: Candidate) -> [String: DeviceEstimate] {
        var result: [String: DeviceEstimate] = [:]
        for device in config.network.devices {
            guard let knobs = deviceKnobs[device.id], !knobs.isEmpty else {
                result[device.id] = baselineEstimates[device.id]
                continue
            }
            let key = DeviceKey(device: device.id, values: knobs.map { candidate.indices[$0] })
            if let cached = cache[key] {
                result[device.id] = cached
                continue
            }
            let estimate = estimate(device, knobs: knobs, in: candidate)
            cache[key] = estimate
            result[device.id] = estimate
        }
        return result
    }

    /// A device setting the cache lacks: its key, the device, its knobs and a candidate
    /// that sets them.
    struct MissingEstimate: Sendable {
        var key: DeviceKey
        var device: DeviceConfig
        var knobs: [Int]
        var candidate: Candidate
    }

    /// The device settings `candidates` need that the cache lacks, each once, in order.
    func missingEstimates(_ candidates: [Candidate]) -> [MissingEstimate] {
        var found: [MissingEstimate] = []
        var seen = Set<DeviceKey>()
        for candidate in candidates {
            for device in config.network.devices {
                guard let knobs = deviceKnobs[device.id], !knobs.isEmpty else { continue }
                let key = DeviceKey(device: device.id, values: knobs.map { candidate.indices[$0] })
                guard cache[key] == nil, seen.insert(key).inserted else { continue }
                found.append(MissingEstimate(key: key, device: device, knobs: knobs, candidate: candidate))
            }
        }
        return found
    }

    /// The estimate of a missing setting (a function of it alone: safe on any thread).
    func estimate(_ missing: MissingEstimate) -> DeviceEstimate {
        estimate(missing.device, knobs: missing.knobs, in: missing.candidate)
    }

    /// Remembers a worked-out estimate.
    mutating func remember(_ estimate: DeviceEstimate, for key: DeviceKey) { cache[key] = estimate }

    /// `device` with its `knobs` at their values in `candidate`.
    private func estimate(_ device: DeviceConfig, knobs: [Int], in candidate: Candidate) -> DeviceEstimate {
        var network = config.network
        for knob in knobs {
            // The space holds only knobs whose parameter is known; a value the device
            // refuses leaves the baseline setting (and the simulation would refuse it).
            try? apply(space.knobs[knob], value: space.value(knob, in: candidate), to: &network)
        }
        let changed = network.devices.first { $0.id == device.id } ?? device
        return DeviceEstimate(device: changed, config: config, postures: postures, useCastaliaMap: useCastaliaMap)
    }

    /// Scores and ranks `candidate`.
    public mutating func evaluate(_ candidate: Candidate) -> AnalyticEvaluation {
        let estimates = estimates(candidate)
        let scores = model.scores(estimates)
        let relative = relativeCurrent(estimates)
        let violations = floors.violations(candidate, space: space, estimates: estimates)
        let rank = CandidateRank(candidate: candidate, scores: scores, goals: goals, relativeCurrent: relative,
                                 changes: space.changedKnobs(candidate).count, resolution: options,
                                 violations: violations.count)
        return AnalyticEvaluation(candidate: candidate, scores: scores, violations: violations, rank: rank,
                                  relativeCurrent: relative)
    }

    /// Mean over devices of current / baseline current (1 for the baseline).
    func relativeCurrent(_ estimates: [String: DeviceEstimate]) -> Double {
        var total = 0.0, count = 0
        for device in config.network.devices {
            guard let base = baselineEstimates[device.id]?.averageCurrent.si, base > 0,
                  let current = estimates[device.id]?.averageCurrent.si else { continue }
            total += current / base
            count += 1
        }
        return count > 0 ? total / Double(count) : 1
    }
}
