import Testing
import TwinConfig
import TwinEngine
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

private typealias F = SimulationFixture

/// The gateway tier on hand-made inputs: the uplink to the edge (delivery, jitter,
/// availability, the horizon), what a delivery does to the device's figures, failures,
/// and the failover and re-association rules.
@Suite struct GatewayTierTests {
    private func gateway(latency: Time = .milliseconds(5), jitter: Time = .zero,
                         availability: Double = 1) -> GatewayState {
        ComponentFixture.gateway(of: F.config(devices: [F.device("d")], latency: latency, jitter: jitter,
                                              availability: availability))
    }

    private func peek(_ stream: Xoshiro256) -> UInt64 {
        var copy = stream
        return copy.next()
    }

    @Test func aPerfectUplinkDeliversAfterItsDelayWithoutADraw() {
        var hub = gateway()
        var stream = Xoshiro256(seed: 4)
        let before = peek(stream)
        let delivery = hub.forward(payload: 64, decodedAt: .seconds(1), horizon: .seconds(10), stream: &stream)
        #expect(delivery == .delivered(at: .seconds(1) + .milliseconds(5)))
        #expect(hub.outcome.framesForwarded == 1 && peek(stream) == before)
        var down = gateway(availability: 0)
        let unavailable = down.forward(payload: 64, decodedAt: .seconds(1), horizon: .seconds(10), stream: &stream)
        #expect(unavailable == .lost)
        #expect(down.outcome.framesForwarded == 0 && peek(stream) == before)
    }

    /// One availability draw per packet and one jitter draw per forwarded packet, in
    /// that order, on the device's uplink stream.
    @Test func availabilityAndJitterDrawInOrderFromTheDevicesStream() {
        var hub = gateway(jitter: .milliseconds(2), availability: 0.9)
        var stream = Xoshiro256(seed: 11), replay = Xoshiro256(seed: 11)
        var lost = 0
        var earliest = SimTime.max, latest = SimTime.zero
        for _ in 0..<20_000 {
            let delivery = hub.forward(payload: 64, decodedAt: .seconds(1), horizon: .seconds(10), stream: &stream)
            let up = replay.uniform() < 0.9
            if up { _ = replay.uniform() }
            switch delivery {
            case .lost:
                lost += 1
                #expect(!up)
            case .delivered(let arrival):
                #expect(up)
                earliest = min(earliest, arrival)
                latest = max(latest, arrival)
            case .pending:
                Issue.record("nothing is pending 5 ms into a 10 s run")
            }
        }
        #expect(peek(stream) == peek(replay))
        #expect(abs(Double(lost) / 20_000 - 0.1) < 0.01)
        #expect(earliest >= .seconds(1) + .milliseconds(3) && latest <= .seconds(1) + .milliseconds(7))
        #expect(earliest < .seconds(1) + .microseconds(3100) && latest > .seconds(1) + .microseconds(6900))
    }

    @Test func jitterNeverMakesTheDelayNegativeAndThePastHorizonIsPending() {
        #expect(EdgeUplink.jittered(.milliseconds(1), jitter: .milliseconds(2), uniform: 0) == .zero)
        #expect(EdgeUplink.jittered(.milliseconds(1), jitter: .milliseconds(2), uniform: 0.5) == .milliseconds(1))
        #expect(EdgeUplink.jittered(.milliseconds(1), jitter: .milliseconds(2), uniform: 1) == .milliseconds(3))
        var hub = gateway()
        var stream = Xoshiro256(seed: 1)
        let late = hub.forward(payload: 64, decodedAt: .milliseconds(9996), horizon: .seconds(10), stream: &stream)
        #expect(late == .pending)
        #expect(hub.outcome.framesForwarded == 1, "it left the gateway")
    }

    @Test func aDeliveryCountsFromTheFirstSampleAgainstTheBudget() throws {
        var node = try ComponentFixture.node(F.device("d", latency: .milliseconds(50))).node
        let packet = ComponentFixture.packet(at: .seconds(1))
        node.record(.delivered(at: .seconds(1) + .milliseconds(40)), of: packet, budget: .milliseconds(50))
        node.record(.delivered(at: .seconds(1) + .milliseconds(60)), of: packet, budget: .milliseconds(50))
        #expect(node.outcome.deliveredToEdge == 2 && node.outcome.deliveredWithinBudget == 1)
        #expect(node.outcome.latency.count == 2 && node.window.delivered == 2)
        var decoded = packet
        decoded.reachedGateway = true
        node.record(.lost, of: decoded, budget: .milliseconds(50))
        node.record(.pending, of: decoded, budget: .milliseconds(50))
        #expect(node.outcome.dropped[.uplinkOutage] == 1 && node.outcome.pendingAtEnd == 1)
        node.record(.delivered(at: .seconds(2)), of: ComponentFixture.packet(counted: false), budget: .milliseconds(50))
        #expect(node.outcome.deliveredToEdge == 2 && node.window.delivered == 3, "warm-up: the window only")
    }

    @Test func failuresAreNumberedAndAFailoverCheckBelongsToOne() {
        var hub = gateway()
        let first = hub.fail(at: .seconds(5))
        let again = hub.fail(at: .seconds(6))
        #expect(first == 1 && again == nil, "already down")
        #expect(hub.isDown(inFailure: 1) && hub.outcome.failedAt == .seconds(5))
        hub.up = true
        #expect(!hub.isDown(inFailure: 1))
        let second = hub.fail(at: .seconds(9))
        #expect(second == 2)
        #expect(!hub.isDown(inFailure: 1) && hub.isDown(inFailure: 2) && hub.outcome.failedAt == .seconds(5))
        let failure = hub.timeToFailure(), repair = hub.timeToRepair()
        #expect(failure == nil && repair == nil, "no MTBF/MTTR in this twin")
    }

    @Test func devicesMoveToAGatewayThatIsUpAndBackToTheirPrimary() {
        let slots = [0, 1]
        #expect(GatewayTier.failoverSlot(slots, leaving: 0, isUp: { $0 == 1 }) == 1)
        #expect(GatewayTier.failoverSlot(slots, leaving: 0, isUp: { _ in false }) == nil)
        #expect(GatewayTier.failoverSlot(slots, leaving: 1, isUp: { _ in true }) == 0)
        #expect(GatewayTier.rejoins(slot: 0, serving: 1), "the primary takes its device back")
        #expect(GatewayTier.rejoins(slot: 1, serving: -1), "a device without a gateway takes any")
        #expect(!GatewayTier.rejoins(slot: 1, serving: 0) && !GatewayTier.rejoins(slot: 0, serving: 0))
        #expect(GatewayTier.reachableSlot(slots, isUp: { $0 == 1 }) == 1)
        #expect(GatewayTier.reachableSlot(slots, isUp: { _ in false }) == -1)
    }
}
