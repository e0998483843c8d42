import Testing
import TwinConfig
import TwinTestSupport
import TwinUnits
@testable import TwinApplications

/// Knob application: each knob changes exactly its parameter on its device, and bad
/// settings come back as errors.
@Suite struct OptimiserKnobTests {
    let config: TwinConfig = {
        var config = OptimiserFixture.twoDeviceTwin()
        config.knobs += [
            OptimiserFixture.knob("ecg", .maxRetries, [0, 1, 3], current: 3, unit: "count"),
            OptimiserFixture.knob("ecg", .securityLevel, [0, 1, 2], current: 2, unit: "level"),
            OptimiserFixture.knob("pump", .connectionInterval, [0.05, 0.1], current: 0.1, unit: "s"),
        ]
        return config
    }()

    /// The config with one device field changed by hand, for comparison.
    private func expected(_ device: String, _ change: (inout DeviceConfig) -> Void, knob: String, value: Double) -> TwinConfig {
        var expected = config
        let index = expected.network.devices.firstIndex { $0.id == device }!
        change(&expected.network.devices[index])
        let knobIndex = expected.knobs.firstIndex { $0.id == knob }!
        expected.knobs[knobIndex].current = value
        return expected
    }

    @Test func eachParameterChangesExactlyItsField() throws {
        #expect(try applyKnobs(config, ["ecg.tx-power": 0])
            == expected("ecg", { $0.radio.txPower = PowerLevel(dBm: 0) }, knob: "ecg.tx-power", value: 0))
        #expect(try applyKnobs(config, ["ecg.max-retries": 1])
            == expected("ecg", { $0.mac.maxRetries = 1 }, knob: "ecg.max-retries", value: 1))
        #expect(try applyKnobs(config, ["ecg.security-level": 0])
            == expected("ecg", { $0.securityLevel = 0 }, knob: "ecg.security-level", value: 0))
        #expect(try applyKnobs(config, ["pump.period": 8])
            == expected("pump", { $0.mac.period = 8 }, knob: "pump.period", value: 8))
        #expect(try applyKnobs(config, ["pump.connection-interval": 0.05])
            == expected("pump", { $0.mac.connectionInterval = .seconds(0.05) }, knob: "pump.connection-interval",
                        value: 0.05))
    }

    @Test func noSettingsIsTheSameConfig() throws {
        #expect(try applyKnobs(config, [:]) == config)
    }

    @Test func unknownKnobIsAnError() {
        #expect(throws: KnobError.unknownKnob("ecg.volume")) { try applyKnobs(config, ["ecg.volume": 3]) }
    }


    @Test func invalidValuesAreErrors() {
        #expect(throws: KnobError.self) { try applyKnobs(config, ["ecg.max-retries": 1.5]) }
        #expect(throws: KnobError.self) { try applyKnobs(config, ["ecg.security-level": 3]) }
        #expect(throws: KnobError.self) { try applyKnobs(config, ["pump.period": 0]) }
        #expect(throws: KnobError.self) { try applyKnobs(config, ["ecg.tx-power": .nan]) }
    }

    @Test func missingDeviceIsAnError() {
        var strange = config
        strange.knobs.append(OptimiserFixture.knob("ghost", .txPower, [0], current: 0, unit: "dBm"))
        #expect(throws: KnobError.unknownDevice(knob: "ghost.tx-power", device: "ghost")) {
            try applyKnobs(strange, ["ghost.tx-power": 0])
        }
    }

    @Test func spaceContainsTheBaselineEvenOffItsRange() {
        var odd = config
        odd.knobs[0].values = [-6, 0]  // current −12 is not listed
        let space = CandidateSpace(config: odd)
        #expect(space.knobs[0].values == [-12, -6, 0])
        #expect(space.value(0, in: space.baseline) == -12)
        #expect(space.changedKnobs(space.baseline).isEmpty)
        #expect(space.size == 3 * 3 * 2 * 3 * 3 * 3 * 2)
    }
}
