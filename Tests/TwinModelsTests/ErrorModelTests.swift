import Foundation
import Testing
import TwinUnits
@testable import TwinModels

@Suite("BER curves and packet success (ban-numbers.md §5 Radio, §8D)")
struct ErrorModelTests {
    let dqpsk = BitErrorModel.differentialQPSK(.linear)

    @Test("DQPSK table endpoints and length")
    func tableEndpoints() {
        #expect(DifferentialQPSKTable.bitErrorRates.count == 32)
        #expect(isClose(dqpsk.bitErrorRate(snr: Decibels(dB: 6.0)), 0.0172359, relative: 1e-6))
        #expect(isClose(dqpsk.bitErrorRate(snr: Decibels(dB: 12.2)), 5.72140e-6, relative: 1e-5))
        #expect(dqpsk.bitErrorRate(snr: Decibels(dB: 5.99)) == 1)
        #expect(dqpsk.bitErrorRate(snr: Decibels(dB: 12.3)) == 0)
        // Labelled grid points in Castalia's comments.
        #expect(isClose(dqpsk.bitErrorRate(snr: Decibels(dB: 9.0)), 0.00126710356868, relative: 1e-9))
        #expect(isClose(dqpsk.bitErrorRate(snr: Decibels(dB: 10.0)), 0.00034318459603, relative: 1e-9))
    }

    @Test("✱ checks: 200 bits at 6 dB → 0.031; 4000 bits at 12.2 dB → 0.977")
    func packetChecks() {
        let low = PacketSuccess.probability(bitErrorRate: dqpsk.bitErrorRate(snr: Decibels(dB: 6)), bits: 200)
        #expect(isClose(low, 0.031, absolute: 5e-4))
        let high = PacketSuccess.probability(bitErrorRate: dqpsk.bitErrorRate(snr: Decibels(dB: 12.2)), bits: 4000)
        #expect(isClose(high, 0.977, absolute: 5e-4))
        #expect(isClose(high, 0.97737, absolute: 5e-6)) // Castalia's comment: "PER(4000bits) = 0.9773"
    }

    @Test("linear interpolation is monotone and midway between grid points")
    func linearInterpolation() {
        let mid = DifferentialQPSKTable.bitErrorRate(snr: Decibels(dB: 6.1))
        let expected = (DifferentialQPSKTable.bitErrorRates[0] + DifferentialQPSKTable.bitErrorRates[1]) / 2
        #expect(isClose(mid, expected, relative: 1e-9))
        var previous = 1.0
        for step in 0...62 {
            let ber = DifferentialQPSKTable.bitErrorRate(snr: Decibels(dB: 6 + Double(step) * 0.1))
            #expect(ber <= previous)
            previous = ber
        }
    }

    @Test("Castalia's quirk: a grid point returns the next entry; 12.2 dB returns 0")
    func castaliaQuirk() {
        let table = DifferentialQPSKTable.bitErrorRates
        #expect(DifferentialQPSKTable.bitErrorRate(snr: Decibels(dB: 6.0), interpolation: .castalia) == table[1])
        #expect(DifferentialQPSKTable.bitErrorRate(snr: Decibels(dB: 12.2), interpolation: .castalia) == 0)
        // Near the top of a cell the swapped weights give (almost) the lower entry.
        let nearTop = DifferentialQPSKTable.bitErrorRate(snr: Decibels(dB: 6.1999), interpolation: .castalia)
        #expect(isClose(nearTop, table[0], relative: 1e-3))
    }

    @Test("closed-form curves: FSK, PSK, DBPSK, O-QPSK")
    func closedForms() {
        // Eb/N0 = 10 dB with ratio 1.
        let snr = Decibels(dB: 10)
        #expect(isClose(BitErrorModel.fsk.bitErrorRate(snr: snr), 0.5 * exp(-5), relative: 1e-12))
        #expect(isClose(BitErrorModel.differentialBPSK.bitErrorRate(snr: snr), 0.5 * exp(-10), relative: 1e-12))
        // Coherent BPSK at Eb/N0 = 9.6 dB ≈ 1e-5 (textbook).
        #expect(isClose(BitErrorModel.psk.bitErrorRate(snr: Decibels(dB: 9.6)), 1e-5, relative: 0.05))
        // CC2420 ratio 194/250 shifts the PSK curve.
        let cc = RadioCatalogue.cc2420.receiveModes[0]
        #expect(cc.bitErrorRate(snr: snr) > BitErrorModel.psk.bitErrorRate(snr: snr))
        // 802.15.4 O-QPSK: BER ≈ 0.5·(8/15)… falls below 1e-6 by 0 dB SINR... check shape.
        let o = BitErrorModel.oqpsk802154
        #expect(o.bitErrorRate(snr: Decibels(dB: -10)) > 0.1)
        #expect(o.bitErrorRate(snr: Decibels(dB: 5)) < 1e-6)
        #expect(o.bitErrorRate(snr: Decibels(dB: 0)) < o.bitErrorRate(snr: Decibels(dB: -3)))
        #expect(BitErrorModel.gfsk.bitErrorRate(snr: Decibels(dB: 12)) < 1e-3)
    }

    @Test("error tolerance widens packet success")
    func tolerance() {
        let exact = PacketSuccess.probability(bitErrorRate: 1e-3, bits: 1000)
        let one = PacketSuccess.probability(bitErrorRate: 1e-3, bits: 1000, toleratingErrors: 1)
        #expect(isClose(exact, pow(0.999, 1000), relative: 1e-12))
        #expect(isClose(one, exact + 1000 * 1e-3 * pow(0.999, 999), relative: 1e-9))
        #expect(PacketSuccess.probability(bitErrorRate: 1, bits: 10) == 0)
    }
}
