import TwinEngine

/// One device's application arrivals: strictly periodic samples from a random phase and
/// Poisson alarms, each process on a stream of its own.
///
/// Sources: the ISO/IEEE 11073 traffic classes of Tachtatzis et al. 2012 Table 1 and the
/// sensor rates of Latré et al. 2011 (ban-numbers.md §3) reach twin.json as a payload
/// per sampling interval and an alarm rate with an alarm payload (TwinConfig
/// `TrafficConfig`). Samples are strictly periodic from a random phase in [0, interval)
/// (independent sensors are not synchronised); alarms are a Poisson process (the
/// catalogue's `traffic-alarm-poisson`).
///
/// Aggregation (`TrafficConfig.aggregation` k > 1): the periodic source emits one packet
/// every k sampling intervals carrying k samples' payload (`DeviceParameters` scales the
/// interval and the payload). The first packet leaves with the k-th sample after the
/// random phase, and its latency — like every packet's — is counted from the first
/// sample in it, `aggregationLead = (k − 1)·interval` earlier. With k = 1 the draws and
/// times are exactly those without aggregation.
///
/// Why a value of its own: the MACs consume arrivals differently (CSMA/CA as events,
/// scheduled access and BLE lazily when the MAC looks, wideband flows in batches), but
/// the times and the draws must be the same whoever asks, so they come from here only.
/// The phase, the periodic times and the alarm times use the device's own streams, so
/// they do not change when other devices are added.
struct TrafficArrivals: Sendable {
    /// One arrival: when, whether it is an alarm, and its size.
    struct Arrival: Sendable, Equatable {
        var time: SimTime
        var isAlarm: Bool
        var bytes: Int
    }

    let profile: TrafficProfile
    /// The next periodic packet and the next alarm (`.max`: none).
    private(set) var nextSample: SimTime = .max
    private(set) var nextAlarm: SimTime = .max
    private var sampleStream: Xoshiro256
    private var alarmStream: Xoshiro256

    init(profile: TrafficProfile, sampleStream: Xoshiro256, alarmStream: Xoshiro256) {
        self.profile = profile
        self.sampleStream = sampleStream
        self.alarmStream = alarmStream
    }

    /// The arrivals of `parameters`' device on its `traffic` and `alarms` streams.
    init(parameters: DeviceParameters, streams: RandomStreams) {
        self.init(profile: parameters.traffic, sampleStream: streams.generator(parameters.id, "traffic"),
                  alarmStream: streams.generator(parameters.id, "alarms"))
    }

    /// Draws the first packet time (the phase lies within one sampling interval; the
    /// packet waits for its k-th sample) and the first alarm time.
    mutating func start() {
        if let interval = profile.sampleInterval {
            let lead = profile.aggregationLead
            nextSample = SimTime(nanoseconds: Int64(sampleStream.uniform() * Double((interval - lead).nanoseconds))) + lead
        } else {
            nextSample = .max
        }
        if let mean = profile.alarmMeanInterval {
            nextAlarm = alarmStream.exponential(mean: mean)
        } else {
            nextAlarm = .max
        }
    }

    /// Moves past the current periodic packet (`.max` once the next would overflow).
    mutating func advanceSample() {
        let interval = profile.sampleInterval ?? .max
        let next = nextSample
        nextSample = next < .max - interval ? next + interval : .max
    }

    /// Moves past the current alarm: one exponential gap on the alarm stream.
    mutating func advanceAlarm() {
        guard let mean = profile.alarmMeanInterval else {
            nextAlarm = .max
            return
        }
        let gap = alarmStream.exponential(mean: mean)
        let next = nextAlarm
        nextAlarm = next < .max - gap ? next + gap : .max
    }

    /// The earliest arrival still to come.
    var nextArrival: SimTime { Swift.min(nextSample, nextAlarm) }

    /// When the first sample of a packet created at `time` was taken: `aggregationLead`
    /// earlier for periodic packets, `time` itself for alarms.
    func firstSample(packetAt time: SimTime, isAlarm: Bool) -> SimTime {
        isAlarm ? time : time - profile.aggregationLead
    }

    /// The next arrival if it is due at or before `time` (and not `.max`), advanced
    /// past; nil otherwise. A sample and an alarm at the same instant: the sample first.
    mutating func popArrival(through time: SimTime) -> Arrival? {
        let sample = nextSample, alarm = nextAlarm
        let isAlarm = alarm < sample
        let arrival = isAlarm ? alarm : sample
        guard arrival <= time, arrival < .max else { return nil }
        return take(arrival, isAlarm: isAlarm)
    }

    /// The next arrival if it is due strictly before `time`, advanced past; nil otherwise.
    mutating func popArrival(before time: SimTime) -> Arrival? {
        let sample = nextSample, alarm = nextAlarm
        let isAlarm = alarm < sample
        let arrival = isAlarm ? alarm : sample
        guard arrival < time else { return nil }
        return take(arrival, isAlarm: isAlarm)
    }

    /// The periodic packets due strictly before `time`, taken at once by arithmetic (an
    /// aggregate flow counts them instead of visiting each): how many, the first one's
    /// time and how many of them arrive at or after `countedFrom` (the warm-up's end).
    mutating func takeSamples(before time: SimTime, countedFrom warmup: SimTime) -> PeriodicRun {
        guard let interval = profile.sampleInterval, interval > .zero, nextSample < time else { return PeriodicRun() }
        let first = nextSample
        let count = (time - first - SimTime(nanoseconds: 1)).nanoseconds / interval.nanoseconds + 1
        let uncounted = warmup <= first ? 0
            : Swift.min(count, (warmup - first - SimTime(nanoseconds: 1)).nanoseconds / interval.nanoseconds + 1)
        let span = interval.nanoseconds.multipliedReportingOverflow(by: count)
        nextSample = !span.overflow && first.nanoseconds < Int64.max - span.partialValue
            ? first + SimTime(nanoseconds: span.partialValue) : .max
        return PeriodicRun(count: Int(count), counted: Int(count - uncounted), first: first)
    }

    /// The next alarm if it is due strictly before `time`, advanced past; nil otherwise.
    mutating func popAlarm(before time: SimTime) -> Arrival? {
        guard nextAlarm < time else { return nil }
        return take(nextAlarm, isAlarm: true)
    }

    private mutating func take(_ time: SimTime, isAlarm: Bool) -> Arrival {
        if isAlarm { advanceAlarm() } else { advanceSample() }
        return Arrival(time: time, isAlarm: isAlarm, bytes: isAlarm ? profile.alarmPayload : profile.samplePayload)
    }
}

/// Periodic packets taken at once (`TrafficArrivals.takeSamples`).
struct PeriodicRun: Sendable, Equatable {
    var count = 0
    /// Those at or after the warm-up's end.
    var counted = 0
    var first: SimTime = .zero
}

/// A device's traffic as its arrival process uses it, resolved from twin.json once
/// (`DeviceParameters.make`): sizes in octets, times in simulation ticks.
struct TrafficProfile: Sendable, Equatable {
    /// Interval between periodic packets (k sampling intervals for k samples per packet);
    /// nil without periodic traffic.
    let sampleInterval: SimTime?
    /// Octets of one periodic packet (k samples' payload).
    let samplePayload: Int
    /// How long before its packet the first sample of an aggregated packet was taken,
    /// `(k − 1)` sampling intervals (zero without aggregation): latency counts from it.
    let aggregationLead: SimTime
    /// Mean time between alarms (nil: none) and the octets of one.
    let alarmMeanInterval: SimTime?
    let alarmPayload: Int
}
