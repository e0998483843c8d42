import Foundation
import Testing
import TwinUnits
@testable import TwinModels

/// The bundled templates' devices (Templates/*.yaml: battery, radio, TX level, traffic)
/// as inputs to the whole-device energy model, written out here as literals so the
/// validation tests do not depend on the compiler stages.
struct TemplateDevice: Sendable, CustomTestStringConvertible {
    enum Radio: Sendable {
        /// IEEE 802.15.6 NB scheduled access sized by `ScheduledAllocationSizing`.
        case narrowband(rate: DataRate, deadline: Time, level: PowerLevel)
        /// BLE peripheral on the nRF52840 (DC/DC).
        case ble(rate: DataRate, payload: DataSize, level: PowerLevel)
        /// WLAN stream on a `WLANRadioProfile`.
        case wlan(WLANRadioProfile, WLANActivity)
    }

    var template: String
    var id: String
    var profile: DeviceClassEnergyProfile
    var battery: BatteryCell
    var radio: Radio
    var testDescription: String { "\(template)/\(id)" }

    /// Average radio power on the rail.
    func radioPower() throws -> Power {
        switch radio {
        case let .narrowband(rate, deadline, level):
            let sizing = ScheduledAllocationSizing(totalRate: rate, deadline: deadline)
            let config = ScheduledAccessConfiguration(
                slotsPerSuperframe: sizing.slots, slotLengthIndex: Int(sizing.slotLength.milliseconds.rounded()) - 1,
                superframesPerAllocation: sizing.period)
            let radio = RadioCatalogue.ieee802156NB
            let model = ScheduledAccessLifetimeModel.tachtatzis2012.with(radio: radio, transmitLevel: level, battery: .coin560)
            let budget = try require(model).budget(rate: rate, configuration: config)
            return budget.averageCurrent * radio.supplyVoltage
        case let .ble(rate, payload, level):
            let radio = RadioCatalogue.nrf52840DCDC
            let link = BLELinkEnergy(rate: rate, payload: payload, connectionInterval: .seconds(1), transmitLevel: level)
            return try link.averageCurrent(on: radio) * radio.supplyVoltage
        case let .wlan(radio, activity):
            return try activity.averageCurrent(on: radio) * radio.supplyVoltage
        }
    }

    func lifetime() throws -> DeviceLifetimeEstimate {
        try DeviceLifetimeModel(battery: battery, regulator: profile.regulator, platform: profile.platform)
            .lifetime(radioPower: radioPower())
    }
}

/// `#require` without the Testing macro, for helpers outside a test function.
private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw ModelDomainError.singular("missing value") }
    return value
}

extension TemplateDevice {
    static func liIon(_ mAh: Double, _ name: String) -> BatteryCell {
        .lithiumIon(name, capacity: .milliampHours(mAh), source: "template battery \(Int(mAh)) mAh Li-ion")
    }

    /// Every device of Templates/*.yaml with a class profile.
    static let all: [TemplateDevice] = [
        TemplateDevice(template: "proactive-qa", id: "ecg", profile: .ecgPatch, battery: .coin560,
                       radio: .narrowband(rate: .bitsPerSecond(2400), deadline: .milliseconds(300), level: PowerLevel(dBm: -10))),
        TemplateDevice(template: "proactive-qa", id: "temp", profile: .temperature, battery: .cr2032,
                       radio: .narrowband(rate: .bitsPerSecond(80), deadline: .seconds(3), level: PowerLevel(dBm: -15))),
        TemplateDevice(template: "proactive-qa", id: "bp", profile: .bloodPressure, battery: .cr2032,
                       radio: .narrowband(rate: .bitsPerSecond(80), deadline: .seconds(3), level: PowerLevel(dBm: -10))),
        TemplateDevice(template: "proactive-qa", id: "spo2", profile: .pulseOximeter, battery: .cr2032,
                       radio: .narrowband(rate: .bitsPerSecond(120), deadline: .milliseconds(300), level: PowerLevel(dBm: -10))),
        TemplateDevice(template: "proactive-qa", id: "pump", profile: .insulinPump, battery: .alkalineAA,
                       radio: .narrowband(rate: .bitsPerSecond(80), deadline: .seconds(3), level: PowerLevel(dBm: -15))),
        TemplateDevice(template: "proactive-qa", id: "watch", profile: .smartwatch, battery: liIon(300, "watch"),
                       radio: .ble(rate: .bitsPerSecond(1000), payload: .bytes(20), level: PowerLevel(dBm: 0))),
        TemplateDevice(template: "proactive-qa", id: "ar", profile: .arGlasses, battery: liIon(800, "ar"),
                       radio: .wlan(.esp32, WLANActivity(uplinkRate: .kilobitsPerSecond(8000), frameSize: .bytes(1400),
                                                         phyRate: .kilobitsPerSecond(65_000), transmitLevel: PowerLevel(dBm: 14)))),
        TemplateDevice(template: "ar-gaming", id: "vr", profile: .vrGlasses, battery: .quest2Pack,
                       radio: .wlan(.phoneClassPixel2, WLANActivity(uplinkRate: .zero, downlinkRate: .kilobitsPerSecond(8000),
                                                                    frameSize: .bytes(1400), phyRate: .kilobitsPerSecond(400_000),
                                                                    transmitLevel: PowerLevel(dBm: 10)))),
        TemplateDevice(template: "ar-gaming", id: "ar", profile: .arGlasses, battery: liIon(800, "ar"),
                       radio: .wlan(.esp32, WLANActivity(uplinkRate: .kilobitsPerSecond(6000), frameSize: .bytes(1400),
                                                         phyRate: .kilobitsPerSecond(65_000), transmitLevel: PowerLevel(dBm: 14)))),
        TemplateDevice(template: "ar-gaming", id: "watch", profile: .smartwatch, battery: liIon(300, "watch"),
                       radio: .ble(rate: .bitsPerSecond(160), payload: .bytes(20), level: PowerLevel(dBm: 0))),
        TemplateDevice(template: "first-responder", id: "shirt", profile: .smartTShirt, battery: liIon(500, "shirt"),
                       radio: .narrowband(rate: .bitsPerSecond(2400), deadline: .milliseconds(300), level: PowerLevel(dBm: -10))),
        TemplateDevice(template: "first-responder", id: "skin-temp", profile: .temperature, battery: .cr2032,
                       radio: .narrowband(rate: .bitsPerSecond(800), deadline: .seconds(3), level: PowerLevel(dBm: -15))),
        TemplateDevice(template: "first-responder", id: "motion", profile: .motion, battery: .cr2032,
                       radio: .narrowband(rate: .kilobitsPerSecond(35), deadline: .milliseconds(200), level: PowerLevel(dBm: -6))),
        TemplateDevice(template: "first-responder", id: "mic", profile: .microphone, battery: liIon(150, "mic"),
                       radio: .ble(rate: .kilobitsPerSecond(64), payload: .bytes(160), level: PowerLevel(dBm: 4))),
        TemplateDevice(template: "ar-gaming", id: "controller", profile: .gamingController, battery: liIon(1000, "controller"),
                       radio: .ble(rate: .kilobitsPerSecond(64), payload: .bytes(32), level: PowerLevel(dBm: 0))),
    ]
}
