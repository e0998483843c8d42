import Testing
import TwinEngine
import TwinModels
import TwinTestSupport
@testable import TwinRuntime

/// IEEE 802.15.6 CSMA/CA on hand-made inputs: the counter's freeze/resume arithmetic,
/// the contention window's rules (`ContentionState`) and the timers `CSMAAccess` arms
/// when the channel turns busy (§6.2.2.1; Castalia BaselineBANMac).
@Suite struct CSMAAccessTests {
    private let slot = SimTime.microseconds(360)
    private func slots(_ count: Double) -> SimTime { ComponentFixture.slots(count, of: slot) }

    /// A UP0 station (CWmin 16, CWmax 64) whose first counter, drawn in 1…`window` from
    /// its stream, is at least `minimum` slots: the first stream seed that gives one.
    private func station(window: Int = 64, minimum: Int = 1, after seed: UInt64 = 0) -> (ContentionState, counter: Int) {
        for candidate in (seed + 1)... {
            var probe = Xoshiro256(seed: candidate)
            let counter = UserPriority.p0.backoffSlots(window: window, uniform: probe.uniform())
            guard counter >= minimum else { continue }
            var state = ContentionState(priority: .p0, slot: slot, stream: Xoshiro256(seed: candidate))
            state.window = window
            return (state, counter)
        }
        fatalError("unreachable")
    }

    // MARK: ContentionState

    @Test func aFrozenCounterLosesThePartialSlotAndAnEndingOneIsNotFrozen() {
        var state = ContentionState(priority: .p0, slot: slot, stream: Xoshiro256(seed: 1))
        state.remaining = 5
        state.resume = .zero
        #expect(state.expiry(resumingAt: .zero) == slots(5))
        #expect(state.remainingWhenFrozen(at: .zero) == 5)
        #expect(state.remainingWhenFrozen(at: slots(2)) == 3)
        #expect(state.remainingWhenFrozen(at: slots(2.5)) == 3, "the half slot counted down is lost")
        #expect(state.remainingWhenFrozen(at: slots(4.99)) == 1)
        // Ending right now, it cannot sense the new frame: it transmits too (a collision).
        #expect(state.remainingWhenFrozen(at: slots(5)) == nil)
        // Before it starts counting (still waiting for the channel), it keeps every slot.
        state.resume = slots(3)
        #expect(state.remainingWhenFrozen(at: slots(1)) == 5)
        #expect(state.expiry(resumingAt: slots(10)) == slots(15))
    }

    @Test func theWindowDoublesOnEverySecondFailureAndResetsOnSuccessOrGivingUp() {
        var state = ContentionState(priority: .p0, slot: slot, stream: Xoshiro256(seed: 1))
        #expect(state.window == 16)
        var windows: [Int] = []
        for _ in 0..<6 {
            state.failed()
            windows.append(state.window)
        }
        #expect(windows == [16, 32, 32, 64, 64, 64])
        #expect(state.consecutiveFailures == 6)
        state.succeeded()
        #expect(state.window == 16 && state.consecutiveFailures == 0)
        state.failed()
        state.failed()
        #expect(state.window == 32)
        state.gaveUp()
        #expect(state.window == 16 && state.consecutiveFailures == 0)
    }

    @Test func countersAreDrawnInOneToCWFromTheStationsStream() {
        var highest = ContentionState(priority: .p7, slot: slot, stream: Xoshiro256(seed: 3))
        for _ in 0..<20 {
            highest.drawCounter()
            #expect(highest.remaining == 1, "UP7's CWmin is 1")
        }
        let drawn = station(window: 16)
        var state = drawn.0
        let first = drawn.counter
        state.drawCounter()
        #expect(state.remaining == first)
        var seen = Set<Int>()
        for _ in 0..<2000 {
            state.drawCounter()
            seen.insert(state.remaining)
        }
        #expect(seen == Set(1...16))
    }

    // MARK: CSMAAccess timers

    @Test func channelBusyFreezesTheOtherCountersAndResumesThemWhenIdle() throws {
        let (parameters, _) = try ComponentFixture.node(SimulationFixture.device("a"))
        let (sender, senderCounter) = station(minimum: 3)
        let (waiting, waitingCounter) = station(minimum: 3, after: 100)
        var csma = CSMAAccess(stations: [sender, waiting], profiles: [.init(parameters), .init(parameters)])
        var media = [SharedMedium(gateway: 0, kind: .narrowband)]
        var scheduler = Scheduler<BANSimulation.Event>()
        for device in 0..<2 {
            csma.beginBackoff(device, from: .zero, serving: 0, epoch: 0, media: &media,
                              scheduler: &scheduler)
        }
        #expect(media[0].contenders == [0, 1])
        var recorder = EventRecorder()
        let busyFrom = slots(2.5), busyUntil = slots(12.5)
        scheduler.run(&recorder, until: busyFrom)
        #expect(recorder.fired.isEmpty)
        csma.channelBusy(0, until: busyUntil, except: 0, media: &media, scheduler: &scheduler)
        #expect(media[0].busyUntil == busyUntil)
        #expect(csma.stations[1].remaining == waitingCounter - 2)
        scheduler.run(&recorder, until: .seconds(1))
        // The sender's own counter is not frozen by its own frame.
        #expect(recorder.backoffDone(0) == slots(Double(senderCounter)))
        // The other one resumes at the end of the busy period with the slots it had left.
        #expect(recorder.backoffDone(1) == busyUntil + slots(Double(waitingCounter - 2)))
    }

