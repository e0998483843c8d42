import Testing
import TwinEngine
import TwinUnits
@testable import TwinRuntime

/// The network view's sampling on hand-made inputs: what one window of a device turns
/// into (`MonitoringWindow`), and when the monitor ticks and samples (`MonitorClock`).
@Suite struct MonitorTests {
    @Test func aWindowBecomesASampleOfRatiosMeansAndCounts() {
        var window = MonitoringWindow()
        window.frameSent(level: -70, firstTransmission: true)
        window.frameSent(level: -80, firstTransmission: true)
        window.frameSent(level: -90, firstTransmission: true)
        // A retry of a packet in a fade: sent, but its level is the packet's again.
        window.frameSent(level: -100, firstTransmission: false)
        window.acknowledged += 2
        window.levelMeasured(-60)
        window.delivered(latency: .milliseconds(10))
        window.delivered(latency: .milliseconds(30))
        let sample = window.sample(at: .seconds(5), queueLength: 3, batteryLeft: 0.5, servingGateway: 1,
                                   primaryGatewayUp: false)
        #expect(sample.time == .seconds(5))
        #expect(sample.framesSent == 4 && sample.framesAcknowledged == 2)
        #expect(sample.deliveryRatio == 2.0 / 4.0)
        #expect(sample.levelsMeasured == 4 && sample.rssi == -75)
        #expect(sample.packetsDelivered == 2)
        #expect(abs((sample.latencyMean?.si ?? 0) - 0.02) < 1e-12)
        #expect(sample.queueLength == 3 && sample.batteryLeft == 0.5)
        #expect(sample.servingGateway == 1 && !sample.primaryGatewayUp)
    }

    @Test func anEmptyWindowHasNoRatiosAndAResetEmptiesIt() {
        var window = MonitoringWindow()
        let empty = window.sample(at: .seconds(1), queueLength: 0, batteryLeft: 1, servingGateway: nil,
                                  primaryGatewayUp: true)
        #expect(empty.deliveryRatio == nil && empty.rssi == nil && empty.latencyMean == nil)
        window.frameSent(level: -70, firstTransmission: true)
        window.delivered(count: 4, latencySum: 4e6)
        #expect(window.delivered == 4 && window.latencySum == 4e6)
        window.reset()
        #expect(window == MonitoringWindow())
    }

    @Test func theMonitorTicksEverySecondOrFasterWithTheSampleInterval() {
        let second = MonitorClock(sampleInterval: .seconds(1), horizon: .seconds(60), maximumSamples: 4096)
        #expect(second.tick == .seconds(1) && second.sampleStride == 1)
        let fast = MonitorClock(sampleInterval: .milliseconds(250), horizon: .seconds(60), maximumSamples: 4096)
        #expect(fast.tick == .milliseconds(250) && fast.sampleStride == 1)
        let slow = MonitorClock(sampleInterval: .seconds(10), horizon: .seconds(60), maximumSamples: 4096)
        #expect(slow.tick == .seconds(1) && slow.sampleStride == 10)
        #expect(slow.sampleInterval == .seconds(10))
        let unset = MonitorClock(sampleInterval: .zero, horizon: .seconds(60), maximumSamples: 4096)
        #expect(unset.tick == .seconds(1))
    }

    /// A year at 1 s would be 31.5 M ticks: the tick stretches to horizon / 100 000, and
    /// a series longer than `maximumSamples` samples every few ticks instead.
    @Test func longRunsTickAtMostAHundredThousandTimesAndSeriesStayBounded() {
        let year = SimTime.days(365)
        let clock = MonitorClock(sampleInterval: .seconds(1), horizon: year, maximumSamples: 4096)
        #expect(clock.tick == year / Int64(MonitorClock.maximumTicks))
        #expect(Int64(clock.sampleStride) * 4096 * clock.tick.nanoseconds >= year.nanoseconds)
        var bounded = MonitorClock(sampleInterval: .seconds(1), horizon: .seconds(100), maximumSamples: 10)
        #expect(bounded.sampleStride == 10)
        var closing: [Int] = []
        for tick in 1...30 {
            if bounded.advance() { closing.append(tick) }
        }
        #expect(closing == [10, 20, 30] && bounded.ticks == 30)
    }
}
