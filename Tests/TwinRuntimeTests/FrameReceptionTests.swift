import Testing
import TwinConfig
import TwinEngine
import TwinModels
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinRuntime

private typealias F = SimulationFixture

/// The reception path on hand-made inputs: the per-device caches (`ReceptionCache`),
/// the gateway's decision and its counters (`FrameReception`), and what the attacker
/// adds to a frame or learns from it (`AttackerActivity`).
@Suite struct FrameReceptionTests {
    /// The next number a stream would give (to tell whether something drew from it).
    private func peek(_ stream: Xoshiro256) -> UInt64 {
        var copy = stream
        return copy.next()
    }

    @Test func theCacheGivesTheReceiversAnswerAndRecomputesWhenAnInputChanges() throws {
        let receiver = try ComponentFixture.node(F.device("d")).parameters.receiver
        var cache = ReceptionCache(receiver: receiver)
        // −86 dBm over −104 dBm of noise and 0.5 pW of interference: about 7 dB of SINR.
        let direct = receiver.successProbability(received: -86, interference: 5e-10, bits: 600)
        #expect(direct > 0 && direct < 1)
        let first = cache.successProbability(level: -86, interference: 5e-10, bits: 600)
        #expect(first == direct)
        #expect(cache.data == SuccessCache(level: -86, interference: 5e-10, bits: 600, value: direct))
        let noisier = cache.successProbability(level: -86, interference: 1e-9, bits: 600)
        #expect(noisier < direct && cache.data.interference == 1e-9)
        let acknowledgement = cache.successProbability(level: -86, interference: 5e-10, bits: 100,
                                                       acknowledgement: true)
        #expect(acknowledgement > direct, "shorter frame")
        #expect(cache.data.interference == 1e-9, "ACKs have their own cache")
        #expect(cache.receivedPower(level: -80) == milliwatts(-80))
        #expect(cache.powerLevel == -80)
    }

    @Test func aGatewayThatIsDownDecodesNothingButTheFrameCountsAsSent() throws {
        var node = try ComponentFixture.node(F.device("d")).node
        var gateway = GatewayOutcome(id: "hub")
        let verdict = FrameReception.decide(ComponentFixture.packet(), bits: 600, level: -50, interference: 0,
                                            gatewayUp: false, node: &node, gateway: &gateway)
        #expect(verdict == nil)
        #expect(node.window.sent == 1 && node.outcome.rssi.count == 1)
        #expect(gateway == GatewayOutcome(id: "hub"))
    }

    @Test func aStrongCleanFrameIsDecodedWithoutADraw() throws {
        var node = try ComponentFixture.node(F.device("d")).node
        var gateway = GatewayOutcome(id: "hub")
        let before = peek(node.receptionStream)
        let verdict = FrameReception.decide(ComponentFixture.packet(), bits: 600, level: -40, interference: 0,
                                            gatewayUp: true, node: &node, gateway: &gateway)
        #expect(verdict == FrameReception.Verdict(decoded: true, strong: true, collided: false))
        #expect(peek(node.receptionStream) == before, "a certain outcome consumes no randomness")
        #expect(gateway.framesReceived == 1 && gateway.collisions == 0)
    }

    @Test func aLostFrameIsACollisionOnlyWhenTheInterferenceIsWhyItWasLost() throws {
        let (parameters, fresh) = try ComponentFixture.node(F.device("d"))
        var node = fresh
        var gateway = GatewayOutcome(id: "hub")
        let weak = parameters.receiver.sensitivity - 1
        let quiet = FrameReception.decide(ComponentFixture.packet(counted: false), bits: 600, level: weak,
                                          interference: 0, gatewayUp: true, node: &node, gateway: &gateway)
        #expect(quiet == FrameReception.Verdict(decoded: false, strong: false, collided: false))
        #expect(gateway.collisions == 0 && node.outcome.rssi.count == 0 && node.window.sent == 1)
        // Below the sensitivity the frame is lost with or without interference: a fade.
        let faded = FrameReception.decide(ComponentFixture.packet(), bits: 600, level: weak, interference: 1e-9,
                                          gatewayUp: true, node: &node, gateway: &gateway)
        #expect(faded?.collided == false && gateway.collisions == 0)
        // A strong frame under an interferer as strong as itself (SINR 0 dB) is lost to it.
        let hit = FrameReception.decide(ComponentFixture.packet(), bits: 600, level: -40, interference: 1e-4,
                                        gatewayUp: true, node: &node, gateway: &gateway)
        #expect(hit == FrameReception.Verdict(decoded: false, strong: true, collided: true))
        #expect(gateway.collisions == 1 && gateway.framesReceived == 0)
        let strongThreshold = parameters.receiver.sensitivity + AttackDetector.strongSignalMargin
        let edge = FrameReception.decide(ComponentFixture.packet(), bits: 600, level: strongThreshold,
                                         interference: 0, gatewayUp: true, node: &node, gateway: &gateway)
        #expect(edge?.strong == true)
        let clear = FrameReception.acknowledgementArrives(bits: 100, level: -40, interference: 0, node: &node)
        let lost = FrameReception.acknowledgementArrives(bits: 100, level: weak, interference: 0, node: &node)
        #expect(clear && !lost)
    }

