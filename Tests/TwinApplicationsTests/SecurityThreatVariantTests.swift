import Testing
import TwinConfig
import TwinJSON
import TwinModels
import TwinOutput
import TwinRuntime
import TwinTestSupport
import TwinUnits
@testable import TwinApplications

/// The security application on the jammer modes (constant, random, reactive) and on
/// node capture.
@Suite("Security application: jammer modes and node capture")
struct SecurityThreatVariantTests {
    /// One level-2 ECG patch at 10 frames a second; a jammer at the hub from 20 s to 60 s
    /// in each mode; the twin must detect jamming within 5 s.
    static func jammingTwin() -> TwinConfig {
        func jam(_ id: String, _ mode: [String: Double]) -> ScenarioConfig {
            AppsFixture.scenario(id, [AppsFixture.event(.attack(.jamming), "hub", at: .seconds(20), duration: .seconds(40),
                                                        mode.merging(["power_dBm": -60]) { $1 })])
        }
        return AppsFixture.config(
            devices: [AppsFixture.device("ecg", interval: .milliseconds(100), security: 2)],
            goals: [AppsFixture.goal("detect-jamming", .securityDetect, nil, .ratio, devices: [], threats: [.jamming],
                                     within: .seconds(5))],
            scenarios: [AppsFixture.scenario("baseline", []), jam("constant", [:]),
                        jam("random", ["random": 1, "on_s": 1, "off_s": 1]), jam("reactive", ["reactive": 1])])
    }

    @Test("threat rows name the jammer mode; the reactive jammer is detected at a fraction of the air time")
    func jammerModes() throws {
        let config = Self.jammingTwin()
        let (outcomes, report) = try AppsFixture.run(config)
        let security = SecurityReport.evaluate(config: config, outcomes: outcomes, report: report)
        func row(_ scenario: String) throws -> ThreatAssessment {
            try #require(security.threats.first { $0.scenario == scenario })
        }
        let constant = try row("constant"), random = try row("random"), reactive = try row("reactive")
        #expect(constant.jammerMode == "constant" && random.jammerMode == "random" && reactive.jammerMode == "reactive")
        let constantAir = try #require(constant.attackerAirtime).si
        let randomAir = try #require(random.attackerAirtime).si
        let reactiveAir = try #require(reactive.attackerAirtime).si
        #expect(constantAir == 40)
        #expect(randomAir > 10 && randomAir < 30, "random on \(randomAir) s")
        #expect(reactiveAir > 0 && reactiveAir < 0.1 * constantAir, "reactive on \(reactiveAir) s")
        // Every mode is still an availability threat no level mitigates.
        #expect(reactive.score == 6.5 && reactive.vector.hasSuffix("A:H"))
        #expect(reactive.detected, "the PDR/signal-strength check must see the reactive jammer")
        #expect((reactive.detectionDelay?.si ?? .infinity) <= 5)
        #expect(constant.detected)
        let text = security.text()
        #expect(text.contains("jamming (reactive)") && text.contains("jamming (random)"))
        let json = security.jsonValue()
        let rows = try #require(json["threats"]?.arrayValue)
        #expect(rows.contains { $0["jammerMode"]?.stringValue == "reactive" && $0["attackerAirtime_s"]?.numberValue != nil })
    }

    /// The same level-2 ECG under spoofing and under node capture of its keys.
    @Test("node capture defeats level 2: forged frames accepted where spoofing is rejected; AV:P vector; re-keying")
    func nodeCapture() throws {
        let config = AppsFixture.config(
            devices: [AppsFixture.device("ecg", interval: .milliseconds(100), security: 2)],
            scenarios: [
                AppsFixture.scenario("baseline", []),
                AppsFixture.scenario("spoof", [AppsFixture.event(.attack(.spoofing), "ecg", at: .seconds(10),
                                                                 duration: .seconds(40), ["rate_per_s": 2])]),
                AppsFixture.scenario("capture", [AppsFixture.event(.attack(.nodeCapture), "ecg", at: .seconds(10),
                                                                   ["rate_per_s": 2])]),
            ])
        let (outcomes, report) = try AppsFixture.run(config)
        let security = SecurityReport.evaluate(config: config, outcomes: outcomes, report: report)
        let spoof = try #require(security.threats.first { $0.scenario == "spoof" })
        #expect(spoof.accepted == 0 && spoof.rejected > 20 && spoof.verdict == "protected")
        let capture = try #require(security.threats.first { $0.scenario == "capture" })
        #expect(capture.threat == .nodeCapture)
        #expect(capture.accepted > 20 && capture.rejected == 0)
        #expect(capture.framesExposed > 100, "its frames are readable with its keys")
        #expect(capture.vector == "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" && capture.score == 6.8)
        #expect(capture.verdict == "exposed")
        #expect(capture.detected, "the first forgery collides with the genuine frame counter")
        #expect(capture.jammerMode == nil)
        let recommendation = try #require(security.recommendation)
        let measure = try #require(recommendation.countermeasures.first { $0.threat == "node-capture" })
        #expect(measure.measure == "key revocation / re-keying, tamper-resistant storage")
        #expect(!measure.levelMitigates)
        #expect(security.text().contains("against node-capture: key revocation / re-keying, tamper-resistant storage "
            + "(no security level mitigates it)"))
    }
}
