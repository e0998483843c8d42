import Testing
import TwinConfig
import TwinDiagnostics
import TwinJSON
import TwinUnits
import TwinVocabulary

/// twin.json's `activity` (issue 11 §3): written and read back exactly, and a hand edit
/// that no posture chain can follow (shares that do not sum to 1, a posture entered
/// more often than it is left, an unknown posture) refused with TK005 at the member.
@Suite struct ActivityConfigTests {
    static func activity(lyingShare: Double = 0.7, lyingToSitting: Double = 8) -> ActivityConfig {
        func entry(_ name: Posture, _ share: Double, _ to: [Posture: Double], shadow: Double) -> PostureActivityConfig {
            PostureActivityConfig(posture: name, share: share, transitionsPerDay: to, shadowMean: Decibels(dB: shadow),
                                  shadowSigma: Decibels(dB: 7.5), fade: .lognormal, fadeSigma: Decibels(dB: 2),
                                  coherenceTime: .seconds(5), bodyCorrelation: 0.5)
        }
        return ActivityConfig(profile: "ward-patient", source: "Pedersen et al. 2013", postures: [
            entry(.sitting, 0.3, [.lying: 8], shadow: 0), entry(.lying, lyingShare, [.sitting: lyingToSitting], shadow: 33),
        ])
    }

    static func read(_ activity: ActivityConfig) -> ConfigReadResult {
        var config = sampleConfig()
        config.activity = activity
        return TwinConfig.read(text: config.canonicalJSON(), file: "twin.json")
    }

    @Test func roundTrips() throws {
        let result = Self.read(Self.activity())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.config?.activity == Self.activity())
    }

    @Test func sharesMustSumToOne() {
        let result = Self.read(Self.activity(lyingShare: 0.6))
        #expect(result.config == nil)
        #expect(result.diagnostics.contains { $0.code == ConfigDiagnostics.outOfRange && $0.message.contains("sum to") })
    }

    @Test func flowsMustBalance() {
        let result = Self.read(Self.activity(lyingToSitting: 9))
        #expect(result.diagnostics.contains { $0.code == ConfigDiagnostics.outOfRange && $0.message.contains("entered") })
    }

    /// The type admits no unknown posture, so the test edits the written twin.json.
    @Test func anUnknownPostureIsRefusedAtItsPath() throws {
        var config = sampleConfig()
        config.activity = Self.activity()
        let text = config.canonicalJSON()
        let edited = text.replacingOccurrences(of: "\"posture\": \"sitting\"", with: "\"posture\": \"slouching\"")
        try #require(edited != text, "the written twin.json names the sitting posture")
        let result = TwinConfig.read(text: edited, file: "twin.json")
        #expect(result.diagnostics.contains { $0.code == ConfigDiagnostics.outOfRange
            && $0.message.contains("activity.postures[0].posture") })
    }
}
