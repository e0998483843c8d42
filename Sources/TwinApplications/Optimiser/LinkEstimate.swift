import Foundation
import TwinConfig
import TwinModels
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The mean path loss and shadowing of a device → gateway link, and the per-attempt
/// outage a frame sees at a TX power: the optimiser's cheap link representation.
///
/// The geometry is the runtime's own (`DeviceAirInterface.link`, i.e. `BodyGeometry`:
/// CM2 in-body, Castalia's NICTA map or CM3 on-body, log-distance off-body), so the
/// optimiser's estimate and the simulation can never disagree on a link. Outage is
/// `Φ((S − P̄rx)/σ)` (ban-numbers.md §7), averaged over the wearer's time budget when
/// the plan chose posture fading, each posture's bout shadow and fast fade added
/// (`ActivityFading.outageProbability`, the values of twin.json's `activity`, as the
/// runtime draws them: Castalia/NICTA, Smith et al. 2009/2011).
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
    func outage(transmit: PowerLevel, sensitivity: PowerLevel, postures: [(ActivityFading, Double)]) -> Double {
        guard !postures.isEmpty else {
            let received = LinkBudget.receivedLevel(transmit: transmit, pathLoss: meanLoss)
            return LinkBudget.outageProbability(meanReceived: received, sensitivity: sensitivity, sigma: sigma)
        }
        let threshold = Decibels(dB: transmit.dBm - sensitivity.dBm)
        var total = 0.0
        for (fading, weight) in postures {
            total += weight * fading.outageProbability(meanLoss: meanLoss, threshold: threshold, staticSigma: sigma)
        }
        return Swift.min(Swift.max(total, 0), 1)
    }
}

/// The posture mix the links see: the wearer's time budget with each posture's fading
/// (`BodyActivity`, from twin.json's `activity`) when the plan chose `posture-fading`;
/// empty (no fading, standing still) otherwise, as in the runtime.
func postureMix(config: TwinConfig) -> [(ActivityFading, Double)] {
    guard config.models.contains(where: { $0.id == "posture-fading" }) else { return [] }
    let activity = BodyActivity(config: config)
    return Posture.allCases.compactMap { posture in
        activity.shares[posture].map { (activity.parameters(of: posture), $0) }
    }
}
