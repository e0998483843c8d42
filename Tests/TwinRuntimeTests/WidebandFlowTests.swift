import Testing
import TwinEngine
import TwinModels
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

private typealias F = SimulationFixture

/// Wideband flows on hand-made inputs: the FIFO server's Lindley recursion, its backlog
/// bound, retries and drops (`FlowBatch.serve`), one whole batch (`WidebandFlow`), and
/// the battery's death time (`DeviceLife`).
@Suite struct WidebandFlowTests {
    private let airtime = SimTime.microseconds(100)

    private func path(probability: Double = 1, gateway: Int = 0, up: Bool = true, backlog: Int64 = 32,
                      attempts: Int = 4, warmup: Int64 = 0) -> FlowPath {
        FlowPath(gateway: gateway, up: up, probability: probability, availability: 1, jitter: 0,
                 budget: SimTime.milliseconds(10).nanoseconds, horizon: SimTime.seconds(10).nanoseconds,
                 backlogLimit: backlog, maximumAttempts: attempts, warmup: warmup, aggregationLead: 0)
    }

    private func shape(frames: Int = 1) -> FlowShape {
        var shape = FlowShape()
        shape.frames = frames
        shape.fullAirtime = airtime.nanoseconds
        shape.lastAirtime = airtime.nanoseconds
        shape.fullDelay = SimTime.milliseconds(1).nanoseconds
        shape.lastDelay = SimTime.milliseconds(1).nanoseconds
        return shape
    }

    private func batch(serverFree: SimTime = .zero) -> FlowBatch {
        FlowBatch(latency: LatencyHistogram(), accessDelay: LatencyHistogram(), reception: Xoshiro256(seed: 1),
                  uplink: Xoshiro256(seed: 2), serverFree: serverFree.nanoseconds)
    }

    @Test func departuresFollowLindleysRecursion() {
        var batch = batch()
        var recovery = RecoveryTracker(eventTimes: [], devices: 1)
        for arrival in [SimTime.zero, .zero, .microseconds(50), .milliseconds(1)] {
            batch.serve(arrival: arrival.nanoseconds, isAlarm: false, shape: shape(), path: path(), device: 0,
                        recovery: &recovery)
        }
        // Ends at 100, 200, 300 µs, then 1.1 ms once the server was idle.
        #expect(batch.serverFree == SimTime.microseconds(1100).nanoseconds)
        #expect(batch.accessDelay.count == 4 && batch.accessDelay.maximumNanoseconds == 250_000)
        #expect(batch.generated == 4 && batch.sent == 4 && batch.decoded == 4 && batch.delivered == 4)
        #expect(batch.onTime == 4 && batch.airtime == 4 * airtime.nanoseconds)
        #expect(batch.windowDelivered == 4)
    }

    @Test func aBacklogBeyondTheBufferIsDroppedAndLostFramesAreRetriedAtOnce() {
        var recovery = RecoveryTracker(eventTimes: [], devices: 1)
        var full = batch(serverFree: .milliseconds(1))
        full.serve(arrival: 0, isAlarm: false, shape: shape(), path: path(backlog: 2), device: 0, recovery: &recovery)
        #expect(full.queueOverflow == 1 && full.sent == 0)
        var lossy = batch()
        lossy.serve(arrival: 0, isAlarm: true, shape: shape(), path: path(probability: 0, attempts: 3), device: 0,
                    recovery: &recovery)
        #expect(lossy.sent == 3 && lossy.transmissions == 3 && lossy.retransmissions == 2)
        #expect(lossy.retriesExhausted == 1 && lossy.alarms == 1)
        #expect(lossy.serverFree == 3 * airtime.nanoseconds, "the attempts went back to back")
        var down = batch()
        down.serve(arrival: 0, isAlarm: false, shape: shape(), path: path(probability: 0, up: false, attempts: 1),
                   device: 0, recovery: &recovery)
        #expect(down.noGatewayReachable == 1)
        var alone = batch()
        alone.serve(arrival: 0, isAlarm: false, shape: shape(frames: 3), path: path(gateway: -1), device: 0,
                    recovery: &recovery)
        #expect(alone.generated == 3 && alone.noGatewayReachable == 3 && alone.sent == 0)
    }

    @Test func warmUpPacketsAreServedButOnlyTheWindowCountsThemAndRecoveryHearsOfThem() {
        var batch = batch()
        var recovery = RecoveryTracker(eventTimes: [.zero], devices: 1)
        batch.serve(arrival: 0, isAlarm: false, shape: shape(), path: path(warmup: 1), device: 0, recovery: &recovery)
        #expect(batch.generated == 0 && batch.delivered == 0 && batch.windowDelivered == 1 && batch.sent == 1)
        let recovered = recovery.recoveries(event: 0, deviceIDs: ["glasses"], horizon: .seconds(1))
        #expect(recovered.first?.deliveredAfter == 1)
    }

    /// One 100 ms batch of a WLAN device on a perfect link (−50 dBm, 32 dB above its
    /// sensitivity, no interference): every arrival before the batch time is served, and
    /// the batch reports its air time to the gateway.
    @Test func aBatchServesTheArrivalsBeforeItsTimeAndReportsItsAirTime() throws {
        let config = F.config(devices: [F.device("glasses", radio: F.wlanRadio(), access: .wideband, payload: 2000,
                                                 interval: .milliseconds(10))])
        let fixture = try ComponentFixture.node(config.network.devices[0], config: config)
        var node = fixture.node
        node.traffic.start()
        let first = node.traffic.nextSample
        var flow = WidebandFlow(profiles: [.init(fixture.parameters)], horizon: .seconds(10), warmup: .zero,
                                backlogLimit: 32)
        var recovery = RecoveryTracker(eventTimes: [], devices: 1)
        let started = flow.startBatch(0, until: .milliseconds(100))
        let twice = flow.startBatch(0, until: .milliseconds(100))
        #expect(started && !twice, "already processed")
        let result = flow.serve(0, until: .milliseconds(100), running: true, gateway: 0,
                                uplink: ComponentFixture.gateway(of: config).uplink, gatewayUp: true, level: -50,
                                interference: 0, node: &node, recovery: &recovery)
        let samples = Int(((SimTime.milliseconds(100) - first - SimTime(nanoseconds: 1)) / .milliseconds(10)) + 1)
        let frames = 2 * samples  // 2000 octets: two frames of at most 1500
        #expect(node.outcome.generated == frames && node.outcome.deliveredToEdge == frames)
        #expect(result.sent == frames && result.decoded == frames && result.forwarded == frames && result.strong)
        #expect(node.energy.stateTimes(at: .zero).transmit == SimTime(nanoseconds: result.airtime))
        #expect(node.window.levelCount == 1 && node.window.sent == frames)
        #expect(node.traffic.nextSample >= .milliseconds(100))
    }

    // MARK: Battery

    @Test func theBatteryDiesBetweenTwoChecksInProportionToTheChargeDrawn() {
        var life = DeviceLife()
        life.checked(at: .seconds(10), consumed: 90)
        #expect(life.deathTime(consumed: 110, capacity: 100, at: .seconds(20)) == .seconds(15))
        #expect(life.deathTime(consumed: 100, capacity: 100, at: .seconds(20)) == .seconds(20))
        // Already past the capacity at the last check (a depletion event): dies now.
        life.checked(at: .seconds(10), consumed: 100)
        #expect(life.deathTime(consumed: 120, capacity: 100, at: .seconds(20)) == .seconds(20))
        #expect(life.isRunning)
        life.failed = true
        #expect(!life.isRunning)
    }
}