    // MARK: The attacker's part

    private func attacker(_ kind: ScenarioEventKind, _ parameters: [String: Double] = [:]) -> AttackerActivity {
        let config = F.config(devices: [F.device("d")])
        let event = InjectedEvent(index: 0, event: F.event(kind, "hub", at: .zero, parameters), network: config.network)
        return AttackerActivity(events: [event], streams: RandomStreams(seed: 3))
    }

    /// Wilhelm et al. 2011: the reactive jammer senses a frame at its level, reacts in
    /// 20 µs and jams the rest of it; it costs the attacker only that time.
    @Test func aReactiveJammerHitsTheFramesItSensesAndPaysOnlyForTheRest() {
        var attacker = attacker(.attack(.jamming), ["reactive": 1])
        let source = ChannelState.ExternalSource(
            event: 0, milliwatts: 1e-6, mode: .reactive(senseLevel: PowerLevel(dBm: -85), reaction: .microseconds(20)))
        var stream = Xoshiro256(seed: 1)
        let hit = attacker.perFrameInterference([source], levelDBm: -80, airtime: .microseconds(500), stream: &stream)
        #expect(hit == 1e-6 && attacker.airtime[0] == .microseconds(480))
        let unheard = attacker.perFrameInterference([source], levelDBm: -90, airtime: .microseconds(500), stream: &stream)
        let tooShort = attacker.perFrameInterference([source], levelDBm: -80, airtime: .microseconds(10), stream: &stream)
        #expect(unheard == 0 && tooShort == 0 && attacker.airtime[0] == .microseconds(480))
    }

    @Test func aBurstyInterfererIsOnForItsDutyCycleOfFramesWithOneDrawEach() {
        var attacker = attacker(.fault(.interference))
        let source = ChannelState.ExternalSource(event: 0, milliwatts: 2e-9, mode: .bursty(dutyCycle: 0.3))
        var stream = Xoshiro256(seed: 8), replay = Xoshiro256(seed: 8)
        var on = 0
        for _ in 0..<10_000 {
            let power = attacker.perFrameInterference([source], levelDBm: -70, airtime: .microseconds(300),
                                                      stream: &stream)
            let expected = replay.uniform() < 0.3 ? 2e-9 : 0
            #expect(power == expected)
            if power > 0 { on += 1 }
        }
        #expect(abs(Double(on) / 10_000 - 0.3) < 0.02)
        #expect(attacker.airtime[0] == .zero, "its air time is accounted once, at its start")
    }

    @Test func eavesdroppersReadUnencryptedFramesAndCapturedKeysExposeTheRest() {
        var attacker = attacker(.attack(.eavesdropping))
        attacker.eavesdroppers = [Eavesdropper(event: 0, loss: 60), Eavesdropper(event: 0, loss: 100),
                                  Eavesdropper(event: 0, loss: 60, device: 5)]
        let plain = attacker.overheard(device: 1, transmitLevel: 0, sensitivity: -87, security: .unsecured)
        #expect(plain.overheard == 1 && plain.exposed == 1)
        let encrypted = attacker.overheard(device: 1, transmitLevel: 0, sensitivity: -87,
                                           security: .authenticatedEncrypted)
        #expect(encrypted.overheard == 1 && encrypted.exposed == 0)
        attacker.captures = [AttackerActivity.Capture(event: 0, device: 5)]
        let captured = attacker.overheard(device: 5, transmitLevel: 0, sensitivity: -87,
                                          security: .authenticatedEncrypted)
        #expect(captured.overheard == 2 && captured.exposed == 2)
    }

    @Test func aCapturedNodesForgeryTakesTheCounterTheGenuineFrameThenReuses() {
        var attacker = attacker(.attack(.nodeCapture))
        attacker.captures = [AttackerActivity.Capture(event: 0, device: 2)]
        attacker.forgeWithCapturedKeys(0, security: .unsecured)
        #expect(attacker.counterCollisions(device: 2) == 0, "no frame counter without security")
        attacker.forgeWithCapturedKeys(0, security: .authenticated)
        #expect(attacker.counterCollisions(device: 1) == 0)
        #expect(attacker.counterCollisions(device: 2) == 1)
        #expect(attacker.counterCollisions(device: 2) == 0, "each forged counter collides once")
    }
}
