import TwinSpec
import TwinUnits
import TwinVocabulary

/// ISO/IEEE 11073 traffic classes as Tachtatzis et al. 2012 use them (Table 1 for
/// latency and payload, Table 3 for the application rate each row was computed with;
/// ban-numbers.md §3 and §8A). A2 and B carry the Table 1 deadline of 3 s (Table 3
/// evaluated them at 0.3 s); F5 takes the upper end of 50–120 bps.
struct TrafficClassDefaults: Sendable, Hashable {
    var rate: DataRate
    var latency: Time
    var payload: DataSize

    static let source = "Tachtatzis et al. 2012 Tables 1 and 3, ISO/IEEE 11073 classes (ban-numbers.md §3, §8A)"

    static func of(_ trafficClass: TrafficClass) -> TrafficClassDefaults {
        func row(_ bps: Double, _ seconds: Double, _ bytes: Double) -> TrafficClassDefaults {
            TrafficClassDefaults(rate: .bitsPerSecond(bps), latency: .seconds(seconds), payload: .bytes(bytes))
        }
        switch trafficClass {
        case .a1: return row(2048, 0.2, 64)
        case .a2: return row(2048, 3, 64)
        case .b: return row(170.6, 3, 64)
        case .c: return row(0.12, 60, 64)
        case .d: return row(4352, 3, 255)
        case .e1: return row(80, 3, 20)
        case .e2: return row(800, 3, 20)
        case .f1: return row(2400, 0.3, 64)
        case .f2: return row(10_000, 0.3, 128)
        case .f3: return row(72_000, 0.3, 255)
        case .f4: return row(60, 0.3, 20)
        case .f5: return row(120, 0.3, 32)
        }
    }
}

/// A device's traffic with every default applied: periodic packets of `payload` every
/// `interval` (so `rate = payload / interval`), Poisson alarms, and the deadline.
public struct ResolvedTraffic: Sendable, Hashable {
    public var trafficClass: TrafficClass?
    public var rate: DataRate
    public var payload: DataSize
    public var latency: Time
    /// Alarms per second (0 without `alarm-interval`).
    public var alarmRate: Double
    public var alarmPayload: DataSize

    /// Medical deadline when neither class nor override gives one (Cavallari et al.
    /// 2014, < 250 ms), and the video/VR row for wideband links (< 100 ms).
    public static func defaultLatency(_ technology: Technology) -> Time {
        [.wlan, .mmwave, .subTHz, .cellular].contains(technology) ? .milliseconds(100) : .milliseconds(250)
    }

    public init(_ settings: TrafficSettings, technology: Technology) {
        trafficClass = settings.trafficClass?.value
        let defaults = trafficClass.map(TrafficClassDefaults.of)
        let sampling = settings.sampling?.value
        var payload = settings.packetSize?.value ?? defaults?.payload
        var rate = settings.rate?.value ?? defaults?.rate
        if rate == nil, let payload, let sampling { rate = DataRate(si: payload.si * sampling.si) }
        if payload == nil, let rate, let sampling { payload = DataSize(si: rate.si / sampling.si) }
        let limit: Double = technology.isIEEE802156 ? 255 : (technology == .ble ? 251 : 1500)
        self.payload = DataSize.bytes(min(max((payload ?? .bytes(64)).bytes.rounded(), 1), limit))
        self.rate = rate ?? .bitsPerSecond(0)
        latency = settings.latency?.value ?? defaults?.latency ?? Self.defaultLatency(technology)
        alarmRate = settings.alarmInterval.map { 1 / $0.value.si } ?? 0
        alarmPayload = .bytes(64)
    }

    /// Time between periodic packets; the horizon-long silence of a device that sends
    /// nothing is represented by an interval of one day.
    public var interval: Time { rate.si > 0 ? Time(si: payload.si / rate.si) : .days(1) }
    /// Packets per second, periodic and alarms.
    public var packetRate: Double { (rate.si > 0 ? rate.si / payload.si : 0) + alarmRate }
    /// Application bits per second including alarms.
    public var totalRate: DataRate { DataRate(si: rate.si + alarmRate * alarmPayload.si) }
}
