import Foundation
import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The "why" of the goals measured on faults and attacks rather than on packets: what
/// holds a device's recovery up after a gateway fails (its reach to the gateway it fails
/// over to, against the wearer's postures), and which attack onsets the detector missed
/// or caught late (its decision interval against `within`, the jammer's level against
/// the detector's threshold). From the twin's configuration and the run's figures.
extension BottleneckFinder {
    // MARK: Recovery

    /// Why `deviceID` can take as long as a posture lasts to deliver again after the
    /// scenario's gateway failures: the gateway it fails over to is in reach by a margin
    /// that a static posture's extra loss (Xiao et al. JSAC 2009; `Posture`) and the
    /// link's shadowing can use up, and the simulation holds a static posture's loss for
    /// the whole dwell (`PostureChain.wakingDay`, 30 min sitting, 1 h lying on average):
    /// the device stays out of reach until the wearer moves. Seen on the demo (seed 35,
    /// 2 h): `temp` at −12 dBm read −93 dBm at the bedside hub (sensitivity −87 dBm) for
    /// 78 min, and delivered again within a second of the posture changing. nil when the
    /// margin leaves every posture under 1 % outage.
    static func backupReach(_ deviceID: String, scenario: ScenarioReport, config: TwinConfig) -> String? {
        guard let device = config.network.devices.first(where: { $0.id == deviceID }) else { return nil }
        let events = config.scenarios.first { $0.id == scenario.id }?.events ?? []
        let failed = Set(events.filter { $0.kind == .fault(.gatewayFailure) }.map(\.target))
        let gateways = [device.primaryGateway] + (device.backupGateway.map { [$0] } ?? [])
        guard !failed.isDisjoint(with: gateways) else { return nil }
        guard let otherID = gateways.first(where: { !failed.contains($0) }),
              let other = config.network.gateways.first(where: { $0.id == otherID }) else {
            return "it has no other gateway, so it waits for the failed one to come back"
        }
        let link = DeviceAirInterface.link(device: device, gateway: other, config: config)
        let transmit = device.radio.txPower.dBm, sensitivity = device.radio.sensitivity.dBm
        let margin = transmit - link.meanLoss.dB - sensitivity
        let budget = "\(decibels(transmit)) dBm, mean path loss \(decibels(link.meanLoss.dB)) dB (\(link.model)), "
            + "sensitivity \(decibels(sensitivity)) dBm"
        let knob = config.knobs.contains { $0.id == "\(device.id).tx-power" } ? "`\(device.id).tx-power`" : "more transmit power"
        if margin <= 0 {
            return "its other gateway `\(otherID)` is out of its reach, \(decibels(-margin)) dB short on average (\(budget)): "
                + "it delivers only when fading lifts the link (\(knob) or a gateway nearer the wearer)"
        }
        guard config.models.contains(where: { $0.id == "posture-fading" }) else { return nil }
        let activity = BodyActivity(config: config)
        let shadow = link.sigma.dB
        func outage(_ posture: Posture) -> Double {
            activity.parameters(of: posture).outageProbability(
                meanLoss: link.meanLoss, threshold: Decibels(dB: transmit - sensitivity), staticSigma: link.sigma)
        }
        let still = [Posture.sitting, .lying].filter { activity.chain.meanDwell[$0] != nil }
        guard let worstPosture = still.max(by: { outage($0) < outage($1) }) else { return nil }
        let worst = outage(worstPosture)
        guard worst >= 0.01 else { return nil }
        let dwell = activity.chain.meanDwell[worstPosture].map { Quantity($0.si, .time).formatted } ?? "—"
        let fading = activity.parameters(of: worstPosture)
        let extra = "\(decibels(fading.shadowMean.dB)) dB ± \(decibels(fading.shadowSigma.dB)) dB"
        var text = "its other gateway `\(otherID)` is in reach by \(decibels(margin)) dB on average (\(budget)); "
            + "\(worstPosture.rawValue) adds \(extra) for as long as the wearer holds the posture (\(dwell) on average, "
            + "activity `\(activity.profile)`\(offBodyShortcut(worstPosture, gateway: other))), with the link's "
            + "shadowing σ \(decibels(shadow)) dB, so in about \(Int((worst * 100).rounded())) % of that posture its frames "
            + "miss `\(otherID)` until the posture changes (a model effect, not a failover fault"
        if let figures = scenario.devices.first(where: { $0.id == device.id }) {
            let channel = figures.dropped(.channelFade) + figures.dropped(.collision)
            if channel > 0 { text += "; it lost \(Quantity(channel, .count).formatted) packets a replication to the channel here" }
        }
        return text + "); \(knob) or a gateway nearer the wearer shortens it"
    }

    /// The named shortcut behind a posture's shadow on a link to an off-body gateway:
    /// lying's shadow is calibrated on on-body links of a sleeping wearer (Smith et al.,
    /// IEEE TAP 59(11) 2011), and no off-body figure is modelled, so the same shadow is
    /// applied (docs/validation.md). Said where it decides a verdict, not only in docs.
    static func offBodyShortcut(_ posture: Posture, gateway: GatewayConfig) -> String {
        guard gateway.placement == .offBody, posture == .lying else { return "" }
        return "; the shadow was measured on on-body links (Smith et al. 2011) and twinc applies it to this off-body "
            + "link too, a modelling shortcut"
    }

    // MARK: Detection

