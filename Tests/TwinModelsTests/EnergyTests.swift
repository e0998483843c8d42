import Foundation
import Testing
import TwinUnits
@testable import TwinModels

@Suite("Radios, first-order model and batteries (ban-numbers.md §4)")
struct EnergyTests {
    @Test("first-order model: 2000 bits over 1 m = 100.2 µJ TX, 100.0 µJ RX")
    func heinzelman() {
        let model = FirstOrderRadioModel.heinzelman2000
        #expect(isClose(model.transmitEnergy(.bits(2000), over: .meters(1)).si, 100.2e-6, relative: 1e-12))
        #expect(isClose(model.receiveEnergy(.bits(2000)).si, 100.0e-6, relative: 1e-12))
        let leach = FirstOrderRadioModel.leachTwoRay
        #expect(isClose(leach.crossoverDistance?.si ?? 0, (10 / 0.0013).squareRoot(), relative: 1e-12))
        #expect(isClose(leach.transmitEnergy(.bits(1), over: .meters(100)).si, 50e-9 + 0.0013e-12 * 1e8, relative: 1e-12))
    }

    @Test("802.15.6 NB radio: Table III currents at listed levels, interpolation between them")
    func nbRadio() {
        let radio = RadioCatalogue.ieee802156NB
        #expect(isClose(radio.transmitCurrent(at: PowerLevel(dBm: 0))?.milliamperes ?? 0, 11.3, relative: 1e-12))
        #expect(isClose(radio.transmitCurrent(at: PowerLevel(dBm: -18))?.milliamperes ?? 0, 7.0, relative: 1e-12))
        #expect(isClose(radio.transmitCurrent(at: PowerLevel(dBm: -3))?.milliamperes ?? 0, 10.15, relative: 1e-12))
        #expect(isClose(radio.transmitCurrent(at: PowerLevel(dBm: -30))?.milliamperes ?? 0, 7.0, relative: 1e-12))
        #expect(radio.transmitCurrent(at: PowerLevel(dBm: 1)) == nil)
        #expect(radio.supportedLevel(atLeast: PowerLevel(dBm: -10)) == PowerLevel(dBm: -6))
        #expect(isClose(radio.receiveCurrent.milliamperes, 13.1, relative: 1e-12))
        #expect(isClose(radio.receiveListenCurrent.milliamperes, 13.8, relative: 1e-12))
        #expect(isClose(radio.sleepCurrent.si, 0.9e-6, relative: 1e-12))
        #expect(isClose(radio.wakeUpEnergy.si, 8.9e-3 * 3 * 3.13e-3, relative: 1e-12))
    }

    @Test("Castalia CC2420: 57.42 mW at 0 dBm is 17.4 mA at 3.3 V; RX 62 mW ≈ 18.8 mA")
    func cc2420() {
        let radio = RadioCatalogue.cc2420
        #expect(isClose(radio.transmitCurrent(at: PowerLevel(dBm: 0))?.milliamperes ?? 0, 17.4, relative: 1e-12))
        #expect(isClose(radio.receiveCurrent.milliamperes, 18.8, absolute: 0.05))
        #expect(isClose(radio.transmitPower(at: PowerLevel(dBm: -25))?.milliwatts ?? 0, 29.04, relative: 1e-12))
        #expect(isClose(radio.transmitPower(at: PowerLevel(dBm: -20))?.milliwatts ?? 0, (29.04 + 32.67) / 2, relative: 1e-12))
        let ban = RadioCatalogue.castaliaBANRadio
        #expect(ban.maximumLevel == PowerLevel(dBm: -10))
        #expect(ban.fastestMode?.name == "high")
        #expect(ban.receiveModes.map(\.sensitivity.dBm) == [-87, -91])
        #expect(RadioCatalogue.named("nrf52840-dcdc")?.transmitCurrent(at: PowerLevel(dBm: 8))?.milliamperes == 16.4)
        #expect(Set(RadioCatalogue.all.map(\.name)).count == RadioCatalogue.all.count)
    }

    @Test("batteries: linear C/I, Peukert t = H·(C/(I·H))^k, self-discharge")
    func batteries() throws {
        let cr = BatteryProfile.cr2032
        #expect(isClose(try BatteryDrainModel.linear.lifetime(of: cr, averageCurrent: .milliamperes(1)).hours, 225, relative: 1e-12))
        #expect(isClose(cr.energy.joules, 0.225 * 3600 * 3, relative: 1e-12))
        // Peukert with k = 1.2 at the rated current equals the rated time; at twice it, less than half.
        let aa = BatteryProfile.alkalineAA
        let rated = Current(si: aa.capacity.si / aa.ratedDischargeTime.si)
        #expect(isClose(try BatteryDrainModel.peukert.lifetime(of: aa, averageCurrent: rated).hours, 20, relative: 1e-12))
        let double = try BatteryDrainModel.peukert.lifetime(of: aa, averageCurrent: rated * 2).hours
        #expect(isClose(double, 20 * pow(0.5, 1.2), relative: 1e-12))
        // Pacemaker: 10 µA with 2 %/year self-discharge lasts less than the 10.27 y of 0.9 Ah / 10 µA.
        let pacer = try BatteryDrainModel.linear.lifetime(of: .pacemakerLiI2, averageCurrent: .microamperes(10)).years
        #expect(pacer < 0.9 / 10e-6 / 8760 && pacer > 8)
        #expect(isClose(BatteryProfile.castaliaTwoAA.energy.joules, 18720, relative: 1e-12))
        #expect(throws: ModelDomainError.self) { try BatteryDrainModel.linear.lifetime(of: cr, averageCurrent: .zero) }
    }
}
