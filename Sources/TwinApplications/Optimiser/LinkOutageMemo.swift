import TwinModels
import TwinUnits

/// Link outages the analytic search has already worked out, shared by its workers.
///
/// Why: a device's estimate is recomputed for every setting of its knobs (and a relay's
/// for every setting of its sources'), yet most knobs (retries, MAC mode, allocation
/// period) leave its links alone, and the same link at the same TX power was integrated
/// over the postures again each time (perf: a sixth of a short main job). The outage is
/// a function of the link, the powers and the posture mix, which is fixed for one memo
/// (one evaluator), so a remembered value is the value; the search's output is the same.
typealias LinkOutageMemo = SharedMemo<LinkOutageKey, Double>

/// A link outage's arguments (the posture mix is the memo's, one per evaluator).
struct LinkOutageKey: Hashable {
    var link: LinkEstimate
    var transmit: Double
    var sensitivity: Double
}

extension LinkEstimate {
    /// `outage(transmit:sensitivity:postures:)`, remembered in `memo` when there is one
    /// (its posture mix must be `postures`).
    func outage(transmit: PowerLevel, sensitivity: PowerLevel, postures: [(ActivityFading, Double)],
                memo: LinkOutageMemo?) -> Double {
        guard let memo else { return outage(transmit: transmit, sensitivity: sensitivity, postures: postures) }
        return memo.value(for: LinkOutageKey(link: self, transmit: transmit.dBm, sensitivity: sensitivity.dBm)) {
            outage(transmit: transmit, sensitivity: sensitivity, postures: postures)
        }
    }
}
