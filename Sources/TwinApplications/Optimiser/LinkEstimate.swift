import Foundation
import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits

/// The mean path loss and shadowing of a device → gateway link, and the per-attempt
/// outage a frame sees at a TX power: the optimiser's cheap link representation.
///
/// The geometry follows the runtime's channel (TwinRuntime `BodyGeometry`, which keeps
/// its link table internal): in-body devices use CM2 deep tissue → body surface
/// (Sayrafian-Pour et al., PIMRC 2009); two on-body ends use Castalia's NICTA map when
/// the plan chose it and both placements are map positions, otherwise CM3 by band at
/// the placement distance (IEEE P802.15-08-0780, Dolmans & Fort); an off-body gateway
/// uses Castalia's log-distance default (55 dB at 1 m, η = 2.4, σ = 4 dB). Outage is
/// `Φ((S − P̄rx)/σ)` (ban-numbers.md §7), averaged over the stationary posture
/// distribution when the plan chose posture fading (`LinkBudget.outageProbability`
/// with the posture's extra loss; Xiao et al. JSAC 2009 swings).
struct LinkEstimate: Sendable, Hashable {
    var meanLoss: Decibels
    var sigma: Decibels

    init(meanLoss: Decibels, sigma: Decibels) {
        self.meanLoss = meanLoss
        self.sigma = sigma
    }

    /// The link of `device` to `gateway`.
    init(device: DeviceConfig, gateway: GatewayConfig, useCastaliaMap: Bool) {
        let onBodyGateway = gateway.placement != "off-body" && BodyGeometry.position(of: gateway.placement) != nil
        if device.inBody || device.placement == "in-body" {
            let model = InBodyCM2.deepTissueToBodySurface
            let distance = onBodyGateway
                ? (BodyGeometry.distance("in-body", gateway.placement) ?? .millimeters(300))
                : Distance(si: Swift.max(gateway.distance.si, 0.05))
            self.init(meanLoss: model.meanLoss(at: distance), sigma: model.shadowingSigma)
            return
        }
        if onBodyGateway, BodyGeometry.position(of: device.placement) != nil {
            if useCastaliaMap, let a = Self.mapPosition(device.placement), let b = Self.mapPosition(gateway.placement),
               let loss = CastaliaPathLossMap.averageLoss(a, b) {
                self.init(meanLoss: loss, sigma: OnBodyCM3.hospital2400MHz.sigma)
                return
            }
            let model = Self.onBodyModel(frequency: device.radio.frequency)
            let distance = BodyGeometry.distance(device.placement, gateway.placement) ?? .millimeters(300)
            self.init(meanLoss: model.meanLoss(at: Distance(si: Swift.max(distance.si, 0.05))), sigma: model.sigma)
            return
        }
        let model = LogDistancePathLoss.castaliaDefault
        self.init(meanLoss: model.meanLoss(at: Distance(si: Swift.max(gateway.distance.si, 0.1))), sigma: model.sigma)
    }

    /// Probability that one frame sent at `transmit` arrives below the receiver's
    /// sensitivity, averaged over `postures` (weights summing to 1; standing only when
    /// posture fading is off).
    func outage(transmit: PowerLevel, sensitivity: PowerLevel, postures: [(Posture, Double)]) -> Double {
        let received = LinkBudget.receivedLevel(transmit: transmit, pathLoss: meanLoss)
        var total = 0.0
        for (posture, weight) in postures {
            total += weight * LinkBudget.outageProbability(meanReceived: received, sensitivity: sensitivity,
                                                           channelSigma: sigma, posture: posture)
        }
        return Swift.min(Swift.max(total, 0), 1)
    }

    /// The Castalia map position of a placement, with the runtime's aliases.
    static func mapPosition(_ placement: String) -> CastaliaBodyPosition? {
        switch placement {
        case "hip-right": .rightHip
        case "wrist-left": .leftWrist
        case "wrist-right": .rightWrist
        case "ankle-left": .leftAnkle
        case "ankle-right": .rightAnkle
        default: CastaliaBodyPosition(name: placement)
        }
    }

    /// The CM3 hospital fit for a carrier: 400, 600, 900 MHz or 2.4 GHz.
    static func onBodyModel(frequency: Frequency) -> OnBodyCM3 {
        let f = frequency.si
        if f < 500e6 { return .hospital400MHz }
        if f < 750e6 { return .hospital600MHz }
        if f < 1.5e9 { return .hospital900MHz }
        return .hospital2400MHz
    }
}

/// The posture mix the links see: the stationary distribution of the runtime's
/// waking-day chain when the plan chose `posture-fading`, standing still otherwise.
func postureMix(config: TwinConfig) -> [(Posture, Double)] {
    guard config.models.contains(where: { $0.id == "posture-fading" }),
          let stationary = try? PostureChain.wakingDay.stationaryDistribution() else { return [(.standing, 1)] }
    return Posture.allCases.compactMap { posture in stationary[posture].map { (posture, $0) } }.filter { $0.1 > 0 }
}
