import Testing
import TwinUnits
@testable import TwinModels

@Suite("802.15.6 NB PHY rates and airtime (ban-numbers.md §2, §8B)")
struct NarrowbandPHYTests {
    @Test("the whole PSDU rate table to 0.1 kbps")
    func rateTable() {
        let expected: [NarrowbandPHY.Band: [Double]] = [
            .mics402: [75.9, 151.8, 303.6, 455.4],
            .band420: [75.9, 151.8, 187.5],
            .band863: [101.2, 202.4, 404.8, 607.1],
            .band902: [101.2, 202.4, 404.8, 607.1],
            .band950: [101.2, 202.4, 404.8, 607.1],
            .band2360: [121.4, 242.9, 485.7, 971.4],
            .ism2400: [121.4, 242.9, 485.7, 971.4],
        ]
        for band in NarrowbandPHY.Band.allCases {
            let rates = NarrowbandPHY.modes(band).map { oneDecimal($0.dataRate.kilobitsPerSecond) }
            #expect(rates == expected[band], "\(band)")
        }
    }

    @Test("PLCP header rates: 57.5, 76.6, 91.9 kbps")
    func headerRates() {
        #expect(oneDecimal(NarrowbandPHY.headerRate(.mics402).kilobitsPerSecond) == 57.5)
        #expect(oneDecimal(NarrowbandPHY.headerRate(.band420).kilobitsPerSecond) == 57.5)
        #expect(oneDecimal(NarrowbandPHY.headerRate(.band902).kilobitsPerSecond) == 76.6)
        #expect(oneDecimal(NarrowbandPHY.headerRate(.ism2400).kilobitsPerSecond) == 91.9)
    }

    @Test("a 255-byte frame at 971.4 kbps takes 2.5367 ms")
    func fullFrameAirtime() throws {
        let t = try NarrowbandTiming.frameAirtime(payloadBytes: 255, mode: NarrowbandPHY.ism2400Fastest)
        #expect(isClose(t.milliseconds, 2.5367, absolute: 5e-5))
        #expect(try NarrowbandTiming.psduBits(payloadBytes: 255, mode: NarrowbandPHY.ism2400Fastest) == 2112 + 504)
    }

    @Test("spreading and pad bits: DBPSK S=4 is four times slower per coded bit than S=1")
    func spreadingAndPadding() throws {
        let slow = NarrowbandPHY.Mode(band: .ism2400, modulation: .pi2DBPSK, spreading: 4)
        let fast = NarrowbandPHY.Mode(band: .ism2400, modulation: .pi2DBPSK, spreading: 1)
        let fixed = (90.0 + 124) / 600_000
        let a = try NarrowbandTiming.frameAirtime(payloadBytes: 10, mode: slow).seconds - fixed
        let b = try NarrowbandTiming.frameAirtime(payloadBytes: 10, mode: fast).seconds - fixed
        #expect(isClose(a, 4 * b, relative: 1e-12))
        // D8PSK pads the coded bits to a multiple of 3.
        let d8 = NarrowbandPHY.Mode(band: .band902, modulation: .pi8D8PSK, spreading: 1)
        #expect(try NarrowbandTiming.psduBits(payloadBytes: 0, mode: d8) % 3 == 0)
    }

    @Test("out-of-range payload and slot index are refused, not trapped")
    func domainErrors() {
        #expect(throws: ModelDomainError.self) {
            try NarrowbandTiming.frameAirtime(payloadBytes: 256, mode: NarrowbandPHY.ism2400Fastest)
        }
        #expect(throws: ModelDomainError.self) { try NarrowbandTiming.allocationSlotLength(256) }
    }

    @Test("timing constants and slot lengths")
    func timing() throws {
        #expect(NarrowbandTiming.sifs == .microseconds(50))
        #expect(NarrowbandTiming.mifs == .microseconds(20))
        #expect(isClose(NarrowbandTiming.ccaTime(.ism2400).si, 105e-6, relative: 1e-12))
        #expect(try NarrowbandTiming.allocationSlotLength(0) == .milliseconds(1))
        #expect(try NarrowbandTiming.allocationSlotLength(29) == .milliseconds(30))
        #expect(isClose(try NarrowbandTiming.superframeLength(slots: 256, slotLengthIndex: 255).si, 65.536, relative: 1e-12))
        #expect(NarrowbandPHY.Band.containing(.megahertz(2440)) == .ism2400)
        #expect(NarrowbandPHY.Band.containing(.megahertz(403)) == .mics402)
    }

    @Test("BLE LE 1M: empty PDU 80 µs, 251 B + MIC 2120 µs; 802.15.4: 127 B 4.256 ms")
    func otherPHYs() throws {
        #expect(isClose(try BLE1MPHY.packetAirtime(payloadBytes: 0).si, 80e-6, relative: 1e-12))
        #expect(isClose(try BLE1MPHY.packetAirtime(payloadBytes: 251, encrypted: true).si, 2120e-6, relative: 1e-12))
        #expect(isClose(try BLE1MPHY.exchangeDuration(payloadBytes: 20).si, (80 + 160 + 150 + 80) * 1e-6, relative: 1e-12))
        #expect(isClose(try IEEE802154OQPSK.frameAirtime(psduBytes: 127).si, 4.256e-3, relative: 1e-12))
        #expect(throws: ModelDomainError.self) { try IEEE802154OQPSK.frameAirtime(psduBytes: 128) }
    }
}
