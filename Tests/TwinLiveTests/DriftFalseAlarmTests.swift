import Foundation
import Testing
import TwinEngine
@testable import TwinLive
import TwinModels
import TwinUnits
import TwinVocabulary

/// The drift test's false alarms under the twin's own model: observations drawn from the
/// runtime's channel (the ambulatory profile's posture chain, `BodyFading` and
/// `LinkFading` with the built-in `ActivityFading`: a bout shadow per posture episode and
/// a fast fade sampled at each frame, 5 frames a window) plus the gateway's measurement
/// noise, at 1 Hz for a simulated day, over many seeds. The issue asks for at most one
/// per day.
@Suite struct DriftFalseAlarmTests {
    /// Alarms over `seconds` of 1 Hz windows of one link under the model.
    static func alarms(seed: UInt64, seconds: Int, framesPerWindow: Int = 5) -> Int {
        var random = Xoshiro256(seed: seed)
        let chain = try! ActivityProfile.ambulatory.chain()
        let model = PowerLevel(dBm: -70), sigma = Decibels(dB: 5)
        let staticLevel = model.dBm + sigma.dB * random.standardNormal()
        var detector = LinkDriftDetector(tracker: LinkLevelTracker(modelLevel: model, sigma: sigma))
        var posture = Posture.sitting
        var nextChange = chain.dwellTime(in: posture, uniform: random.uniform()).si
        var body = BodyFading(posture: posture, using: &random)
        var link = LinkFading(body: body, using: &random)
        var alarms = 0
        for second in 0..<seconds {
            var level = 0.0
            for frame in 0..<framesPerWindow {
                let time = Double(second) + Double(frame) / Double(framesPerWindow)
                while time >= nextChange {
                    posture = chain.nextPosture(from: posture, uniform: random.uniform())
                    body.changePosture(to: posture, at: .seconds(nextChange), using: &random)
                    nextChange += chain.dwellTime(in: posture, uniform: random.uniform()).si
                }
                body.advance(to: .seconds(time), using: &random)
                level += staticLevel - link.extraLoss(body: body, using: &random).dB
            }
            level = level / Double(framesPerWindow) + LinkLevelTracker.measurementSigma * random.standardNormal()
            if detector.observe(level: level, posture: posture, levels: framesPerWindow, interval: .seconds(1)).drift != nil {
                alarms += 1
            }
        }
        return alarms
    }

    @Test func atMostOneFalseAlarmPerDayAtOneHertz() {
        let days = 12
        let total = (0..<days).reduce(0) { $0 + Self.alarms(seed: UInt64($1) &* 7919 &+ 1, seconds: 86_400) }
        let perDay = Double(total) / Double(days)
        #expect(perDay <= 1, "\(total) false alarms in \(days) simulated days (\(perDay) a day)")
    }

    @Test func aSixDecibelStepIsFlaggedWithinAFewWindows() {
        var detector = LinkDriftDetector(tracker: LinkLevelTracker(modelLevel: PowerLevel(dBm: -70), sigma: Decibels(dB: 5)))
        var flaggedAfter: Int?
        for window in 0..<200 {
            let level = window < 100 ? -72.0 : -78.0
            if detector.observe(level: level, posture: .standing, levels: 10, interval: .seconds(10)).drift != nil {
                flaggedAfter = window - 100
                break
            }
        }
        #expect(flaggedAfter.map { $0 >= 0 && $0 <= 3 } == true, "flagged after \(String(describing: flaggedAfter)) windows")
    }
    /// A 6 dB step inside a still posture episode whose own draw sits dB away from the
    /// pooled static level (the sitting draw says −53.6 dBm, the walking windows before
    /// it −57.2) reads as 6 dB, whether it comes late in the episode or on its third
    /// window. Measured against the pool it read −2.4 dB, under the 3 dB an alarm needs
    /// (the live twin missed the ECG link's change); measured against the latest
    /// prediction, a step on the third window read −3.0 dB, because the CUSUM run's
    /// windows are learned before the alarm. The shift is measured against the
    /// prediction the run began with.
    @Test(arguments: [30, 2])
    func aStepInsideAPostureEpisodeReadsAsItsSize(windowsBeforeTheStep: Int) throws {
        var detector = LinkDriftDetector(tracker: LinkLevelTracker(modelLevel: PowerLevel(dBm: -59.2), sigma: Decibels(dB: 3.8)))
        let walking = PostureLoss(ActivityFading.walking).mean, sitting = PostureLoss(ActivityFading.sitting).mean
        for _ in 0..<60 { _ = detector.observe(level: -57.2 - walking, posture: .walking, levels: 40, interval: .seconds(10)) }
        for _ in 0..<windowsBeforeTheStep {
            _ = detector.observe(level: -53.6 - sitting, posture: .sitting, levels: 40, interval: .seconds(10))
        }
        var drift: LinkDriftDetector.Drift?
        for _ in 0..<10 where drift == nil {
            drift = detector.observe(level: -59.6 - sitting, posture: .sitting, levels: 40, interval: .seconds(10)).drift
        }
        let shift = try #require(drift, "the 6 dB step was absorbed").shift
        #expect(abs(shift + 6) < 0.5, "shift \(shift) dB")
    }
}
