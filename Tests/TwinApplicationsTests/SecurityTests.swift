import Foundation
import Testing
import TwinConfig
import TwinJSON
import TwinModels
import TwinOutput
import TwinRuntime
import TwinTestSupport
import TwinUnits
@testable import TwinApplications
import TwinVocabulary

@Suite("Security application")
struct SecurityApplicationTests {
    /// An unsecured pump (level 0) and a level-2 ECG patch; an attacker forges frames in
    /// each one's name twice a second from 10 s to 40 s of a 60 s run; the twin must
    /// detect spoofing within 2 s.
    static func spoofingTwin() -> TwinConfig {
        AppsFixture.config(
            devices: [AppsFixture.device("pump", security: 0), AppsFixture.device("ecg", placement: .abdomen, security: 2)],
            goals: [AppsFixture.goal("detect-spoofing", .securityDetect, nil, .ratio, devices: [],
                                     threats: [.spoofing], within: .seconds(2))],
            scenarios: [
                AppsFixture.scenario("baseline", []),
                AppsFixture.scenario("spoof-pump", [AppsFixture.event(.attack(.spoofing), "pump", at: .seconds(10),
                                                                      duration: .seconds(30), ["rate_per_s": 2])]),
                AppsFixture.scenario("spoof-ecg", [AppsFixture.event(.attack(.spoofing), "ecg", at: .seconds(10),
                                                                     duration: .seconds(30), ["rate_per_s": 2])]),
            ])
    }

    @Test("level 0 accepts spoofed frames, level 2 rejects them and the detector sees it at once")
    func spoofingByLevel() throws {
        let config = Self.spoofingTwin()
        let (outcomes, report) = try AppsFixture.run(config)
        let security = SecurityReport.evaluate(config: config, outcomes: outcomes, report: report)
        #expect(security.threats.count == 2)
        let pump = try #require(security.threats.first { $0.scenario == "spoof-pump" })
        #expect(pump.accepted > 20 && pump.rejected == 0)
        #expect(pump.vector == "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N")
        #expect(pump.score == 6.5 && pump.severity == .medium)
        #expect(pump.verdict == "exposed")
        let ecg = try #require(security.threats.first { $0.scenario == "spoof-ecg" })
        #expect(ecg.accepted == 0 && ecg.rejected > 20)
        #expect(ecg.score == 0 && ecg.severity == .none)
        #expect(ecg.detected)
        #expect((ecg.detectionDelay?.si ?? .infinity) <= 1)
        #expect(ecg.detectWithin?.si == 2)
        #expect(ecg.verdict == "protected")
    }

    @Test("an attack not detected by the stop of a settled scenario says where the run stopped, and not when it ran on")
    func undetectedByTheStop() throws {
        // A jammer far below the noise floor: the detector cannot see it. The scenario's
        // only goal is detection within 2 s, so it stops at the burst's end (GoalSettling).
        let config = AppsFixture.config(
            devices: [AppsFixture.device("ecg", placement: .abdomen, security: 2)],
            goals: [AppsFixture.goal("detect-jamming", .securityDetect, ">= 95 %", .ratio, devices: [],
                                     threats: [.jamming], within: .seconds(2))],
            scenarios: [AppsFixture.scenario("faint-jammer", [AppsFixture.event(
                .attack(.jamming), "hub", at: .seconds(10), duration: .seconds(10), ["power_dBm": -140])]),
                        AppsFixture.scenario("listen", [AppsFixture.event(
                .attack(.eavesdropping), "body", at: .seconds(10), duration: .seconds(10), ["distance_m": 2])])])
        let (outcomes, report) = try AppsFixture.run(config)
        let threats = SecurityReport.evaluate(config: config, outcomes: outcomes, report: report).threats
        let threat = try #require(threats.first { $0.scenario == "faint-jammer" })
        #expect(threat.verdict == "undetected")
        #expect(threat.watchedUntil?.si == 20)
        // Eavesdropping stops too, but no detection goal asks about it: nothing was watched.
        #expect(report.scenarios.first { $0.id == "listen" }?.simulatedUntil?.si == 20)
        #expect(try #require(threats.first { $0.scenario == "listen" }).watchedUntil == nil)
        let security = SecurityReport.evaluate(config: config, outcomes: outcomes, report: report)
        #expect(security.text().contains("faint-jammer: its attack was not detected in every replication by 20 s, where the run stopped"))
        #expect(security.jsonValue()["threats"]?.arrayValue?.first?["watchedUntil_s"]?.numberValue == 20)

        let plan = RunPlan(RunRequest(config: config, overrides: RunOverrides(wholeHorizon: true)))
        let whole = try simulateScenarios(plan)
        let ranOn = SecurityReport.evaluate(config: config, outcomes: whole, report: buildReport(plan: plan, outcomes: whole))
        #expect(ranOn.threats.first?.watchedUntil == nil)
        #expect(!ranOn.text().contains("where the run stopped"))
    }

