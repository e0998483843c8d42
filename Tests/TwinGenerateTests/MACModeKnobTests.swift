import Testing
import TwinConfig
import TwinModels
import TwinSpec
import TwinSynthesis
@testable import TwinGenerate
import TwinTestSupport
import TwinVocabulary

/// The `mac-mode` knob in the bundled twins: offered to every IEEE 802.15.6 narrowband
/// device with scheduled access or CSMA/CA and to no other, before the allocation
/// period; and twin.json alone carries what the optimiser needs to size scheduled
/// access as the compiler did (`ScheduledAllocationSizing` of the traffic's total rate
/// and latency budget reproduces every compiled allocation).
@Suite struct MACModeKnobTests {
    static func twin(_ pair: (String, String)) throws -> TwinConfig {
        let (intent, useCase) = try BundledDocuments.documents(pair)
        let plan = try #require(synthesise(intent: intent, useCase: useCase, catalogue: .builtIn()).plan)
        return buildTwinConfig(plan: plan, intent: intent, useCase: useCase, catalogue: .builtIn(),
                               defaults: RunDefaults(generator: "tests"))
    }

    @Test(arguments: BundledDocuments.pairs)
    func narrowbandDevicesGetTheKnobOthersDoNot(_ pair: (String, String)) throws {
        let config = try Self.twin(pair)
        var offered = 0
        for device in config.network.devices {
            let ids = config.knobs.filter { $0.targets == [device.id] }.map(\.id)
            let knob = config.knobs.first { $0.id == "\(device.id).mac-mode" }
            let switchable = device.radio.technology == .banNB && [AccessMode.scheduled, .csmaCA].contains(device.mac.access)
            #expect((knob != nil) == switchable, "\(device.id): \(device.radio.technology) \(device.mac.access)")
            guard let knob else { continue }
            offered += 1
            #expect(knob.parameter == .macMode && knob.unit == "index")
            #expect(knob.labels == ["scheduled", "csma-ca"] && knob.values == [0, 1])
            #expect(knob.label(of: knob.current) == device.mac.access.rawValue)
            if let period = ids.firstIndex(of: "\(device.id).period") {
                #expect(ids.firstIndex(of: knob.id)! < period, "the mode is applied before the period")
            }
        }
        if pair.0 != "immersive-session" { #expect(offered > 0) }
    }

    @Test(arguments: BundledDocuments.pairs)
    func theTwinCarriesWhatSizesItsAllocation(_ pair: (String, String)) throws {
        let config = try Self.twin(pair)
        let scheduled = config.network.devices.filter { $0.mac.access == .scheduled }
        if pair.0 != "immersive-session" { #expect(!scheduled.isEmpty) }
        for device in scheduled {
            let sizing = ScheduledAllocationSizing(totalRate: device.traffic.totalRate,
                                                   deadline: device.traffic.latencyBudget)
            #expect(sizing.slotLength == device.mac.slotLength, "\(device.id)")
            #expect(sizing.slots == device.mac.slots, "\(device.id)")
            #expect(sizing.period == device.mac.period, "\(device.id)")
        }
    }
}
