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
/// that target it, and for a relay on the knobs of the sources that name it in the
/// candidate (its relaying duty: `RelayDuty`), so estimates are cached per (device,
/// those knobs' values): a search that varies one device's knobs recomputes one device,
/// or two when it relays through another.
public struct AnalyticEvaluator: Sendable {
    public let space: CandidateSpace
    public let goals: [GoalConfig]
    let config: TwinConfig
    let options: OptimiserOptions
    private let model: AnalyticGoals
    private let postures: [(ActivityFading, Double)]
    private let useCastaliaMap: Bool
    /// Link outages shared by every copy of the evaluator (the workers' too).
    private let outages = LinkOutageMemo()
    /// Knob indices (into `space.knobs`) that target each device, by device index.
    private let deviceKnobs: [[Int]]
    /// Per device index: the devices that name it as their relay or may through a relay knob.
    private let relaySources: [[RelaySource]]
    private let baselineEstimates: DeviceEstimates
    let floors: AnalyticFloors
    private var cache: [DeviceKey: DeviceEstimate] = [:]

    /// A device (its index in the configuration) at the values of the knobs its
    /// estimate depends on.
    struct DeviceKey: Hashable, Sendable {
        var device: Int
        var values: [Int]
    }

    /// A device that relays through another in some candidates: its knobs, its relay
    /// knob (nil: it names the relay in the configuration and no knob changes that) and
    /// the relay knob's value indices that select the relay.
    struct RelaySource: Sendable {
        var knobs: [Int]
        var relayKnob: Int?
        var selecting: Set<Int>

        func relays(in candidate: Candidate) -> Bool {
            guard let relayKnob else { return true }
            return selecting.contains(candidate.indices[relayKnob])
        }
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
        var knobsByID: [String: [Int]] = [:]
        for (index, knob) in space.knobs.enumerated() {
            for target in knob.targets { knobsByID[target, default: []].append(index) }
        }
        let ids = config.network.devices.map(\.id)
        deviceKnobs = ids.map { knobsByID[$0] ?? [] }
        let sourcesByID = Self.relaySources(config: config, space: space, deviceKnobs: knobsByID)
        relaySources = ids.map { sourcesByID[$0] ?? [] }
        let mix = postures, castalia = useCastaliaMap
        let estimates = DeviceEstimates(ids: ids, values: config.network.devices.map { device in
            DeviceEstimate(device: device, config: config, postures: mix, useCastaliaMap: castalia)
        })
        baselineEstimates = estimates
        floors = AnalyticFloors(config: config, space: space, baseline: estimates,
                                report: options.calibrate ? baseline : nil, excluded: excluded)
        var model = AnalyticGoals(goals: goals, config: config)
        if options.calibrate, let baseline { model.calibrate(on: baseline, baseline: estimates) }
        self.model = model
    }

    /// Who may relay through whom: the configuration's relays and every relay knob's labels.
    private static func relaySources(config: TwinConfig, space: CandidateSpace,
                                     deviceKnobs: [String: [Int]]) -> [String: [RelaySource]] {
        var result: [String: [RelaySource]] = [:]
        for source in config.network.devices {
            let knobs = deviceKnobs[source.id] ?? []
            if let relayKnob = knobs.first(where: { space.knobs[$0].parameter == .relay }) {
                let knob = space.knobs[relayKnob]
                var selecting: [String: Set<Int>] = [:]
                for (index, value) in knob.values.enumerated() {
                    guard value == value.rounded(), value >= 1, Int(value) < knob.labels.count else { continue }
                    selecting[knob.labels[Int(value)], default: []].insert(index)
                }
                for (relay, indices) in selecting.sorted(by: { $0.key < $1.key }) {
                    result[relay, default: []].append(RelaySource(knobs: knobs, relayKnob: relayKnob, selecting: indices))
                }
            } else if let relay = source.relay {
                result[relay, default: []].append(RelaySource(knobs: knobs, relayKnob: nil, selecting: []))
            }
        }
        return result
    }

    /// The cache key of `device` at `candidate` and the knobs its estimate applies; nil
    /// when nothing it depends on is a knob (the baseline estimate stands).
    private func key(_ device: Int, _ candidate: Candidate) -> (key: DeviceKey, knobs: [Int])? {
        let own = deviceKnobs[device]
        var values = own.map { candidate.indices[$0] }
        var knobs = own
        for source in relaySources[device] {
            if source.relays(in: candidate) {
                values += source.knobs.map { candidate.indices[$0] }
                knobs += source.knobs
            } else {
                values.append(-1)
            }
        }
        return knobs.isEmpty && values.isEmpty ? nil : (DeviceKey(device: device, values: values), knobs)
    }

    /// The device estimates at `candidate`.
    mutating func estimates(_ candidate: Candidate) -> DeviceEstimates {
        var result = baselineEstimates
        for device in result.values.indices {
            guard let found = self.key(device, candidate) else { continue }
            if let cached = cache[found.key] {
                result.values[device] = cached
                continue
            }
            let estimate = estimate(config.network.devices[device], knobs: found.knobs, in: candidate)
            cache[found.key] = estimate
            result.values[device] = estimate
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
            for device in deviceKnobs.indices {
                guard let needed = self.key(device, candidate) else { continue }
                let key = needed.key, knobs = needed.knobs
                guard cache[key] == nil, seen.insert(key).inserted else { continue }
                found.append(MissingEstimate(key: key, device: config.network.devices[device], knobs: knobs,
                                             candidate: candidate))
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

    /// `device` with `knobs` (its own and those of the sources relaying through it) at
    /// their values in `candidate`.
    private func estimate(_ device: DeviceConfig, knobs: [Int], in candidate: Candidate) -> DeviceEstimate {
        var applied = config
        for knob in knobs {
            // The space holds only knobs whose parameter is known; a value the device
            // refuses leaves the baseline setting (and the simulation would refuse it).
            try? apply(space.knobs[knob], value: space.value(knob, in: candidate), to: &applied.network)
        }
        let changed = applied.network.devices.first { $0.id == device.id } ?? device
        return DeviceEstimate(device: changed, config: applied, postures: postures, useCastaliaMap: useCastaliaMap,
                              outages: outages)
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
    func relativeCurrent(_ estimates: DeviceEstimates) -> Double {
        var total = 0.0, count = 0
        for (base, estimate) in zip(baselineEstimates.values, estimates.values) {
            let base = base.averageCurrent.si
            guard base > 0 else { continue }
            total += estimate.averageCurrent.si / base
            count += 1
        }
        return count > 0 ? total / Double(count) : 1
    }
}

/// One candidate's device estimates, in the configuration's device order.
///
/// Why not a dictionary by id: the search scores a hundred thousand candidates, and a
/// dictionary per candidate, hashed again per device for every goal, floor and the
/// relative current, with each estimate copied in and out, was about a fifth of the
/// search (perf). The hot paths read by device index (`AnalyticGoals` keeps each goal's
/// scope as indices); `subscript(id:)` serves the rest.
struct DeviceEstimates: Sendable, Equatable {
    /// Device ids in configuration order, shared by every candidate's estimates.
    let ids: [String]
    /// Aligned with `ids`.
    var values: [DeviceEstimate]

    subscript(index: Int) -> DeviceEstimate { values[index] }

    /// The estimate of the device with `id` (nil: no such device).
    subscript(id: String) -> DeviceEstimate? { ids.firstIndex(of: id).map { values[$0] } }
}
