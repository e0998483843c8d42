import Testing
import TwinUnits
import TwinLive

/// A live recommendation says what it rests on: the optimiser screens a few short runs
/// of the baseline scenario and decides on their point estimates, without confirming at
/// the twin's own settings. The server puts this phrase in the recommendation event and
/// the API's recommendation (`evidence`).
@Suite struct RecommendationEvidenceTests {
    @Test func theEvidenceNamesTheRunsAndHowTheyDecide() {
        #expect(RecommendationSettings().evidence
            == "screened in 2 replications of 10 min of the baseline scenario, decided on point estimates")
        #expect(RecommendationSettings(horizon: .seconds(120), replications: 1).evidence
            == "screened in 1 replication of 2 min of the baseline scenario, decided on point estimates")
    }
}
