import TwinConfig

/// One point of the knob space: an index into each knob's values, in the order of
/// `CandidateSpace.knobs`. Comparable by the indices so ties can be broken the same way
/// on every run.
public struct Candidate: Sendable, Hashable, Comparable {
    public var indices: [Int]

    public init(indices: [Int]) { self.indices = indices }

    public static func < (a: Candidate, b: Candidate) -> Bool { a.indices.lexicographicallyPrecedes(b.indices) }
}

/// The discrete space the optimiser searches: the product of every knob's values.
///
/// A knob whose current value is missing from its range gets it added, so the baseline
/// is always a point of the space. Knobs are grouped by the device they target (the
/// first target), because the analytic estimates of a device depend on its own knobs
/// only; the search uses the groups for coordinate descent.
public struct CandidateSpace: Sendable, Hashable {
    /// The knobs in configuration order, each with its values sorted ascending.
    public var knobs: [KnobConfig]
    /// The configuration's settings.
    public var baseline: Candidate
    /// Knob indices per device, in device order of first appearance.
    public var groups: [(device: String, knobs: [Int])] { groupList.map { ($0.device, $0.knobs) } }

    private var groupList: [KnobGroup]

    private struct KnobGroup: Sendable, Hashable {
        var device: String
        var knobs: [Int]
    }

    public init(config: TwinConfig) {
        var knobs = config.knobs
        var baseline: [Int] = []
        for index in knobs.indices {
            var values = knobs[index].values.filter(\.isFinite)
            if !values.contains(knobs[index].current) { values.append(knobs[index].current) }
            values = Array(Set(values)).sorted()
            knobs[index].values = values
            baseline.append(values.firstIndex(of: knobs[index].current) ?? 0)
        }
        var groups: [KnobGroup] = []
        for (index, knob) in knobs.enumerated() {
            let device = knob.targets.first ?? knob.id
            if let group = groups.firstIndex(where: { $0.device == device }) {
                groups[group].knobs.append(index)
            } else {
                groups.append(KnobGroup(device: device, knobs: [index]))
            }
        }
        self.knobs = knobs
        self.baseline = Candidate(indices: baseline)
        self.groupList = groups
    }

    /// Points in the space (as a Double: the product overflows Int on large twins).
    public var size: Double { knobs.reduce(1.0) { $0 * Double(Swift.max(1, $1.values.count)) } }

    /// The knob id → value settings of a candidate.
    public func settings(of candidate: Candidate) -> [String: Double] {
        var settings: [String: Double] = [:]
        for (knob, index) in zip(knobs, candidate.indices) { settings[knob.id] = knob.values[index] }
        return settings
    }

    /// The value of knob `knob` in `candidate`.
    public func value(_ knob: Int, in candidate: Candidate) -> Double { knobs[knob].values[candidate.indices[knob]] }

    /// Knobs whose value differs from the baseline.
    public func changedKnobs(_ candidate: Candidate) -> [Int] {
        knobs.indices.filter { candidate.indices[$0] != baseline.indices[$0] }
    }

    /// The devices whose own knobs the candidate sets off the baseline (the targets of
    /// `changedKnobs`); every other device is a bystander of the change.
    public func changedDevices(_ candidate: Candidate) -> Set<String> {
        Set(changedKnobs(candidate).flatMap { knobs[$0].targets })
    }

    /// The configuration with the candidate's settings applied.
    public func apply(_ candidate: Candidate, to config: TwinConfig) throws(KnobError) -> TwinConfig {
        try applyKnobs(config, settings(of: candidate))
    }

    /// Every point of the space in lexicographic index order (call only on small spaces).
    public func allCandidates() -> [Candidate] {
        var result: [Candidate] = [Candidate(indices: Array(repeating: 0, count: knobs.count))]
        for (position, knob) in knobs.enumerated() {
            result = result.flatMap { partial in
                knob.values.indices.map { value in
                    var next = partial
                    next.indices[position] = value
                    return next
                }
            }
        }
        return result
    }

    /// Every combination of the knobs in `group` (indices into `knobs`) around `base`.
    func neighbourhood(of base: Candidate, varying group: [Int]) -> [Candidate] {
        var result = [base]
        for knob in group {
            result = result.flatMap { partial in
                knobs[knob].values.indices.map { value in
                    var next = partial
                    next.indices[knob] = value
                    return next
                }
            }
        }
        return result
    }
}
