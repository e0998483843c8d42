import Testing
import TwinUnits
import TwinVocabulary
@testable import TwinModels

/// The requirement every device keeps under a recommendation, pinned as literals from
/// their sources (ban-numbers.md §3 and §7).
@Suite struct TrafficClassRequirementTests {
    /// Tachtatzis et al. 2012 Table 1: A1 < 200 ms; A2, B, D, E1, E2 < 3 s; C < 60 s;
    /// F1–F5 < 300 ms.
    @Test("ISO/IEEE 11073 class latencies of Tachtatzis et al. 2012 Table 1")
    func classLatencies() {
        let table: [(String, Double)] = [
            ("A1", 0.2), ("A2", 3), ("B", 3), ("C", 60), ("D", 3), ("E1", 3), ("E2", 3),
            ("F1", 0.3), ("F2", 0.3), ("F3", 0.3), ("F4", 0.3), ("F5", 0.3),
        ]
        #expect(table.map(\.0) == TrafficClass.allCases.map(\.rawValue))
        for (trafficClass, (name, seconds)) in zip(TrafficClass.allCases, table) {
            #expect(TrafficClassRequirement.latency(of: trafficClass).si == seconds, "\(name)")
        }
    }

    @Test("TG6 delivery (PER < 10 %), the 1 % outage link-margin floor and the tolerances")
    func floorsAndTolerances() {
        #expect(TrafficClassRequirement.minimumDelivery == 0.90)
        #expect(TrafficClassRequirement.maximumOutage == 0.01)
        #expect(DeviceFloorTolerance.delivery == 0.01)
        #expect(DeviceFloorTolerance.latency == 0.10)
        // A 1 % outage under σ = 3.8 dB (CM3, 2.4 GHz) needs a margin of 2.326 σ ≈ 8.84 dB.
        let margin = LinkBudget.requiredMargin(outage: TrafficClassRequirement.maximumOutage, sigma: Decibels(dB: 3.8))
        #expect(abs(margin.dB - 8.840) < 0.01)
    }
}
