import Foundation
import Testing
import TwinUnits
@testable import TwinModels

@Suite("802.15.6 MAC, BLE connection parameters, M/D/1 oracle (ban-numbers.md §2, §5)")
struct MACTests {
    @Test("UP table matches BaselineBANMac.h and the CP table")
    func table() {
        #expect(UserPriority.allCases.map(\.contentionWindowMinimum) == [16, 16, 8, 8, 4, 4, 2, 1])
        #expect(UserPriority.allCases.map(\.contentionWindowMaximum) == [64, 32, 32, 16, 16, 8, 8, 4])
        #expect(UserPriority.background.contentionProbabilityMaximum == 1.0 / 8)
        #expect(UserPriority.background.contentionProbabilityMinimum == 1.0 / 16)
        #expect(UserPriority.medicalData.contentionProbabilityMaximum == 3.0 / 8)
        #expect(UserPriority.medicalData.contentionProbabilityMinimum == 3.0 / 16)
        #expect(UserPriority.emergency.contentionProbabilityMaximum == 1)
    }

    @Test("CW doubles after every second consecutive failure, capped at CWmax, reset on success")
    func contentionWindow() {
        let up = UserPriority.background
        var cw = up.contentionWindowMinimum
        var history: [Int] = []
        for failures in 1...6 {
            cw = up.nextContentionWindow(current: cw, consecutiveFailures: failures)
            history.append(cw)
        }
        #expect(history == [16, 32, 32, 64, 64, 64])
        #expect(up.nextContentionWindow(current: 64, consecutiveFailures: 0) == 16)
        #expect(up.backoffSlots(window: 16, uniform: 0) == 1)
        #expect(up.backoffSlots(window: 16, uniform: 0.99999) == 16)
    }

    @Test("slotted Aloha CP halves on every even collision, not below CPmin")
    func contentionProbability() {
        let up = UserPriority.medicalData
        var cp = up.contentionProbabilityMaximum
        var history: [Double] = []
        for collisions in 1...4 {
            cp = up.nextContentionProbability(current: cp, consecutiveCollisions: collisions)
            history.append(cp)
        }
        let expected: [Double] = [0.375, 0.1875, 0.1875, 0.1875]
        #expect(history == expected)
        #expect(up.nextContentionProbability(current: cp, consecutiveCollisions: 0) == 0.375)
        #expect(up.transmitsInSlot(probability: 0.25, uniform: 0.25))
        #expect(!up.transmitsInSlot(probability: 0.25, uniform: 0.26))
    }

    @Test("BaselineBANMac defaults and mMaxBANSize")
    func baseline() {
        let mac = BaselineBANMacParameters.castaliaDefault
        #expect(mac.beaconPeriod == .milliseconds(320))
        #expect(isClose(mac.guardTime.si, 1e-3, relative: 1e-12))
        #expect(mac.phyLayerOverhead.bytes == 6 && mac.macPacketOverhead.bytes == 7)
        #expect(BaselineBANMacParameters.maximumBANSize == 64)
    }

    @Test("BLE connection interval 7.5 ms–4 s in 1.25 ms steps, timeout rule")
    func ble() throws {
        let p = try BLEConnectionParameters(interval: .milliseconds(7.5))
        #expect(p.worstCaseLatency == .milliseconds(7.5))
        #expect(throws: ModelDomainError.self) { try BLEConnectionParameters(interval: .milliseconds(5)) }
        #expect(throws: ModelDomainError.self) { try BLEConnectionParameters(interval: .milliseconds(8)) }
        #expect(throws: ModelDomainError.self) {
            try BLEConnectionParameters(interval: .seconds(1), peripheralLatency: 4, supervisionTimeout: .seconds(10))
        }
        let slow = try BLEConnectionParameters(interval: .seconds(4), peripheralLatency: 0, supervisionTimeout: .seconds(10))
        #expect(slow.interval == .seconds(4))
    }

    @Test("M/D/1 mean wait ρ/(2μ(1−ρ)): ρ = 0.5, service 1 ms → 0.5 ms; unstable → nil")
    func md1() {
        let wait = QueueingOracle.md1MeanWait(arrivalRate: .hertz(500), serviceTime: .milliseconds(1))
        #expect(isClose(wait?.si ?? 0, 0.5e-3, relative: 1e-12))
        #expect(isClose(QueueingOracle.md1MeanSojourn(arrivalRate: .hertz(500), serviceTime: .milliseconds(1))?.si ?? 0,
                        1.5e-3, relative: 1e-12))
        #expect(QueueingOracle.md1MeanWait(arrivalRate: .hertz(1000), serviceTime: .milliseconds(1)) == nil)
    }
}