    /// The onsets a `security-detect` goal's detector missed or caught after `within`,
    /// worst first, and why: a decision interval (the monitor tick) too coarse for
    /// `within`, or a jammer too weak at the gateway for the noise-rise signal.
    static func detection(_ goal: GoalConfig, _ result: GoalResult, config: TwinConfig,
                          scenario: String) -> Bottleneck? {
        let onsets = result.onsets
        let started = onsets.reduce(0) { $0 + $1.started }
        guard started > 0 else { return nil }
        let missed = onsets.reduce(0) { $0 + $1.missed }, late = onsets.reduce(0) { $0 + $1.late }
        let within = goal.within.map { " within \(Quantity($0.si, .time).formatted)" } ?? ""
        let slowest = onsets.compactMap(\.slowest).max { $0.si < $1.si }
        guard missed + late > 0 else {
            return Bottleneck(
                goal: goal.id, device: "detector", scenario: scenario, parts: [], unit: "onsets",
                summary: "every one of the \(started) attack onsets in `\(scenario)` was detected\(within)"
                    + (slowest.map { " (slowest \(Quantity($0.si, .time).formatted))" } ?? "")
                    + ": the verdict waits on more onsets, not on the detector")
        }
        var parts: [Bottleneck.Part] = []
        for onset in onsets {
            let hop = "onset \(onset.eventIndex + 1) at \(Quantity(onset.at.si, .time).formatted) (\(onset.kind) at `\(onset.target)`)"
            if onset.missed > 0 {
                parts.append(Bottleneck.Part(hop: hop, cause: "missed", amount: Double(onset.missed),
                                             share: Double(onset.missed) / Double(started)))
            }
            if onset.late > 0 {
                parts.append(Bottleneck.Part(hop: hop, cause: "detected late", amount: Double(onset.late),
                                             share: Double(onset.late) / Double(started)))
            }
        }
        parts.sort { $0.amount > $1.amount }
        var counts: [String] = []
        if missed > 0 { counts.append("\(missed) missed") }
        if late > 0 { counts.append("\(late) detected after\(within.isEmpty ? " the deadline" : within)") }
        var summary = "of the \(started) attack onsets in `\(scenario)`, \(counts.joined(separator: " and "))"
        if let top = parts.first { summary += "; most: \(top.hop), \(top.cause) in \(Int(top.amount)) replications" }
        summary += detectionCauses(onsets, goal: goal, config: config, scenario: scenario)
        return Bottleneck(goal: goal.id, device: "detector", scenario: scenario, parts: parts, unit: "onsets",
                          summary: summary)
    }

    /// Why onsets were late (the detector's decision interval against `within`) or
    /// missed (the jammer's level at the gateway against the noise-rise threshold).
    private static func detectionCauses(_ onsets: [OnsetDetection], goal: GoalConfig, config: TwinConfig,
                                        scenario: String) -> String {
        var causes: [String] = []
        let late = onsets.filter { $0.late > 0 }
        if let tick = late.first?.detectorTick, let within = goal.within {
            let slowest = late.compactMap(\.slowest).max { $0.si < $1.si }
            let step = Quantity(tick.si, .time).formatted
            causes.append(2 * tick.si > within.si
                ? "the detector decides once every \(step) (the monitor tick), so a detection can take two ticks, "
                    + "\(Quantity(2 * tick.si, .time).formatted), beyond the \(Quantity(within.si, .time).formatted) allowed"
                : "late detections took up to \(slowest.map { Quantity($0.si, .time).formatted } ?? "?") although the "
                    + "detector decides every \(step): the signal built up slowly (\(Set(late.flatMap(\.signals)).sorted().joined(separator: ", ")))")
        }
        let events = config.scenarios.first { $0.id == scenario }?.events ?? []
        for onset in onsets where onset.missed > 0 && onset.eventIndex < events.count {
            let event = events[onset.eventIndex]
            guard event.kind == .attack(.jamming) || event.kind == .fault(.interference) else { continue }
            let power = event.parameters["power_dBm"] ?? event.defaultSourcePower.dBm
            let level = event.parameters["distance_m"].map {
                power - DeviceAirInterface.offBodyLoss(distance: .meters($0)).dB } ?? power
            let gateway = config.network.gateways.first { $0.id == onset.target }?.id
                ?? config.network.devices.first { $0.id == onset.target }?.primaryGateway ?? onset.target
            let floors = config.network.devices.filter { $0.primaryGateway == gateway }.map(\.radio.noiseFloor.dBm)
            guard let floor = floors.min() else { continue }
            let rise = 10 * log10(pow(10, level / 10) + pow(10, floor / 10)) - floor
            let threshold = SimulationOptions().detectorNoiseRise.dB
            causes.append("the \(event.kind) reaches `\(gateway)` at \(decibels(level)) dBm, a \(decibels(rise)) dB rise over "
                + "its receivers' noise floor (\(decibels(floor)) dBm) against the detector's \(decibels(threshold)) dB "
                + (rise < threshold ? "threshold: too weak for the noise-rise signal, only lost strong frames reveal it"
                    : "threshold" + (event.parameters["duty_cycle"].map { $0 < 1 ? ", but it is on only \(DeviceFloor.percent($0)) of the time" : "" } ?? "")))
            break
        }
        return causes.isEmpty ? "" : "; " + causes.joined(separator: "; ")
    }

    /// A level or gain to one decimal, without a trailing `.0`.
    static func decibels(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
