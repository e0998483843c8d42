import Foundation
import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits

/// The mean path loss and shadowing of a device → gateway link, and the per-attempt
/// outage a frame sees at a TX power: the optimiser's cheap link representation.
///
/// The geometry is the runtime's own (`DeviceAirInterface.link`, i.e. `BodyGeometry`:
/// CM2 in-body, Castalia's NICTA map or CM3 on-body, log-distance off-body), so the
/// optimiser's estimate and the simulation can never disagree on a link. Outage is
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

    /// The link of `device` to `gateway`, exactly as the simulation draws it.
    init(device: DeviceConfig, gateway: GatewayConfig, useCastaliaMap: Bool) {
        let link = DeviceAirInterface.link(device: device, gateway: gateway, useCastaliaMap: useCastaliaMap)
        self.init(meanLoss: link.meanLoss, sigma: link.sigma)
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
}

/// The posture mix the links see: the stationary distribution of the runtime's
/// waking-day chain when the plan chose `posture-fading`, standing still otherwise.
func postureMix(config: TwinConfig) -> [(Posture, Double)] {
    guard config.models.contains(where: { $0.id == "posture-fading" }),
          let stationary = try? PostureChain.wakingDay.stationaryDistribution() else { return [(.standing, 1)] }
    return Posture.allCases.compactMap { posture in stationary[posture].map { (posture, $0) } }.filter { $0.1 > 0 }
}
