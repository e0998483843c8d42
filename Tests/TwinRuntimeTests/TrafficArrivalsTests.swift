import Testing
import TwinEngine
import TwinTestSupport
@testable import TwinRuntime

/// The arrival process of one device on hand-made inputs: periodic samples from a
/// random phase, Poisson alarms, their order, and the packetisation of an arrival.
@Suite struct TrafficArrivalsTests {
    private func arrivals(interval: SimTime? = .milliseconds(200), alarmMean: SimTime? = nil,
                          lead: SimTime = .zero, seed: UInt64 = 5) -> TrafficArrivals {
        TrafficArrivals(profile: TrafficProfile(sampleInterval: interval, samplePayload: 64, aggregationLead: lead,
                                                alarmMeanInterval: alarmMean, alarmPayload: 16),
                        sampleStream: Xoshiro256(seed: seed), alarmStream: Xoshiro256(seed: seed + 1))
    }

    @Test func samplesArePeriodicFromAPhaseWithinOneInterval() {
        for seed in UInt64(1)...50 {
            var traffic = arrivals(seed: seed)
            traffic.start()
            let first = traffic.nextSample
            #expect(first >= .zero && first < .milliseconds(200))
            traffic.advanceSample()
            #expect(traffic.nextSample == first + .milliseconds(200))
            #expect(traffic.nextAlarm == .max, "no alarms configured")
        }
    }

    /// With k samples per packet the first packet leaves with its k-th sample, so it is
    /// at least the lead after time 0, and its latency counts from the first sample.
    @Test func anAggregatedPacketWaitsForItsLastSampleAndCountsFromItsFirst() {
        var traffic = arrivals(interval: .milliseconds(800), lead: .milliseconds(600))
        traffic.start()
        #expect(traffic.nextSample >= .milliseconds(600) && traffic.nextSample < .milliseconds(800))
        #expect(traffic.firstSample(packetAt: .seconds(2), isAlarm: false) == .milliseconds(1400))
        #expect(traffic.firstSample(packetAt: .seconds(2), isAlarm: true) == .seconds(2))
    }

    @Test func arrivalsComeOutInTimeOrderAndASampleGoesBeforeAnAlarmAtTheSameInstant() {
        var traffic = arrivals(interval: .milliseconds(100), alarmMean: .milliseconds(150))
        traffic.start()
        var previous = SimTime.zero
        var samples = 0, alarms = 0
        while let arrival = traffic.popArrival(through: .seconds(60)) {
            #expect(arrival.time >= previous)
            #expect(arrival.bytes == (arrival.isAlarm ? 16 : 64))
            previous = arrival.time
            if arrival.isAlarm { alarms += 1 } else { samples += 1 }
        }
        #expect(samples == 600, "one every 100 ms for 60 s")
        #expect(abs(alarms - 400) < 60, "Poisson, mean 400: \(alarms)")
        #expect(traffic.nextArrival > .seconds(60))
    }

    @Test func throughIncludesTheInstantAndBeforeExcludesIt() {
        var inclusive = arrivals(interval: .milliseconds(100))
        inclusive.start()
        var exclusive = inclusive
        let due = inclusive.nextSample
        let notYet = exclusive.popArrival(before: due)
        let justAfter = exclusive.popArrival(before: due + SimTime(nanoseconds: 1))
        #expect(notYet == nil && justAfter?.time == due)
        let atTheInstant = inclusive.popArrival(through: due)
        let again = inclusive.popArrival(through: due)
        #expect(atTheInstant?.time == due && again == nil)
    }

    @Test func theSameStreamsGiveTheSameTimesAndAnOverflowEndsTheProcess() {
        var a = arrivals(alarmMean: .seconds(1)), b = arrivals(alarmMean: .seconds(1))
        a.start()
        b.start()
        for _ in 0..<100 {
            let fromA = a.popArrival(through: SimTime.max - .seconds(1))
            let fromB = b.popArrival(through: SimTime.max - .seconds(1))
            #expect(fromA == fromB)
        }
        var long = arrivals(interval: SimTime.max - .seconds(1))
        long.start()
        long.advanceSample()
        #expect(long.nextSample == .max)
        var none = arrivals(interval: nil)
        none.start()
        let nothing = none.popArrival(through: .max)
        #expect(none.nextArrival == .max && nothing == nil)
    }

    /// Packetisation: a 300-octet sample is two frames (the second continuing the
    /// burst); an alarm goes ahead of waiting samples; without a gateway all are dropped.
    @Test func anArrivalIsSplitIntoFramesAndAlarmsJumpTheQueue() throws {
        var node = try ComponentFixture.node(SimulationFixture.device("d")).node
        node.enqueue(.init(time: .seconds(1), isAlarm: false, bytes: 300), framePayload: 200, warmup: .zero)
        #expect(node.queue.count == 2 && node.outcome.generated == 2)
        #expect(node.queue.packet(at: 0)?.payload == 200 && node.queue.packet(at: 1)?.payload == 100)
        #expect(node.queue.packet(at: 1)?.continuesBurst == true)
        node.enqueue(.init(time: .seconds(2), isAlarm: true, bytes: 10), framePayload: 200, warmup: .zero)
        #expect(node.queue.first?.isAlarm == true && node.outcome.alarmsGenerated == 1)
        node.enqueue(.init(time: .seconds(3), isAlarm: false, bytes: 10), framePayload: 200, warmup: .seconds(5))
        #expect(node.outcome.generated == 3, "before the warm-up: queued, not counted")
        node.serving = -1
        node.enqueue(.init(time: .seconds(6), isAlarm: false, bytes: 10), framePayload: 200, warmup: .zero)
        #expect(node.queue.count == 4 && node.outcome.dropped[.noGatewayReachable] == 1)
    }
}
