import Testing
import TwinEngine
import TwinModels
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

/// BLE connection timing on hand-made inputs: anchors, the empty events counted in bulk
/// between two simulated ones, what fits in an event, and the events `BLEAccess`
/// schedules (Bluetooth Core v5.x Vol 6 Part B §4.5).
@Suite struct BLEAccessTests {
    private func ms(_ milliseconds: Int64) -> SimTime { .milliseconds(milliseconds) }
    private let oneNanosecond = SimTime(nanoseconds: 1)

    @Test func anchorsLieAtThePhasePlusWholeIntervals() {
        let timing = ConnectionTiming(interval: ms(10), phase: ms(3))
        #expect(timing.nextAnchor(atOrAfter: .zero) == ms(3))
        #expect(timing.nextAnchor(atOrAfter: ms(3)) == ms(3))
        #expect(timing.nextAnchor(atOrAfter: ms(3) + oneNanosecond) == ms(13))
        #expect(timing.nextAnchor(atOrAfter: ms(13)) == ms(13))
        #expect(timing.nextAnchor(atOrAfter: ms(25)) == ms(33))
    }

    @Test func idleEventsAreTheAnchorsStrictlyBetweenTheLastAccountedOneAndNow() {
        var timing = ConnectionTiming(interval: ms(10), phase: ms(3), accountedUntil: SimTime(nanoseconds: -1))
        #expect(timing.idleEvents(before: ms(3)) == 0)
        #expect(timing.idleEvents(before: ms(3) + oneNanosecond) == 1)
        #expect(timing.idleEvents(before: ms(33)) == 3, "anchors 3, 13, 23 ms")
        #expect(timing.idleEvents(before: ms(33) + oneNanosecond) == 4)
        timing.accountedUntil = ms(13)  // the event at 13 ms was simulated
        #expect(timing.idleEvents(before: ms(40)) == 2, "anchors 23, 33 ms")
        #expect(timing.idleEvents(before: ms(13)) == 0)
    }

    @Test func idleEventCountsMatchABruteForceCountOfAnchors() {
        var generator = Xoshiro256(seed: 9)
        for _ in 0..<500 {
            let interval = SimTime(nanoseconds: Int64(generator.uniformInteger(in: 1...50_000)))
            let phase = SimTime(nanoseconds: Int64(generator.uniformInteger(in: 0...Int(interval.nanoseconds - 1))))
            let from = SimTime(nanoseconds: Int64(generator.uniformInteger(in: -1...400_000)))
            let until = SimTime(nanoseconds: Int64(generator.uniformInteger(in: 0...800_000)))
            let timing = ConnectionTiming(interval: interval, phase: phase, accountedUntil: from)
            var count: Int64 = 0
            var anchor = phase
            while anchor < until {
                if anchor > from { count += 1 }
                anchor += interval
            }
            #expect(timing.idleEvents(before: until) == count, "interval \(interval) phase \(phase) (\(from), \(until))")
        }
    }

    @Test func emptyEventsCostAPollAReplyAndTheInterFrameSpaceEach() throws {
        let (_, node) = try ComponentFixture.node(SimulationFixture.device("w", radio: SimulationFixture.bleRadio(),
                                                                         access: .ble, connectionInterval: .milliseconds(50)))
        var energy = node.energy
        let empty = SimTime.microseconds(80)
        ConnectionTiming.chargeEmptyEvents(7, wakeUp: .microseconds(40), emptyPacket: empty, energy: &energy)
        let times = energy.stateTimes(at: .zero)
        #expect(times.wakeUp == .microseconds(280))
        #expect(times.receive == empty * 7 && times.transmit == empty * 7)
        #expect(times.listen == MACTiming.bleInterFrameSpace * 7)
    }

