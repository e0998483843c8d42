import TwinEngine
import TwinModels
import TwinUnits

/// A 2.4 GHz WLAN of the twin as the narrow radios at its gateway see it: an on/off
/// interferer whose duty cycle is its last batch's air time (`WidebandFlow` serves a
/// WLAN flow in 100 ms batches, not frame by frame), whose bursts are its frames, and
/// whose power a victim's channel takes in through the WLAN's spectral mask.
///
/// Sources: the collision-time model of IEEE 802.15.2-2003 / Howitt, IEEE TVT 51(6)
/// 2002 (`OnOffInterferer`, random timing: a saturated or Poisson WLAN) and the OFDM
/// transmit mask (`RadioChannel.capturedShare`). Shortcuts, named in
/// docs/validation.md: a WLAN interferes at the gateway it sends to (the level there is
/// its own link's), and the narrow radios' frames do not hurt the WLAN's.
struct WLANActivity: Sendable {
    let device: Int
    let channel: RadioChannel
    /// Air time of one of its frames: the burst a victim frame may overlap.
    let burst: SimTime
    var gateway = -1
    var level = -Double.infinity
    var power = 0.0
    var dutyCycle = 0.0
    var batchStart = SimTime.zero
    /// Share of its power each victim channel takes in, by victim centre (kHz).
    var shares: [Int64: Double] = [:]

    /// Records a batch that ended at `time`, sent over `airtime` at `level` dBm to `gateway`.
    mutating func batch(endingAt time: SimTime, airtime: Int64, gateway: Int, level: Double, power: Double) {
        let span = (time - batchStart).nanoseconds
        dutyCycle = span > 0 ? Swift.min(1, Double(airtime) / Double(span)) : 0
        batchStart = time
        self.gateway = gateway
        self.level = level
        self.power = power
    }

    /// The share of the WLAN's power inside `victim` (cached: the mask is integrated).
    mutating func share(into victim: AirChannel) -> Double {
        let key = Int64((victim.centre.si / 1e3).rounded()) &* 1_000 &+ Int64((victim.width.si / 1e3).rounded())
        if let known = shares[key] { return known }
        let narrow = RadioChannel(technology: .bluetoothLowEnergy, centre: victim.centre, width: victim.width)
        let value = narrow.capturedShare(of: channel)
        shares[key] = value
        return value
    }
}

extension BANSimulation {
    /// The WLANs on the 2.4 GHz band, one activity record each.
    static func wlanActivities(parameters: [DeviceParameters], spectra: [DeviceSpectrum]) -> [WLANActivity] {
        parameters.indices.compactMap { index in
            guard spectra[index].isWLAN24, case .fixed(let air) = spectra[index].use else { return nil }
            let burst = parameters[index].frame.airtime(payload: parameters[index].traffic.samplePayload)
            return WLANActivity(device: index, channel: RadioChannel(technology: .wlan, centre: air.centre,
                                                                     width: air.width),
                                burst: burst)
        }
    }

    /// A WLAN batch ended: its duty cycle and level at its gateway from now on.
    mutating func wlanBatch(_ device: Int, at time: SimTime, airtime: Int64, gateway: Int, level: Double) {
        guard let index = wlans.firstIndex(where: { $0.device == device }) else { return }
        wlans[index].batch(endingAt: time, airtime: airtime, gateway: gateway, level: level,
                           power: devices[device].caches.receivedPower(level: level))
    }

    /// Power (mW) the 2.4 GHz WLANs at `gateway` add to a frame of `device` on `airChannel`
    /// lasting `airtime`: each WLAN's in-channel power when the frame overlaps one of its
    /// bursts (one draw from the device's `reception` stream per WLAN it could overlap).
    mutating func wlanInterference(_ device: Int, gateway: Int, airChannel: AirChannel, airtime: SimTime) -> Double {
        guard !wlans.isEmpty else { return 0 }
        var total = 0.0
        for index in wlans.indices where wlans[index].gateway == gateway && wlans[index].device != device
            && wlans[index].dutyCycle > 0 && devices[wlans[index].device].isRunning {
            let share = wlans[index].share(into: airChannel)
            guard share > 0 else { continue }
            let activity = OnOffInterferer(burst: wlans[index].burst.time, dutyCycle: wlans[index].dutyCycle,
                                           timing: .random)
            let overlap = activity.overlapProbability(airtime: airtime.time)
            if devices[device].receptionStream.uniform() < overlap { total += wlans[index].power * share }
        }
        return total
    }
}
