import Foundation
import Testing
import TwinUnits
@testable import TwinModels

@Suite("2.4 GHz coexistence: spectrum, BLE hopping, interference (docs/sources-radio.md §4)")
struct CoexistenceTests {
    /// LE 1M data PDU with 27 payload octets: preamble 1 + access address 4 + header 2 +
    /// payload 27 + CRC 3 = 37 octets at 1 Mbit/s.
    static let bleAirtime = Time.microseconds(296)

    @Test("CSA #2 reproduces the Core Spec Vol 6 Part C §3 sample data (id 0x305F)")
    func channelSelectionAlgorithm2SampleData() {
        let id = BLEChannelSelection.channelIdentifier(accessAddress: 0x8E89_BED6)
        #expect(id == 0x305F)
        let all = BLEChannelMap.all
        #expect((0...3).map { BLEChannelSelection.channel(counter: UInt16($0), identifier: id, map: all) } == [25, 20, 6, 21])
        let nine = BLEChannelMap(octets: [0x00, 0x06, 0xE0, 0x00, 0x1E])
        #expect(nine.usedChannels == [9, 10, 21, 22, 23, 33, 34, 35, 36])
        #expect((6...8).map { BLEChannelSelection.channel(counter: UInt16($0), identifier: id, map: nine) } == [23, 9, 34])
        // prn_e of the sample data's first events (as quoted with it).
        #expect(BLEChannelSelection.pseudoRandom(counter: 0, identifier: id) == 56857)
        #expect(BLEChannelSelection.pseudoRandom(counter: 1, identifier: id) == 1685)
    }

    @Test("CSA #1: unmapped = (last + hop) mod 37, an unused channel remaps to used[unmapped mod N]")
    func channelSelectionAlgorithm1() {
        var csa = BLEChannelSelection.Algorithm1(hopIncrement: 7)
        #expect((0..<6).map { _ in csa.nextChannel(map: .all) } == [7, 14, 21, 28, 35, 5])
        var remapped = BLEChannelSelection.Algorithm1(hopIncrement: 7)
        let withoutSeven = BLEChannelMap(bits: BLEChannelMap.all.bits & ~(1 << 7))
        // 7 is unused: 7 mod 36 = 7 → used[7] = channel 8.
        #expect(remapped.nextChannel(map: withoutSeven) == 8)
    }

    @Test("channel plans: BLE advertising 2402/2426/2480 MHz, data 0 at 2404, WLAN 1 at 2412, 802.15.6 NB 1 MHz grid")
    func channelPlans() throws {
        #expect(try #require(RadioChannel.ble(channelIndex: 37)).centre.megahertz == 2402)
        #expect(try #require(RadioChannel.ble(channelIndex: 38)).centre.megahertz == 2426)
        #expect(try #require(RadioChannel.ble(channelIndex: 39)).centre.megahertz == 2480)
        #expect(try #require(RadioChannel.ble(channelIndex: 0)).centre.megahertz == 2404)
        #expect(try #require(RadioChannel.ble(channelIndex: 11)).centre.megahertz == 2428)
        #expect(try #require(RadioChannel.ble(channelIndex: 36)).centre.megahertz == 2478)
        #expect(try #require(RadioChannel.wlan(channel: 1)).centre.megahertz == 2412)
        #expect(try #require(RadioChannel.wlan(channel: 13)).centre.megahertz == 2472)
        #expect(try #require(RadioChannel.narrowband(channel: 78)).centre.megahertz == 2480)
        #expect(RadioChannel.ble(channelIndex: 40) == nil && RadioChannel.wlan(channel: 14) == nil)
        // A BLE frame inside a 20 MHz WLAN channel: all its power lands there; the WLAN
        // frame puts 1/20 of its power into the 1 MHz BLE receiver.
        let ble = try #require(RadioChannel.ble(channelIndex: 15)), wifi = try #require(RadioChannel.wlan(channel: 6))
        #expect(isClose(wifi.capturedShare(of: ble), 1, absolute: 1e-12))
        #expect(isClose(ble.capturedShare(of: wifi), 1 / 18.95, relative: 0.01))
    }

    /// IEEE 802.15.2-style frequency collision: Bluetooth BR hopping uniformly over 79
    /// channels against a saturated 22 MHz DSSS channel collides 22/79 of the time
    /// (published ✔, e.g. the Wireless LANs handbook chapter cited in sources-radio.md).
    @Test("Bluetooth BR vs saturated 802.11b: frequency collision 22/79 = 0.278, exactly")
    func bluetoothClassicAgainstDSSS() throws {
        let dsss = try #require(RadioChannel.wlan(channel: 6, dsss: true))
        let covered = (0...78).compactMap { RadioChannel.bluetoothClassic(channel: $0) }.reduce(0.0) {
            $0 + $1.coveredShare(by: dsss)
        }
        #expect(isClose(covered / 79, 22.0 / 79, absolute: 1e-12))
    }

