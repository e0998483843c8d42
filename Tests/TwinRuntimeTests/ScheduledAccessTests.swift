import Testing
import TwinEngine
import TwinModels
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

/// IEEE 802.15.6 scheduled access on hand-made inputs: allocation times, what fits in an
/// allocation, the burst's timeline and energy (`ScheduleParameters`), and the chain of
/// allocation events and the B-Ack's consequences (`ScheduledAccess`).
@Suite struct ScheduledAccessTests {
    private func ms(_ value: Int64) -> SimTime { .milliseconds(value) }
    private let oneNanosecond = SimTime(nanoseconds: 1)

    /// 2 ms slots, 32 per superframe (TSF 64 ms), every other superframe (P = 128 ms),
    /// the device's allocation at 6 ms.
    private func schedule(offset: SimTime = .milliseconds(6), guardTime: SimTime = .microseconds(100)) -> ScheduleParameters {
        ScheduleParameters(slotLength: ms(2), superframe: ms(64), interval: ms(128), guardTime: guardTime,
                           offsets: [offset])
    }

    private func narrowbandFrame() throws -> FrameFormat {
        try #require(FrameFormat.make(device: SimulationFixture.device("s"), access: .scheduled))
    }

    @Test func allocationsRepeatEveryIntervalFromTheDevicesOffset() {
        let schedule = schedule()
        #expect(schedule.nextAllocation(atOrAfter: .zero, slot: 0) == ms(6))
        #expect(schedule.nextAllocation(atOrAfter: ms(6), slot: 0) == ms(6))
        #expect(schedule.nextAllocation(atOrAfter: ms(6) + oneNanosecond, slot: 0) == ms(134))
        #expect(schedule.nextAllocation(atOrAfter: ms(262), slot: 0) == ms(262))
        #expect(schedule.nextAllocation(atOrAfter: ms(263), slot: 0) == ms(390))
        #expect(schedule.nextAllocation(atOrAfter: .max - ms(1), slot: 0) == nil)
        #expect(schedule.capacity(slot: 0) == ms(58))
    }

    @Test func theFramesThatFitLeaveRoomForTheGuardTimeAndTheBlockAck() throws {
        let frame = try narrowbandFrame()
        let airtime = frame.airtime(payload: 64)
        let guardTime = SimTime.microseconds(100)
        let three = guardTime + MACTiming.sifs + frame.acknowledgementAirtime + airtime * 3 + MACTiming.mifs * 2
        let exact = schedule(offset: ms(64) - three, guardTime: guardTime)
        let payloads = Array(repeating: 64, count: 5)
        #expect(exact.framesFitting(payloads, frame: frame, slot: 0) == 3)
        let short = schedule(offset: ms(64) - three + oneNanosecond, guardTime: guardTime)
        #expect(short.framesFitting(payloads, frame: frame, slot: 0) == 2)
        let tiny = schedule(offset: ms(64) - oneNanosecond, guardTime: guardTime)
        #expect(tiny.framesFitting(payloads, frame: frame, slot: 0) == 1, "the first frame always goes")
        #expect(exact.framesFitting([], frame: frame, slot: 0) == 0)
    }

