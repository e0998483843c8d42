import TwinConfig
import TwinRuntime
import TwinUnits

/// When a device gets to transmit, for the optimiser's latency and delivery estimates:
/// the interval between its transmission opportunities, the spacing of retries and the
/// air time of a packet. The figures are those the energy model and the simulation use
/// (`AnalyticEnergyModel`'s allocation interval and mean backoff, `DeviceAirInterface`'s
/// frames), so the optimiser's current and its latency can never assume two MACs.
///
/// Sources: scheduled access `P = m · nSlots · Tslot` (Tachtatzis 2010 eq. 14); a retry
/// waits for the next allocation (IEEE 802.15.6 §6.2, the runtime's `ScheduledAccess`).
/// BLE: one connection event per connection interval, a lost packet is resent at the
/// next event (Core v5.x Vol 6 Part B §4.5). CSMA/CA: a backoff uniform in 1…CWmin
/// contention slots (802.15.6 §6.2.2.1, Castalia BaselineBANMac), modelled as U·A with
/// A = (CWmin + 1) slots so that its mean is the energy model's; a retry follows the
/// frame, pSIFS and the I-Ack slot with a fresh backoff (the doubling of CW after every
/// second failure is left out). Wideband flows wait for nothing.
struct AccessTiming: Sendable, Hashable {
    /// Interval between transmission opportunities; a packet arriving at random waits
    /// U·interval, U ~ U(0, 1).
    var opportunityInterval: Time
    /// Extra delay per retry.
    var retrySpacing: Time
    /// Air time of the device's periodic packet (k samples when aggregated): its frames
    /// back to back when it exceeds one frame's payload (`AnalyticEnergyModel.packetAirtime`,
    /// the traffic source's fragmentation), security overhead included.
    var packetAirtime: Time

    init(device: DeviceConfig, air: DeviceAirInterface) {
        let packetBytes = Int(device.traffic.payload.bytes.rounded(.up)) * device.traffic.samplesPerPacket
        packetAirtime = AnalyticEnergyModel.packetAirtime(air, packetBytes: packetBytes)
        switch air.access {
        case .scheduled:
            opportunityInterval = AnalyticEnergyModel.allocationInterval(of: device.mac)
            retrySpacing = opportunityInterval
        case .ble:
            opportunityInterval = device.mac.connectionInterval
            retrySpacing = device.mac.connectionInterval
        case .csmaCA:
            let backoff = AnalyticEnergyModel.meanBackoff(of: device, air: air)
            opportunityInterval = backoff * 2
            retrySpacing = packetAirtime + air.shortInterFrameSpace + air.acknowledgementAirtime + backoff
        default:
            opportunityInterval = .zero
            retrySpacing = .zero
        }
    }
}