    @Test("CVSS v3.1: FIRST's published examples through TwinModels.CVSS")
    func firstExamples() throws {
        // FIRST, "CVSS v3.1 Examples": the adjacent and physical vectors a BAN meets.
        let examples: [(String, Double)] = [
            ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.8),  // CVE-2011-1265 Microsoft Bluetooth stack
            ("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H", 9.3),  // CVE-2013-6014 Juniper proxy ARP
            ("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N", 6.8),  // CVE-2008-1447 DNS cache poisoning
            ("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N", 4.6),  // CVE-2014-2019 iOS passcode bypass
            ("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 7.6),  // CVE-2018-3652 Intel debug interface
            ("CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 6.8),  // CVE-2014-2005 Sophos disk encryption
        ]
        for (vector, score) in examples {
            #expect(try CVSSVector.parse(vector).get().baseScore == score, "\(vector)")
        }
    }

    @Test("the vector of a threat follows the device's security level")
    func vectorsByLevel() throws {
        func score(_ threat: Threat, _ level: Int, observed: Bool = false) -> Double? {
            ThreatAssessment.vector(threat: threat, level: level, observedSuccess: observed)?.baseScore
        }
        #expect(ThreatAssessment.vector(threat: .eavesdropping, level: 0, observedSuccess: false)?.description
            == "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N")
        #expect(score(.eavesdropping, 0) == 6.5)
        #expect(score(.eavesdropping, 1) == 6.5)  // a MIC does not hide the payload
        #expect(score(.eavesdropping, 2) == 0)
        #expect(score(.eavesdropping, 2, observed: true) == 6.5)  // the measurement wins
        #expect(score(.spoofing, 0) == 6.5 && score(.spoofing, 1) == 0)
        #expect(score(.replay, 0) == 5.3 && score(.replay, 2) == 0)
        #expect(score(.jamming, 2) == 6.5 && score(.denialOfService, 2) == 6.5)
        #expect(score(.nodeCapture, 2) == 6.8)
    }

    @Test("the recommendation is the lowest level that counters the goal's threats, with its cost")
    func lowestSufficientLevel() throws {
        func recommend(_ threats: [Threat], level: Int? = nil) -> SecurityRecommendation? {
            let config = AppsFixture.config(
                devices: [AppsFixture.device("pump", security: 0)],
                goals: [AppsFixture.goal("protect", .securityProtect, nil, .count, devices: ["pump"], threats: threats,
                                         level: level)],
                scenarios: [AppsFixture.scenario("baseline", [])])
            return SecurityRecommendation.recommend(config: config, staged: [])
        }
        #expect(recommend([.spoofing, .replay])?.securityLevel == 1)
        #expect(recommend([.eavesdropping])?.securityLevel == 2)
        #expect(recommend([.spoofing], level: 2)?.securityLevel == 2)
        #expect(recommend([.jamming])?.securityLevel == 0)
        #expect(recommend([.jamming])?.countermeasures.first?.threat == "jamming")
        // Cost: 6 octets (LSSN + MIC) more per 64-octet frame at 971.4 kbps, 5 frames a
        // second at 9 mA (−6 dBm) and 3 V.
        let spoofing = try #require(recommend([.spoofing]))
        let air = try #require(DeviceAirInterface(device: AppsFixture.device("pump", security: 1)))
        let plain = try #require(DeviceAirInterface(device: AppsFixture.device("pump", security: 0)))
        let extra = air.frameAirtime(payloadBytes: 64).si - plain.frameAirtime(payloadBytes: 64).si
        #expect(extra > 0)
        #expect(abs(spoofing.latencyCost.si - extra) < 1e-12)
        #expect(abs(spoofing.energyCostPerDay.si - extra * 5 * 86_400 * 9e-3 * 3) < 1e-9)
    }