    /// BLE next to a busy WLAN: the analytical 802.15.2 model (time × frequency overlap),
    /// which Howitt (IEEE TVT 2002) found within 2 % RMS of measurement. A saturated OFDM
    /// channel 6 covers BLE data channels 11–20 (10 of 37); CSA #2's exact hop shares put
    /// 10/37 = 27.0 % of the events there; at −50 dBm signal and −45 dBm WLAN (−58 dBm in
    /// band) every one is lost, while the mask skirt spares channels 10 and 21.
    @Test("BLE beside a saturated WLAN channel 6 loses 10/37 = 27 % of frames (± 2 %, Howitt's RMS), none with AFH")
    func bleNextToABusyWLAN() throws {
        let wifi = try #require(RadioChannel.wlan(channel: 6))
        let id = BLEChannelSelection.channelIdentifier(accessAddress: 0x8E89_BED6)
        let shares = Coexistence.hopShares(identifier: id, map: .all)
        #expect(isClose(shares.reduce(0, +), 1, absolute: 1e-12))
        #expect(shares.allSatisfy { abs($0 - 1.0 / 37) < 0.002 })
        let saturated = OnOffInterferer(burst: .milliseconds(1.4), dutyCycle: 1, timing: .random)
        let loss = Coexistence.bleLinkLoss(shares: shares, signal: PowerLevel(dBm: -50), airtime: Self.bleAirtime,
                                           interferer: wifi, interference: PowerLevel(dBm: -45), activity: saturated)
        #expect(isClose(loss, 10.0 / 37, absolute: 0.02), "loss \(loss)")
        // Half-busy WLAN (random 1 ms frames, duty 0.5): each covered hop is hit with
        // probability 1 − 0.5·e^(−0.296) = 0.628.
        let halfBusy = OnOffInterferer(burst: .milliseconds(1), dutyCycle: 0.5, timing: .random)
        #expect(isClose(halfBusy.overlapProbability(airtime: Self.bleAirtime), 1 - 0.5 * exp(-0.296), absolute: 1e-12))
        let partial = Coexistence.bleLinkLoss(shares: shares, signal: PowerLevel(dBm: -50), airtime: Self.bleAirtime,
                                              interferer: wifi, interference: PowerLevel(dBm: -45), activity: halfBusy)
        #expect(isClose(partial, loss * 0.628, absolute: 0.005))
        // AFH: drop the channels the WLAN covers; 27 remain and nothing is lost.
        let afh = try #require(BLEChannelMap.all.excluding([wifi]))
        #expect(afh.usedCount == 27)
        let clean = Coexistence.bleLinkLoss(shares: Coexistence.hopShares(identifier: id, map: afh), signal: PowerLevel(dBm: -50),
                                            airtime: Self.bleAirtime, interferer: wifi, interference: PowerLevel(dBm: -45),
                                            activity: saturated)
        #expect(clean == 0)
        // A far WLAN (in-band −80 dBm) leaves more than the 21 dB co-channel C/I: no loss.
        #expect(Coexistence.bleLinkLoss(shares: shares, signal: PowerLevel(dBm: -50), airtime: Self.bleAirtime,
                                        interferer: wifi, interference: PowerLevel(dBm: -67), activity: saturated) == 0)
    }

    @Test("adjacent channels: the WLAN mask's skirt (−22 dBr at 13 MHz) hurts a neighbouring BLE channel only when strong")
    func adjacentChannelLeakage() throws {
        let wifi = try #require(RadioChannel.wlan(channel: 6))
        let neighbour = try #require(RadioChannel.ble(channelIndex: 22)) // 2450 MHz, 13 MHz from the WLAN centre
        #expect(neighbour.overlap(with: wifi).si == 0)
        let leak = Decibels(linear: neighbour.capturedShare(of: wifi)).dB
        #expect(isClose(leak, -34.7, absolute: 0.3), "leak \(leak) dB")
        let on = OnOffInterferer(burst: .milliseconds(1), dutyCycle: 1, timing: .random)
        #expect(Coexistence.frameLoss(victim: neighbour, signal: PowerLevel(dBm: -60), airtime: Self.bleAirtime,
                                      interferer: wifi, interference: PowerLevel(dBm: -50), activity: on) == 0)
        #expect(Coexistence.frameLoss(victim: neighbour, signal: PowerLevel(dBm: -60), airtime: Self.bleAirtime,
                                      interferer: wifi, interference: PowerLevel(dBm: -30), activity: on) == 1)
        // Two BLE links 2 MHz apart: the LE 1M receiver rejects the neighbour down to −17 dB C/I.
        let a = try #require(RadioChannel.ble(channelIndex: 5)), b = try #require(RadioChannel.ble(channelIndex: 6))
        #expect(Coexistence.frameLoss(victim: a, signal: PowerLevel(dBm: -70), airtime: Self.bleAirtime, interferer: b,
                                      interference: PowerLevel(dBm: -60), activity: on) == 0)
        #expect(Coexistence.frameLoss(victim: a, signal: PowerLevel(dBm: -70), airtime: Self.bleAirtime, interferer: a,
                                      interference: PowerLevel(dBm: -80), activity: on) == 1)
        #expect(InterferenceRejection.bleOneMegabit.requiredRatio(offset: .megahertz(1)).dB == 15)
        #expect(InterferenceRejection.bleOneMegabit.requiredRatio(offset: .megahertz(2)).dB == -17)
    }

    @Test("periodic bursts: (burst + airtime)/period; an AFH map keeps at least 2 channels")
    func periodicOverlapAndMinimumMap() throws {
        let beacon = OnOffInterferer(burst: .milliseconds(2), dutyCycle: 0.02, timing: .periodic)
        #expect(isClose(beacon.overlapProbability(airtime: .milliseconds(1)), 3.0 / 100, absolute: 1e-12))
        let everything = (1...13).compactMap { RadioChannel.wlan(channel: $0) }
        #expect(BLEChannelMap.all.excluding(everything) == nil)
    }
}
