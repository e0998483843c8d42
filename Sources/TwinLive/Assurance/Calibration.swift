import TwinUnits

/// The parameters the evidence supports, each with where it came from: the live twin
/// uses them from then on (forecasts, the optimiser) and `twinc calibrate` writes them
/// into a twin.json (`TwinAdapter.calibrated`).
public struct Calibration: Sendable, Hashable {
    public var links: [LinkCalibration]
    public var batteries: [BatteryCalibration]
    /// Share of the observed time in each posture (the activity mix), by posture name.
    public var activity: [(posture: String, share: Double)]
    public var provenance: Provenance

    public static func == (a: Calibration, b: Calibration) -> Bool {
        a.links == b.links && a.batteries == b.batteries && a.provenance == b.provenance
            && a.activity.map(\.posture) == b.activity.map(\.posture) && a.activity.map(\.share) == b.activity.map(\.share)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(links)
        hasher.combine(batteries)
    }
}

/// Where a calibration came from: the telemetry it rests on and how it was estimated.
public struct Provenance: Sendable, Hashable {
    public var from: Timestamp?
    public var to: Timestamp?
    public var batches: Int
    public var observations: Int
    public var method: String
}

/// A link's level against the model: `offset` dB weaker than `P_tx − L̄` (negative:
/// stronger), the posterior of the static level (`LinkLevelTracker`), and the observed
/// spread of its posture episodes beside the model's.
public struct LinkCalibration: Sendable, Hashable {
    public var link: String
    public var device: String
    public var gateway: String
    public var isPrimary: Bool
    public var offset: Decibels
    public var offsetSigma: Decibels
    public var modelSigma: Decibels
    public var observedSpread: Decibels?
    /// Posture episodes and moving windows since the last change point.
    public var evidence: Int
    /// The last change point (drift) the estimate restarted from.
    public var since: Timestamp?
}

/// A battery's effective capacity (gauge remaining over state of charge) and its drain
/// beside the model's predicted current; `extraCurrent` is the drain the model misses.
public struct BatteryCalibration: Sendable, Hashable {
    public var device: String
    public var nominalCapacity: Charge
    public var capacity: Charge?
    public var drain: Current?
    public var drainError: Current?
    public var predictedCurrent: Current?
    public var extraCurrent: Current?
    public var readings: Int
}

extension LiveTwin {
    /// The calibration the state supports now.
    public func calibration() -> Calibration {
        var links: [LinkCalibration] = []
        for (index, link) in model.links.enumerated() {
            let state = state.links[index]
            guard state.tracker.evidence > 0 else { continue }
            let level = state.tracker.staticLevel
            links.append(LinkCalibration(
                link: link.id, device: model.devices[link.device].id, gateway: model.gateways[link.gateway],
                isPrimary: model.devices[link.device].gateways.first == link.gateway,
                offset: Decibels(dB: link.modelLevel.dBm - level.mean), offsetSigma: Decibels(dB: level.sigma),
                modelSigma: link.sigma, observedSpread: state.tracker.observedSpread.map { Decibels(dB: $0) },
                evidence: state.tracker.evidence, since: state.lastDrift))
        }
        var batteries: [BatteryCalibration] = []
        for (index, device) in model.devices.enumerated() {
            let battery = state.devices[index].battery
            guard battery.last != nil else { continue }
            let drain = battery.drain
            var extra: Current?
            if let drain, let predicted = device.predictedCurrent, battery.drifted {
                extra = drain.current - predicted
            }
            batteries.append(BatteryCalibration(
                device: device.id, nominalCapacity: device.capacity, capacity: battery.capacityEstimate,
                drain: drain?.current, drainError: drain?.standardError, predictedCurrent: device.predictedCurrent,
                extraCurrent: extra, readings: battery.readings))
        }
        let total = postureTime.reduce(0) { $0 + $1.1 }
        let activity = total > 0 ? postureTime.map { ($0.0, $0.1 / total) } : []
        return Calibration(
            links: links, batteries: batteries, activity: activity,
            provenance: Provenance(from: state.firstObservation, to: state.clock, batches: state.batchesAccepted,
                                   observations: state.observationsAccepted,
                                   method: "posterior of the static link level (prior: the twin's mean loss and σ; posture episodes inverse-variance weighted, restarted at each drift); battery capacity = gauge remaining / state of charge; drain = mean gauge current"))
    }
}
