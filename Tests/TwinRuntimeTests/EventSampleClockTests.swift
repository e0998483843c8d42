import Testing
import TwinConfig
import TwinEngine
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

/// Issue 14: a 1.9 s outage is invisible at 60 s sampling. The network view samples
/// finer around each scenario event (`EventSampleClock`), and only the series changes:
/// the same events, in the same order, with the same counters.
@Suite struct EventSampleClockTests {
    @Test func theStepIsAHundredthOfTheIntervalOnA125LadderAndNoneWhenNotMuchFiner() {
        #expect(EventSampleClock.step(for: .seconds(60)) == .milliseconds(500))
        #expect(EventSampleClock.step(for: .seconds(600)) == .seconds(5))
        #expect(EventSampleClock.step(for: .seconds(250)) == .seconds(2))
        #expect(EventSampleClock.step(for: .seconds(5)) == .milliseconds(500))
        #expect(EventSampleClock.step(for: .seconds(1)) == nil, "0.5 s is not four times finer than 1 s")
    }

    @Test func instantsSurroundEachEventOnTheStepGridAndSkipTheRegularSamples() {
        var clock = EventSampleClock(eventTimes: [.seconds(150), .milliseconds(150_200)], sampleInterval: .seconds(60),
                                     horizon: .seconds(170), maximumSamples: 4096)
        #expect(clock.step == .milliseconds(500))
        #expect(clock.instants.first == .seconds(140), "20 steps before the first event")
        #expect(clock.instants.last == .milliseconds(169_500), "cut at the horizon")
        #expect(clock.instants == clock.instants.sorted() && Set(clock.instants).count == clock.instants.count)
        #expect(!clock.instants.contains(.seconds(120)) && clock.instants.allSatisfy { $0 % .seconds(60) != .zero })
        #expect(clock.pop(before: .seconds(140)) == nil, "strictly before")
        #expect(clock.pop(before: .milliseconds(140_600)) == .seconds(140))
        #expect(clock.pop(before: .milliseconds(140_600)) == .milliseconds(140_500))
        #expect(clock.pop(before: .milliseconds(140_600)) == nil)
        let none = EventSampleClock(eventTimes: [], sampleInterval: .seconds(60), horizon: .seconds(170), maximumSamples: 10)
        #expect(none.step == nil && none.instants.isEmpty)
        let capped = EventSampleClock(eventTimes: [.seconds(150)], sampleInterval: .seconds(60), horizon: .seconds(300),
                                      maximumSamples: 10)
        #expect(capped.instants.count == 10)
    }

    /// The view fixture's phone fails at 150 s and its devices fail over in 1.28 s. At
    /// 60 s sampling the window holding the outage reads as nearly full delivery; with
    /// the finer samples one of them falls to at most half. Everything but the series is
    /// the same.
    @Test func aFailoverShorterThanTheIntervalShowsAndNothingElseChanges() throws {
        let config = ViewFixture.config(horizon: .seconds(300), sampleInterval: .seconds(60),
                                        scenarios: [ViewFixture.gatewayFailure(at: .seconds(150))])
        let coarse = try simulate(config: config, scenario: config.scenarios[0], replication: 0,
                                  options: SimulationOptions(recordTimeSeries: true))
        let fine = try simulate(config: config, scenario: config.scenarios[0], replication: 0,
                                options: SimulationOptions(recordTimeSeries: true, samplesAroundEvents: true))
        #expect(fine.devices == coarse.devices && fine.events == coarse.events && fine.gateways == coarse.gateways)
        #expect(fine.eventsHandled == coarse.eventsHandled)

        let coarseECG = try #require(coarse.timeSeries?.first { $0.deviceID == "ecg" })
        let fineECG = try #require(fine.timeSeries?.first { $0.deviceID == "ecg" })
        #expect(coarseECG.samples.count >= 4 && coarseECG.samples.allSatisfy { $0.time % .seconds(60) == .zero })
        #expect(coarseECG.eventInterval == nil && fineECG.eventInterval == .milliseconds(500))
        let outageWindow = try #require(coarseECG.samples.first { $0.time == .seconds(180) }?.deliveryRatio)
        #expect(outageWindow > 0.9, "the 60 s window hides the outage: \(outageWindow)")
        let around = fineECG.samples.filter { $0.time > .seconds(150) && $0.time <= .seconds(152) }
        let lowest = around.compactMap(\.deliveryRatio).min() ?? 1
        #expect(lowest <= 0.5, "a 0.5 s sample inside the failover shows it: \(around.map(\.deliveryRatio))")
        // The windows still partition the run: every frame sent is in exactly one sample.
        #expect(fineECG.samples.map(\.framesSent).reduce(0, +) == coarseECG.samples.map(\.framesSent).reduce(0, +))
        #expect(fineECG.samples.map(\.time) == fineECG.samples.map(\.time).sorted())
    }
}