    @Test("the security cost is paid per frame: four samples per packet cost about a quarter")
    func securityCostFollowsAggregation() throws {
        func cost(aggregation: Int) throws -> SecurityRecommendation.DeviceCost {
            var device = AppsFixture.device("pump", payload: 16, security: 0)
            device.traffic.aggregation = aggregation
            return try #require(SecurityRecommendation.cost(of: 1, for: device))
        }
        let single = try cost(aggregation: 1), aggregated = try cost(aggregation: 4)
        #expect(single.energyPerDay.si > 0)
        // One 64-octet frame every 0.8 s instead of a 16-octet frame every 0.2 s: the
        // MIC and LSSN are paid a quarter as often.
        #expect(abs(aggregated.energyPerDay.si / single.energyPerDay.si - 0.25) < 0.02)
        // The extra octets per frame are the same, so each packet's extra air time is
        // about the same (symbol padding aside).
        #expect(abs(aggregated.extraAirtime.si / single.extraAirtime.si - 1) < 0.1)
    }

    @Test("eavesdropping: frames readable below level 2, reach from TX power; JSON members")
    func eavesdropping() throws {
        let config = AppsFixture.config(
            devices: [AppsFixture.device("pump", security: 0), AppsFixture.device("ecg", placement: .abdomen, security: 2)],
            scenarios: [AppsFixture.scenario("listen", [AppsFixture.event(.attack(.eavesdropping), "body", at: .seconds(5),
                                                                          duration: .seconds(20), ["distance_m": 2])])])
        let (outcomes, report) = try AppsFixture.run(config)
        let security = SecurityReport.evaluate(config: config, outcomes: outcomes, report: report)
        let threat = try #require(security.threats.first)
        let pump = try #require(threat.devices.first { $0.device == "pump" })
        let ecg = try #require(threat.devices.first { $0.device == "ecg" })
        #expect(pump.framesExposed > 0 && pump.score == 6.5)
        #expect(ecg.framesOverheard > 0 && ecg.framesExposed == 0 && ecg.score == 0)
        // −6 dBm against −87 dBm sensitivity, 55 dB at 1 m, η = 2.4: 10^(26/24) m.
        #expect(abs((pump.reach?.si ?? 0) - pow(10, 26.0 / 24)) < 1e-9)
        #expect(threat.verdict == "exposed")
        let json = security.jsonValue()
        let row = try #require(json["threats"]?.arrayValue?.first)
        for member in ["scenario", "kind", "target", "securityLevel", "cvss", "accepted", "rejected", "framesExposed",
                       "detected", "detectionDelay_s", "detectWithin_s", "verdict"] {
            #expect(row[member] != nil, "missing \(member)")
        }
        #expect(row["cvss"]?["score"]?.numberValue == 6.5)
        let recommendation = try #require(json["recommendation"])
        #expect(recommendation["securityLevel"]?.numberValue == 2)
        for member in ["energyCost_J_per_day", "latencyCost_s", "reason"] { #expect(recommendation[member] != nil) }
        #expect(security.text().hasPrefix("Security\n"))
    }

    /// A detection goal's scenario repeats its attack (AttackOnsets); the text folds a run
    /// of attacks with the same figures into one row and one airtime line, and says so.
    /// The JSON keeps every attack.
    @Test("repeated attacks with the same figures are one row in the text, each in the JSON")
    func repeatedAttacksFold() throws {
        let bursts = [10, 20, 30].map { start in
            AppsFixture.event(.attack(.jamming), "hub", at: .seconds(Double(start)), duration: .seconds(5), ["power_dBm": -77])
        }
        let config = AppsFixture.config(
            devices: [AppsFixture.device("ecg", placement: .abdomen, security: 2)],
            goals: [AppsFixture.goal("detect-jamming", .securityDetect, ">= 95 %", .ratio, devices: [],
                                     threats: [.jamming], within: .seconds(2))],
            scenarios: [AppsFixture.scenario("jamming", bursts)])
        let (outcomes, report) = try AppsFixture.run(config)
        let security = SecurityReport.evaluate(config: config, outcomes: outcomes, report: report)
        #expect(security.threats.count == 3)
        #expect(security.jsonValue()["threats"]?.arrayValue?.count == 3)
        let text = security.text()
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("  jamming ") }
        #expect(rows.count == 1, "\(text)")
        #expect(rows.first?.contains("jamming (constant) ×3") == true, "\(text)")
        #expect(text.contains("  jamming: attacker on the air 5 s (constant jammer) in each of 3 attacks\n"), "\(text)")
        #expect(text.contains("×N: N attacks of the scenario in a row with the same figures, shown once"))
    }
}
