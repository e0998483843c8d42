import TwinConfig
import TwinJSON
import TwinModels
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The security application's findings: every attack event of every scenario judged on
/// the network (`ThreatAssessment`: CVSS v3.1 base score of the exposure, forged frames
/// accepted or rejected, frames overheard, detection against the intent's deadline,
/// verdict), and the cheapest security level that meets the intent with its energy and
/// latency cost (`SecurityRecommendation`).
public struct SecurityReport: Sendable, Hashable {
    public var threats: [ThreatAssessment]
    public var recommendation: SecurityRecommendation?

    public static func evaluate(config: TwinConfig, outcomes: [[ReplicationOutcome]], report: RunReport) -> SecurityReport {
        var threats: [ThreatAssessment] = []
        var staged: [(threat: Threat, devices: [String])] = []
        for (scenarioIndex, scenario) in config.scenarios.enumerated() {
            let runs = ScenarioLookup.outcomes(outcomes, scenarioIndex)
            for (index, event) in scenario.events.enumerated() {
                guard let threat = ThreatAssessment.threat(ofEvent: event.kind) else { continue }
                staged.append((threat, ThreatAssessment.targets(of: event, in: config.network).map(\.id)))
                let stop = scenarioIndex < report.scenarios.count ? report.scenarios[scenarioIndex].simulatedUntil : nil
                if let assessment = ThreatAssessment.assess(event: event, index: index, scenario: scenario.id,
                                                            threat: threat, config: config, outcomes: runs,
                                                            simulatedUntil: stop) {
                    threats.append(assessment)
                }
            }
        }
        return SecurityReport(threats: threats,
                              recommendation: SecurityRecommendation.recommend(config: config, staged: staged))
    }
}