    @Test func aPacketFitsIfItAndTheRepliesEndBeforeTheLimitAndTheFirstAlwaysGoes() {
        let empty = SimTime.microseconds(80), ifs = MACTiming.bleInterFrameSpace
        let first = ms(1), limit = ms(2)
        let airtime = limit - first - ifs - empty
        #expect(ConnectionTiming.fits(at: first, airtime: airtime, emptyPacket: empty, limit: limit,
                                      firstPacket: ms(0)))
        #expect(!ConnectionTiming.fits(at: first, airtime: airtime + oneNanosecond, emptyPacket: empty, limit: limit,
                                       firstPacket: ms(0)))
        #expect(ConnectionTiming.fits(at: first, airtime: ms(5), emptyPacket: empty, limit: limit, firstPacket: first))
        #expect(BLEAccess.nextPacket(after: first, airtime: airtime, emptyPacket: empty) == first + airtime + ifs + empty + ifs)
    }

    @Test func theNextEventWithDataIsTheAnchorAfterTheNextArrival() throws {
        let device = SimulationFixture.device("w", radio: SimulationFixture.bleRadio(), access: .ble,
                                              payload: 20, interval: .milliseconds(200),
                                              connectionInterval: .milliseconds(50))
        let fixture = try ComponentFixture.node(device)
        var node = fixture.node
        node.traffic.start()
        var ble = BLEAccess(parameters: [fixture.parameters], streams: RandomStreams(seed: 1))
        let timing = ble.links[0]
        #expect(timing.interval == .milliseconds(50) && timing.phase < .milliseconds(50))
        var scheduler = Scheduler<BANSimulation.Event>()
        ble.ensureEvent(0, status: node.status, scheduler: &scheduler)
        ble.ensureEvent(0, status: node.status, scheduler: &scheduler)  // one pending event at a time
        #expect(scheduler.pendingCount == 1)
        var recorder = EventRecorder()
        scheduler.run(&recorder, until: .seconds(1))
        let fired = try #require(recorder.fired.first)
        #expect(fired.time == timing.nextAnchor(atOrAfter: node.traffic.nextArrival))
        // A stale epoch is ignored; the current one clears the pending flag.
        let stale = ble.eventStarts(0, epoch: node.life.accessEpoch + 1, status: node.status)
        #expect(!stale && ble.links[0].eventPending)
        let current = ble.eventStarts(0, epoch: node.life.accessEpoch, status: node.status)
        #expect(current)
        #expect(!ble.links[0].eventPending)
    }

    @Test func idleEventsAreChargedOnlyWhileConnectedAndRunning() throws {
        let device = SimulationFixture.device("w", radio: SimulationFixture.bleRadio(), access: .ble,
                                              connectionInterval: .milliseconds(10))
        let fixture = try ComponentFixture.node(device)
        var node = fixture.node
        let radio = BLEAccess.Radio(wakeUp: fixture.parameters.wakeUpTime,
                                    emptyPacket: fixture.parameters.frame.acknowledgementAirtime)
        var ble = BLEAccess(links: [ConnectionTiming(interval: .milliseconds(10), phase: .zero,
                                                     accountedUntil: SimTime(nanoseconds: -1))], radios: [radio])
        ble.accountIdleEvents(0, until: .milliseconds(100), node: &node)
        #expect(node.energy.stateTimes(at: .zero).wakeUp == fixture.parameters.wakeUpTime * 10)
        #expect(ble.links[0].accountedUntil == .milliseconds(100) - oneNanosecond)
        node.serving = -1
        ble.accountIdleEvents(0, until: .milliseconds(200), node: &node)
        #expect(node.energy.stateTimes(at: .zero).wakeUp == fixture.parameters.wakeUpTime * 10, "disconnected: none")
        #expect(ble.links[0].accountedUntil == .milliseconds(200))
    }

    @Test func aLostPacketIsRetriedFromTheHeadOfTheQueueUntilItsRetriesAreUsed() throws {
        let fixture = try ComponentFixture.node(SimulationFixture.device("w", radio: SimulationFixture.bleRadio(),
                                                                         access: .ble, retries: 2,
                                                                         connectionInterval: .milliseconds(10)))
        var node = fixture.node
        let queued = node.queue.append(ComponentFixture.packet(payload: 10))
        #expect(queued)
        BLEAccess.settle(ComponentFixture.packet(payload: 20, attempts: 1), decoded: false, maxRetries: 2, node: &node)
        #expect(node.queue.first?.payload == 20 && node.queue.count == 2)
        BLEAccess.settle(ComponentFixture.packet(attempts: 3), decoded: false, maxRetries: 2, node: &node)
        #expect(node.outcome.dropped.exhaustedRetries == 1)
        BLEAccess.settle(ComponentFixture.packet(attempts: 1), decoded: true, maxRetries: 2, node: &node)
        #expect(node.window.acknowledged == 1)
    }
}
