import Foundation
import Testing
import TwinUnits
@testable import TwinModels
import TwinVocabulary

/// Published values written here as literals, so a changed constant in the model fails
/// a test instead of being reused by it (issue 11 §6).
@Suite("Published constants pinned as literals: CM3 coefficients, threat vectors (issue 11 §6)")
struct PublishedConstantsTests {
    /// IEEE P802.15-08-0780 TG6 CM3 (Dolmans & Fort, 15-08-0418), hospital room,
    /// `PL(d) = a·log10(d/mm) + b`, as tabulated in ban-numbers.md §1: 400 MHz a 3.0,
    /// b 34.6, σ 4.63 (◐); 900 MHz a 15.5, b 5.38, σ 5.35 (✔); 2.4 GHz a 6.6, b 36.1,
    /// σ 3.8 (◐). Losses at 100 mm and 1 m are computed by hand from those literals.
    @Test("CM3 at 400 MHz, 900 MHz and 2.4 GHz: a, b, σ and PL at 100 mm / 1 m")
    func cm3() {
        let rows: [(OnBodyCM3, a: Double, b: Double, sigma: Double, at100: Double, at1000: Double)] = [
            (.hospital400MHz, 3.0, 34.6, 4.63, 40.6, 43.6),
            (.hospital900MHz, 15.5, 5.38, 5.35, 36.38, 51.88),
            (.hospital2400MHz, 6.6, 36.1, 3.8, 49.3, 55.9),
        ]
        for row in rows {
            #expect(row.0.a == row.a, "\(row.0.name)")
            #expect(row.0.b == row.b, "\(row.0.name)")
            #expect(row.0.sigma.dB == row.sigma, "\(row.0.name)")
            #expect(isClose(row.0.meanLoss(at: .millimeters(100)).dB, row.at100, absolute: 1e-9), "\(row.0.name)")
            #expect(isClose(row.0.meanLoss(at: .meters(1)).dB, row.at1000, absolute: 1e-9), "\(row.0.name)")
        }
    }

    @Test("each threat's unmitigated CVSS v3.1 vector and score (ban-numbers.md §6)")
    func threatVectors() {
        let expected: [(Threat, String, Double)] = [
            (.jamming, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 6.5),
            (.eavesdropping, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 6.5),
            (.spoofing, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 6.5),
            (.replay, "CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N", 5.3),
            (.nodeCapture, "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8),
            (.denialOfService, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 6.5),
        ]
        #expect(expected.count == Threat.allCases.count)
        for (threat, vector, score) in expected {
            #expect(threat.unmitigatedVector.description == vector, "\(threat)")
            #expect(threat.unmitigatedVector.baseScore == score, "\(threat)")
        }
    }
}
