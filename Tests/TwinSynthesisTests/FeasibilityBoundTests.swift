import Testing
import TwinDiagnostics
import TwinModels
import TwinSpec
import TwinTestSupport
import TwinUnits
@testable import TwinSynthesis

/// The analytic bounds' building blocks against hand-computed and published numbers,
/// and the lifetime bound against the model it relaxes.
@Suite struct FeasibilityBoundTests {
    static func close(_ a: Time, _ b: Time, tolerance: Double = 1e-9) -> Bool { abs(a.si - b.si) <= tolerance }

    static func budget(_ device: String, useCaseFile: String) throws -> DeviceBudget {
        let fixture = try #require(SynthesisFixture.all().first { $0.useCaseFile == useCaseFile })
        let useCase = try fixture.documents().useCase
        let catalogue = SynthesisCatalogue.builtIn()
        let network = ResolvedNetwork(useCase, catalogue: catalogue)
        return DeviceBudget(try #require(network.device(device)), useCase: useCase, catalogue: catalogue)
    }

    @Test func periodicPacketsAgainstConnectionEventsWaitOnALattice() {
        // 4 ms packets against 7.5 ms events: offsets are the multiples of gcd = 0.5 ms,
        // 15 of them equally often, so p99 and max wait 7 ms and the mean 3.5 ms.
        let interval = Time.milliseconds(7.5), packets = Time.milliseconds(4)
        #expect(Self.close(AccessWait.wait(interval: interval, packetInterval: packets, statistic: .percentile(99)), .milliseconds(7)))
        #expect(Self.close(AccessWait.wait(interval: interval, packetInterval: packets, statistic: .max), .milliseconds(7)))
        #expect(Self.close(AccessWait.wait(interval: interval, packetInterval: packets, statistic: .mean), .milliseconds(3.5)))
        // Random arrivals wait uniformly: p99 is 0.99 of the interval, the mean half.
        #expect(Self.close(AccessWait.wait(interval: interval, packetInterval: nil, statistic: .percentile(99)), .milliseconds(7.425)))
        #expect(Self.close(AccessWait.wait(interval: interval, packetInterval: nil, statistic: .mean), .milliseconds(3.75)))
        let best = AccessWait.bestBLEWait(packetInterval: packets, statistic: .percentile(99))
        #expect(Self.close(best.wait, .milliseconds(7)) && Self.close(best.interval, .milliseconds(7.5)))
        // 160 ms packets align with a 10 ms interval: no wait at all.
        #expect(AccessWait.bestBLEWait(packetInterval: .milliseconds(160), statistic: .percentile(99)).wait == .zero)
        #expect(Self.close(AccessWait.longestBLEInterval(atMost: .milliseconds(20)), .milliseconds(20)))
        #expect(Self.close(AccessWait.longestBLEInterval(atMost: .milliseconds(3)), .milliseconds(7.5)))
        #expect(Self.close(AccessWait.longestBLEInterval(atMost: .seconds(60)), .seconds(4)))
    }

    @Test func airtimesMatchThePublishedFrameFormats() {
        let narrowband = AirInterface.narrowband(NarrowbandPHY.ism2400Fastest)
        // ban-numbers.md §2: a 255-byte frame at 971.4 kbps takes 2.5367 ms.
        #expect(abs(narrowband.frameAirtime(payloadBytes: 255).milliseconds - 2.5367) < 1e-4)
        let nbExchange = narrowband.exchange(payloadBytes: 255)
        #expect(nbExchange > narrowband.frameAirtime(payloadBytes: 255) + NarrowbandTiming.sifs)
        #expect(abs(narrowband.capacity.si - 2040 / nbExchange.si) < 1e-6)
        #expect(narrowband.capacity < NarrowbandPHY.ism2400Fastest.dataRate)
        // BLE LE 1M: 251 octets take 2088 µs; the exchange adds two T_IFS and an empty PDU.
        #expect(Self.close(AirInterface.ble.frameAirtime(payloadBytes: 251), .microseconds(2088)))
        #expect(Self.close(AirInterface.ble.exchange(payloadBytes: 251), .microseconds(2088 + 300 + 80)))
        // A 600-byte NB packet needs three frames: two full exchanges, then the last frame.
        let delivery = narrowband.deliveryTime(payloadBytes: 600)
        #expect(Self.close(delivery, nbExchange * 2 + narrowband.frameAirtime(payloadBytes: 90)))
        #expect(AirInterface.wideband(DataRate.kilobitsPerSecond(100_000)).capacity == DataRate.kilobitsPerSecond(100_000))
    }

    @Test func theLifetimeBoundIsAnUpperBoundOnEveryScheduledAccessConfiguration() throws {
        // The fixture ward's temperature sensor: class E1 (80 bps, 3 s deadline) on a CR2032.
        let sensor = try Self.budget("sensor", useCaseFile: "base-ward.yaml")
        let deadline = sensor.device.traffic.latency
        let bound = try #require(sensor.minimumAverageCurrent(maximumInterval: deadline))
        let model = try #require(ScheduledAccessLifetimeModel.tachtatzis2012.with(
            radio: RadioCatalogue.ieee802156NB, transmitLevel: PowerLevel(dBm: -18), battery: .cr2032))
        var checked = 0
        for slots in [10, 25, 50, 100, 250] {
            for slotIndex in [0, 1, 4, 9] {
                for m in [1, 2, 4, 8, 12] {
                    let configuration = ScheduledAccessConfiguration(
                        slotsPerSuperframe: slots, slotLengthIndex: slotIndex, superframesPerAllocation: m)
                    guard configuration.allocationInterval <= deadline,
                          let budget = try? model.budget(rate: sensor.device.traffic.totalRate, configuration: configuration)
                    else { continue }
                    checked += 1
                    let current = budget.averageCurrent  // the radio's; the platform is added to both alike
                    #expect(bound.current <= current, "P = \(configuration.allocationInterval.milliseconds) ms")
                }
            }
        }
        #expect(checked > 20)
        // And it is tight at the longest interval, P = 3 s with m = 8 (so the guard time's
        // SI = P branch holds): within 5 % (what remains is one frame's PHY overhead).
        let longest = try model.budget(rate: sensor.device.traffic.totalRate, configuration: ScheduledAccessConfiguration(
            slotsPerSuperframe: 25, slotLengthIndex: 14, superframesPerAllocation: 8))
        #expect(longest.averageCurrent.si / bound.current.si < 1.05)
        // A shorter interval can only cost more.
        let forced = try #require(sensor.minimumAverageCurrent(maximumInterval: .milliseconds(20)))
        #expect(forced.current > bound.current)
    }

    @Test func theLatencyBoundAddsAccessAirtimeAndUplink() throws {
        // The band: 20 B every 160 ms over BLE; a 10 ms connection interval aligns with it.
        let band = try Self.budget("band", useCaseFile: "base-ward.yaml")
        let bound = try #require(band.minimumLatency(statistic: .percentile(99)))
        let uplink = Time.milliseconds(5) + DataSize.bytes(20) / DataRate.kilobitsPerSecond(100_000)
        let expected = AirInterface.ble.frameAirtime(payloadBytes: 20) + uplink
        #expect(Self.close(bound.latency, expected))
        // The patch on 802.15.6: one CCA before its 64 B frame.
        let patch = try Self.budget("patch", useCaseFile: "base-ward.yaml")
        let nb = AirInterface.narrowband(NarrowbandPHY.ism2400Fastest)
        let patchBound = try #require(patch.minimumLatency(statistic: .mean))
        let patchUplink = Time.milliseconds(5) + DataSize.bytes(64) / DataRate.kilobitsPerSecond(100_000)
        #expect(Self.close(patchBound.latency, NarrowbandTiming.ccaTime(.ism2400) + nb.frameAirtime(payloadBytes: 64) + patchUplink))
    }

    @Test func theBundledGamingControllerCannotReachItsEdgeWithin8Milliseconds() throws {
        // ar-gaming's controller: 32 B at 250 Hz over BLE, console uplink 1 ms. The best
        // connection interval (7.5 ms) still leaves a 7 ms p99 wait against 4 ms packets.
        let useCase = try BundledDocuments.useCase("ar-gaming")
        let catalogue = SynthesisCatalogue.builtIn()
        let device = try #require(ResolvedNetwork(useCase, catalogue: catalogue).device("controller"))
        let bound = try #require(DeviceBudget(device, useCase: useCase, catalogue: catalogue).minimumLatency(statistic: .percentile(99)))
        #expect(abs(bound.latency.milliseconds - 8.336) < 0.001)
    }

    @Test func bundledIcuMonitoringBoundsAreAllFeasible() throws {
        let (intent, useCase) = try BundledSelectionTests.documents(("icu-monitoring", "proactive-qa"))
        let result = synthesise(intent: intent, useCase: useCase, catalogue: .builtIn())
        let plan = try #require(result.plan, "\(describe(result.diagnostics))")
        #expect(Set(plan.bounds.map(\.kind)) == ["latency", "lifetime", "airtime", "hub-size"])
        #expect(plan.bounds.allSatisfy { $0.feasible })
        let pump = try #require(plan.bounds.first { $0.kind == "lifetime" && $0.subject == "pump" })
        #expect(pump.goal == "pump-lifetime" && pump.bound.dimension == .time && pump.bound.value > Time.days(30).si)
        // Every device whose primary it is counts (HubCapacity, the runtime's rule): five
        // 802.15.6 sensors and the BLE watch on the phone, the AR glasses on the hub.
        let hubs = plan.bounds.filter { $0.kind == "hub-size" }.map { "\($0.subject) \(Int($0.bound.value))" }
        #expect(hubs == ["bedside-hub 1", "phone 6"])
        #expect(plan.bounds.filter { $0.kind == "hub-size" }.allSatisfy { $0.target?.value == 64 })
    }

    @Test func aTradeOffNamesBothGoalsAndPointsAtEach() throws {
        let fixture = try #require(SynthesisFixture.all().first { $0.name.hasPrefix("TP009") })
        let (intent, useCase) = try fixture.documents()
        let result = synthesise(intent: intent, useCase: useCase, catalogue: .builtIn())
        let warning = try #require(result.diagnostics.first { $0.code == SynthesisDiagnostics.tradeOff })
        #expect(warning.message.contains("`sensor-latency`") && warning.message.contains("`sensor-lifetime`"))
        let latencyTarget = try #require(intent.goals.first { $0.id.value == "sensor-latency" }?.target?.range)
        #expect(warning.notes.contains { $0.range == latencyTarget })
        // A warning keeps the plan, and the plan carries the failed combined bound.
        let plan = try #require(result.plan)
        #expect(plan.bounds.contains { $0.kind == "lifetime" && !$0.feasible && $0.summary.contains("sensor-latency") })
    }
}