    @Test func aBackoffStartsWhenTheChannelIsIdleAndAbandoningItLeavesTheMedium() throws {
        let (parameters, _) = try ComponentFixture.node(SimulationFixture.device("a"))
        let (station, counter) = station()
        var csma = CSMAAccess(stations: [station], profiles: [.init(parameters)])
        var media = [SharedMedium(gateway: 0, kind: .narrowband)]
        media[0].busyUntil = slots(7)
        var scheduler = Scheduler<BANSimulation.Event>()
        csma.beginBackoff(0, from: slots(1), serving: 0, epoch: 4, media: &media,
                              scheduler: &scheduler)
        #expect(csma.stations[0].resume == slots(7))
        csma.abandonBackoff(0, media: &media, scheduler: &scheduler)
        #expect(media[0].contenders.isEmpty && csma.stations[0].medium == -1)
        var recorder = EventRecorder()
        scheduler.run(&recorder, until: .seconds(1))
        #expect(recorder.fired.isEmpty, "the abandoned timer was cancelled")
        // Disconnected devices do not contend.
        csma.beginBackoff(0, from: .zero, serving: -1, epoch: 4, media: &media,
                              scheduler: &scheduler)
        #expect(media[0].contenders.isEmpty && counter >= 1)
    }

    @Test func serviceWakesTheRadioFirstAndTheCounterCountsFromThen() throws {
        let fixture = try ComponentFixture.node(SimulationFixture.device("a", priority: 7))
        let parameters = fixture.parameters
        var node = fixture.node
        let queued = node.queue.append(ComponentFixture.packet())
        #expect(queued)
        var csma = CSMAAccess(parameters: [parameters], streams: RandomStreams(seed: 1))
        var media = [SharedMedium(gateway: 0, kind: .narrowband)]
        var scheduler = Scheduler<BANSimulation.Event>()
        csma.startService(0, node: &node, media: &media, scheduler: &scheduler)
        let wake = parameters.wakeUpTime
        #expect(csma.stations[0].current != nil && node.queue.isEmpty)
        #expect(csma.stations[0].listeningSince == wake)
        #expect(node.energy.stateTimes(at: .zero).wakeUp == wake)
        var recorder = EventRecorder()
        scheduler.run(&recorder, until: .seconds(1))
        #expect(recorder.backoffDone(0) == wake + parameters.backoffSlot, "UP7: one slot after the wake-up")
    }

    @Test func anUnacknowledgedFrameIsRetriedThenDropped() throws {
        let fixture = try ComponentFixture.node(SimulationFixture.device("a", priority: 7, retries: 1))
        let parameters = fixture.parameters
        var node = fixture.node
        var csma = CSMAAccess(parameters: [parameters], streams: RandomStreams(seed: 1))
        var media = [SharedMedium(gateway: 0, kind: .narrowband)]
        var scheduler = Scheduler<BANSimulation.Event>()
        // First attempt lost: one failure, a new backoff for the same packet.
        csma.concludeExchange(0, packet: ComponentFixture.packet(attempts: 1), acknowledged: false, node: &node,
                              media: &media, scheduler: &scheduler)
        #expect(csma.stations[0].current?.attempts == 1 && csma.stations[0].consecutiveFailures == 1)
        #expect(media[0].contenders == [0])
        // Second attempt lost with one retry allowed: dropped, CW back to CWmin.
        csma.abandonBackoff(0, media: &media, scheduler: &scheduler)
        csma.concludeExchange(0, packet: ComponentFixture.packet(attempts: 2), acknowledged: false, node: &node,
                              media: &media, scheduler: &scheduler)
        #expect(node.outcome.dropped.exhaustedRetries == 1)
        #expect(csma.stations[0].current == nil && csma.stations[0].consecutiveFailures == 0)
        #expect(csma.isIdle(0))
        // An acknowledged frame counts in the window.
        csma.concludeExchange(0, packet: ComponentFixture.packet(attempts: 1), acknowledged: true, node: &node,
                              media: &media, scheduler: &scheduler)
        #expect(node.window.acknowledged == 1)
    }
}

private extension UserPriority {
    static let p0 = UserPriority(rawValue: 0)!
    static let p7 = UserPriority(rawValue: 7)!
}
