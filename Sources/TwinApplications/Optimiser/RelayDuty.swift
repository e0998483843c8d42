import Foundation
import TwinConfig
import TwinModels
import TwinRuntime

/// What relaying costs the relay's radio, per second (issue 11 §4), for the analytic
/// estimate of the relay (`DeviceEstimate`): without it a relay looked free to the
/// search (`relativeCurrent`, the bystander lifetime floor) while the simulation
/// charged it every source frame.
///
/// As the runtime charges it (`BANSimulation.relayCarries`, `RelayCost`): the relay
/// receives every attempt of every source frame and the gateway's ACK window after it
/// (incremental decode-and-forward overhears all of them), and for each frame the
/// gateway missed and the relay decoded — `f_sd·(1 − f_sr)` of the attempts, the hops
/// as independent as in `RelayScheme` — it sends the frame and receives the ACK to it.
/// The source's attempts per frame are its own relayed estimate's,
/// `(1 − f^(R+1))/(1 − f)`.
///
/// Shortcuts (docs/validation.md): the forward buffer's overflow and a forward the
/// gateway already has are not subtracted (an upper bound on forwards); the overhearing
/// is receive time on top of the relay's own radio state, as the runtime charges it.
enum RelayDuty {
    /// The transmit and receive seconds per second `relay` spends on the devices of
    /// `config.network` that name it as their relay.
    static func duty(of relay: DeviceConfig, config: TwinConfig, postures: [(ActivityFading, Double)],
                     useCastaliaMap: Bool, outages: LinkOutageMemo? = nil) -> AnalyticEnergyModel.Duty {
        var duty = AnalyticEnergyModel.Duty()
        let network = config.network
        for source in network.devices where source.relay == relay.id && source.id != relay.id {
            guard let air = DeviceAirInterface(device: source),
                  let gateway = network.gateways.first(where: { $0.id == source.primaryGateway }) else { continue }
            let traffic = AnalyticEnergyModel.Traffic(device: source, air: air)
            guard traffic.framesPerSecond > 0 else { continue }
            let direct = LinkEstimate(device: source, gateway: gateway, useCastaliaMap: useCastaliaMap)
                .outage(transmit: source.radio.txPower, sensitivity: source.radio.sensitivity, postures: postures,
                        memo: outages)
            let hop = DeviceAirInterface.relayLink(from: source, to: relay, useCastaliaMap: useCastaliaMap)
            let toRelay = LinkEstimate(meanLoss: hop.meanLoss, sigma: hop.sigma)
                .outage(transmit: source.radio.txPower, sensitivity: relay.radio.sensitivity, postures: postures,
                        memo: outages)
            let f = DeviceEstimate.relayedFailure(device: source, direct: direct, config: config, postures: postures,
                                                  useCastaliaMap: useCastaliaMap, outages: outages)
            let retries = Double(Swift.max(0, source.mac.maxRetries))
            let attempts = f >= 1 ? retries + 1 : (1 - pow(f, retries + 1)) / (1 - f)
            let frames = traffic.framesPerSecond * attempts
            let airtimePerFrame = traffic.airtimePerSecond / traffic.framesPerSecond
            let acknowledgement = air.acknowledgementAirtime.si
            let forwards = frames * direct * (1 - toRelay)
            duty.receive += frames * (airtimePerFrame + acknowledgement) + forwards * acknowledgement
            duty.transmit += forwards * airtimePerFrame
        }
        return duty
    }
}