    @Test func theBurstTimelineAndItsEnergyFollowTachtatzis() throws {
        let frame = try narrowbandFrame()
        let schedule = schedule()
        let start = schedule.firstFrame(allocationAt: ms(6))
        #expect(start == ms(6) + .microseconds(100))
        let airtime = frame.airtime(payload: 64)
        let second = ScheduleParameters.nextFrame(after: start, airtime: airtime)
        #expect(second == start + airtime + MACTiming.mifs)
        let third = ScheduleParameters.nextFrame(after: second, airtime: airtime)
        #expect(ScheduleParameters.blockAckEnd(nextStart: third, frame: frame)
                == second + airtime + MACTiming.sifs + frame.acknowledgementAirtime)
        let (_, node) = try ComponentFixture.node(SimulationFixture.device("s"))
        var energy = node.energy
        schedule.chargeAllocation(frames: 3, wakeUp: .milliseconds(3), energy: &energy)
        let times = energy.stateTimes(at: .zero)
        #expect(times.wakeUp == .milliseconds(6), "two wake-ups: beacon and slot")
        #expect(times.receive == MACTiming.beaconAndBlockAck)
        #expect(times.listen == .microseconds(100) + MACTiming.mifs * 2 + MACTiming.sifs)
    }

    /// Tachtatzis 2010 eq. 14 with the 2012 parameters: GT = 61.6 µs + 2·max(P, 8·TSF)·20
    /// ppm; the allocation sits one slot per scheduled device of the hub after the beacon.
    @Test func theGuardTimeAndOffsetComeFromTheDevicesRankAndInterval() throws {
        let device = SimulationFixture.device("s", access: .scheduled, slotLength: .milliseconds(2), slots: 32, period: 2)
        let config = SimulationFixture.config(devices: [device])
        let parameters = try DeviceParameters.make(device: device, index: 0, gateways: [0], config: config,
                                                   scheduledRanks: [2], useCastaliaMap: false)
        let schedule = try #require(parameters.schedule)
        #expect(schedule.superframe == ms(64) && schedule.interval == ms(128))
        #expect(schedule.offsets == [ms(6)])
        // max(128 ms, 512 ms) · 2 · 20 ppm = 20.48 µs.
        #expect(schedule.guardTime == SimTime(nanoseconds: 61_600 + 20_480))
    }

    @Test func theChainSkipsAllocationsWithoutDataAndANewChainRetiresTheOld() throws {
        let device = SimulationFixture.device("s", access: .scheduled, payload: 20, interval: .milliseconds(500),
                                              slotLength: .milliseconds(2), slots: 32, period: 2)
        let fixture = try ComponentFixture.node(device)
        var node = fixture.node
        node.traffic.start()
        let schedule = try #require(fixture.parameters.schedule)
        var scheduled = ScheduledAccess(schedules: [schedule])
        var scheduler = Scheduler<BANSimulation.Event>()
        scheduled.arm(0, after: .zero, status: node.status, scheduler: &scheduler)
        let arrival = node.traffic.nextArrival
        #expect(scheduled.epochs[0] == 1)
        // Data queued: the very next allocation.
        let queued = node.queue.append(ComponentFixture.packet())
        #expect(queued)
        scheduled.arm(0, after: .zero, status: node.status, scheduler: &scheduler)
        #expect(!scheduled.isCurrent(0, epoch: 1) && scheduled.isCurrent(0, epoch: 2))
        var recorder = EventRecorder()
        scheduler.run(&recorder, until: .seconds(2))
        let later = try #require(schedule.nextAllocation(atOrAfter: arrival, slot: 0))
        #expect(recorder.fired.map { $0.time } == [schedule.offsets[0], later].sorted())
    }

    @Test func framesTheBlockAckDoesNotConfirmGoBackToTheHeadOfTheQueueInOrder() throws {
        let frame = try narrowbandFrame()
        let fixture = try ComponentFixture.node(SimulationFixture.device("s"), queueCapacity: 6)
        var node = fixture.node
        for payload in Int32(1)...5 {
            let queued = node.queue.append(ComponentFixture.packet(payload: payload))
            #expect(queued)
        }
        let airtime = frame.airtime(payload: 3)
        let three = SimTime.microseconds(100) + MACTiming.sifs + frame.acknowledgementAirtime + airtime * 3
            + MACTiming.mifs * 2
        var scheduled = ScheduledAccess(schedules: [schedule(offset: ms(64) - three)])
        var burst = scheduled.takeBurst(0, from: &node.queue, slot: 0, frame: frame)
        #expect(burst.map(\.payload) == [1, 2, 3] && node.queue.count == 2)
        for index in burst.indices { burst[index].attempts = 1 }
        scheduled.settle(burst, decoded: [true, false, true], blockAck: false, maxRetries: 3, node: &node)
        #expect(node.window.acknowledged == 0)
        #expect((0..<node.queue.count).compactMap { node.queue.packet(at: $0)?.payload } == [1, 2, 3, 4, 5])
        burst = scheduled.takeBurst(0, from: &node.queue, slot: 0, frame: frame)
        burst[0].attempts = 4
        burst[1].attempts = 4
        burst[1].lastAttemptGatewayDown = true
        scheduled.settle(burst, decoded: [false, false, true], blockAck: true, maxRetries: 3, node: &node)
        #expect(node.window.acknowledged == 1)
        #expect(node.outcome.dropped.exhaustedRetries == 1 && node.outcome.dropped[.noGatewayReachable] == 1)
        #expect(node.queue.first?.payload == 4)
    }
}
