import Foundation
import Testing
import TwinUnits
@testable import TwinModels
import TwinVocabulary

@Suite("802.15.6 security levels, CVSS v3.1, attack trees (ban-numbers.md §6)")
struct SecurityTests {
    static let checkVectors: [(String, Double)] = [
        // ban-numbers.md §6 check values.
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10.0),
        ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 6.5),
        ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 6.5),
        ("CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N", 5.3),
        ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H", 8.1),
        ("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8),
        // FIRST CVSS v3.1 Examples document.
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5), // CVE-2014-0160 Heartbleed
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1), // CVE-2013-1937 phpMyAdmin XSS
        ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N", 6.4), // CVE-2013-0375 MySQL
        ("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", 3.1), // CVE-2014-3566 POODLE
        ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H", 9.9), // CVE-2012-1516 VMware
        ("CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L", 4.2), // CVE-2009-0783 Tomcat
        ("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", 8.8), // CVE-2012-0384 Cisco IOS
        ("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", 7.8), // CVE-2015-1098 iWork
        ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N", 7.4), // CVE-2014-0224 OpenSSL CCS
        ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0),
    ]

    @Test("base scores of the check vectors", arguments: checkVectors)
    func baseScore(_ vector: String, _ score: Double) throws {
        let parsed = try CVSSVector.parse(vector).get()
        #expect(parsed.baseScore == score, "\(vector)")
        #expect(parsed.description == vector)
    }

    @Test("Roundup is exact on integers: 4.000000000000001 → 4.0, 4.02 → 4.1")
    func roundUp() {
        #expect(CVSSVector.roundUp(4.000000000000001) == 4.0)
        #expect(CVSSVector.roundUp(4.02) == 4.1)
        #expect(CVSSVector.roundUp(4.0) == 4.0)
        #expect(CVSSVector.roundUp(0.00001) == 0.1)
    }

    @Test("severity bands")
    func severity() throws {
        #expect(try CVSSVector.parse("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H").get().severity == .medium)
        #expect(CVSSSeverity(score: 9.8) == .critical)
        #expect(CVSSSeverity(score: 0) == .none)
        #expect(CVSSSeverity(score: 3.9) == .low)
        #expect(CVSSSeverity(score: 7.0) == .high)
    }

    @Test("parse errors name the problem")
    func parseErrors() {
        #expect(CVSSVector.parse("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") == .failure(.missingPrefix("AV:N/AC:L")))
        #expect(CVSSVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H") == .failure(.missingMetrics(["A"])))
        #expect(CVSSVector.parse("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
            == .failure(.invalidValue(metric: "AV", value: "X", allowed: ["N", "A", "L", "P"])))
        #expect(CVSSVector.parse("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") == .failure(.duplicateMetric("AV")))
        #expect(CVSSVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:F") == .failure(.unknownMetric("E")))
        #expect(CVSSVector.parse("CVSS:3.1/AV:N//AC:L") == .failure(.malformedPart("")))
    }

    @Test("802.15.6 security overhead: 0 / 6 / 6 bytes; what each level mitigates")
    func levels() {
        #expect(SecurityLevel.allCases.map(\.overheadBytes) == [0, 6, 6])
        #expect(SecurityLevel.authenticated.micBytes == 4)
        #expect(SecurityLevel.authenticatedEncrypted.maximumApplicationPayloadBytes == 249)
        #expect(Threat.eavesdropping.isMitigated(by: .authenticatedEncrypted))
        #expect(!Threat.eavesdropping.isMitigated(by: .authenticated))
        #expect(Threat.replay.isMitigated(by: .authenticated))
        #expect(!Threat.jamming.isMitigated(by: .authenticatedEncrypted))
    }

    @Test("attack tree: AND multiplies, OR is 1 − Π(1 − p)")
    func attackTree() {
        let tree = AttackTree.any(name: "disrupt ECG", children: [
            .leaf(name: "jam", probability: 0.3),
            .all(name: "spoof hub", children: [
                .leaf(name: "crack association", probability: 0.5),
                .leaf(name: "inject beacon", probability: 0.4),
            ]),
        ])
        #expect(isClose(tree.probability, 1 - 0.7 * 0.8, relative: 1e-12))
        #expect(tree.leafNames == ["jam", "crack association", "inject beacon"])
        let hardened = tree.settingLeaf("crack association", to: 0)
        #expect(isClose(hardened.probability, 0.3, relative: 1e-12))
        let ranking = tree.countermeasureRanking()
        #expect(ranking.map(\.leaf) == ["jam", "crack association", "inject beacon"])
        #expect(isClose(ranking[0].residualProbability, 0.2, relative: 1e-12))
        #expect(AttackTree.all(name: "empty", children: []).probability == 1)
        #expect(AttackTree.any(name: "empty", children: []).probability == 0)
    }
}
