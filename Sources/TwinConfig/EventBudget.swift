import TwinDiagnostics
import TwinJSON
import TwinUnits

/// How many events per simulated second a twin asks of the simulator, source by
/// source. The runtime's cost grows with the traffic, not with the horizon (idle time,
/// empty BLE events and sleep are accounted analytically), so the sources are the
/// devices' periodic packets and alarms and the attackers' frames of the scenarios.
/// One rule for the compiler (TP at the device's traffic in the use case) and for the
/// twin.json reader (TK008 at the device).
public struct EventSource: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case packets = "periodic packets"
        case alarms
        case attackFrames = "attack frames"
    }

    /// The device id, or the scenario id for attack frames.
    public var subject: String
    public var kind: Kind
    public var perSecond: Double

    public init(subject: String, kind: Kind, perSecond: Double) {
        self.subject = subject
        self.kind = kind
        self.perSecond = perSecond
    }
}

/// A source (or the whole twin, `source == nil`) above its budget.
public struct EventBudgetExcess: Sendable, Hashable {
    public var source: EventSource?
    public var perSecond: Double
    public var limit: Double

    /// "device `ecg` would send 20000 periodic packets per simulated second; the
    /// simulator takes at most 10000 from one source".
    public var message: String {
        let rate = QuantityRange.number(perSecond)
        guard let source else {
            return "the twin would cause \(rate) events per simulated second; the simulator takes at most "
                + "\(QuantityRange.number(limit)) from a whole twin"
        }
        let who = source.kind == .attackFrames ? "scenario `\(source.subject)`" : "device `\(source.subject)`"
        return "\(who) would send \(rate) \(source.kind.rawValue) per simulated second; the simulator takes at most "
            + "\(QuantityRange.number(limit)) events a second from one source"
    }
}

extension TwinConfig {
    /// Every event source of the twin with its rate.
    public var eventSources: [EventSource] {
        var sources: [EventSource] = []
        for device in network.devices {
            let traffic = device.traffic
            if traffic.interval.si > 0, traffic.payload.si > 0 {
                sources.append(EventSource(subject: device.id, kind: .packets,
                                           perSecond: 1 / traffic.packetInterval.si))
            }
            if traffic.alarmRate > 0 {
                sources.append(EventSource(subject: device.id, kind: .alarms, perSecond: traffic.alarmRate))
            }
        }
        for scenario in scenarios {
            let rate = scenario.events.compactMap { $0.parameters["rate_per_s"] }.reduce(0, +)
            if rate > 0 { sources.append(EventSource(subject: scenario.id, kind: .attackFrames, perSecond: rate)) }
        }
        return sources
    }

    /// The sources above `TwinLimits.eventsPerSourcePerSecond`, then the whole twin if
    /// its baseline (every device, no attack) is above `TwinLimits.eventsPerSecond`.
    public var eventBudgetExcesses: [EventBudgetExcess] {
        let sources = eventSources
        var excesses = sources.filter { !($0.perSecond <= TwinLimits.eventsPerSourcePerSecond) }.map {
            EventBudgetExcess(source: $0, perSecond: $0.perSecond, limit: TwinLimits.eventsPerSourcePerSecond)
        }
        let total = sources.filter { $0.kind != .attackFrames }.map(\.perSecond).reduce(0, +)
        if !(total <= TwinLimits.eventsPerSecond) {
            excesses.append(EventBudgetExcess(source: nil, perSecond: total, limit: TwinLimits.eventsPerSecond))
        }
        return excesses
    }
}

extension TwinConfig {
    /// TK008 for every source above its budget, at the device's `traffic` member (or the
    /// scenario), and for the whole twin at `network.devices`.
    func eventBudgetDiagnostics(json: LocatedJSON, context: ConfigReadContext) -> [Diagnostic] {
        eventBudgetExcesses.map { excess in
            var position = json["network"]?["devices"]?.position ?? JSONPosition(line: 1, column: 1)
            if let source = excess.source {
                let list = source.kind == .attackFrames ? json["scenarios"] : json["network"]?["devices"]
                if case .array(let items, _)? = list,
                   let item = items.first(where: { if case .string(source.subject, _)? = $0["id"] { true } else { false } }) {
                    position = (source.kind == .attackFrames ? item : item["traffic"] ?? item).position
                }
            }
            return .error(ConfigDiagnostics.eventBudget, excess.message, at: context.range(position))
        }
    }
}
