import Foundation
import TwinUnits

/// SNR → bit error rate for the modulations the BAN radios use, and packet success.
///
/// Source: Castalia 3.x `src/node/communication/radio/Radio.cc`, `Radio::SNR2BER`
/// (ban-numbers.md §5 "Radio"), for FSK, PSK and DIFFBPSK; IEEE Std 802.15.4-2006
/// Annex E.4.1.8 for O-QPSK; Proakis, *Digital Communications* (5th ed.) §4.5
/// non-coherent binary FSK for GFSK. Castalia converts the SNR from dB and scales it by
/// the receiver's noise bandwidth over its data rate, `Eb/N0 = SNR · B_N / R`.
public enum BitErrorModel: Sendable, Hashable {
    /// Non-coherent FSK: `BER = ½·exp(−½·(B_N/R)·SNR)`.
    case fsk
    /// Coherent BPSK/QPSK: `BER = ½·erfc(√(SNR·B_N/R))`.
    case psk
    /// Differential BPSK: `BER = ½·exp(−(B_N/R)·SNR)`. Castalia's code omits the minus
    /// sign (it returns ½·exp(+x) ≥ ½); the textbook DBPSK curve with the sign is used.
    case differentialBPSK
    /// Differential QPSK: Castalia's 32-point table, see `DifferentialQPSKTable`.
    case differentialQPSK(DifferentialQPSKTable.Interpolation)
    /// BLE GFSK (h ≈ 0.5) approximated by non-coherent orthogonal BFSK,
    /// `BER = ½·exp(−Eb/(2N0))`: a conservative bound for a discriminator receiver.
    case gfsk
    /// 802.15.4 2.4 GHz O-QPSK with 16-ary orthogonal DSSS (Annex E):
    /// `BER = 8/15 · 1/16 · Σ_{k=2}^{16} (−1)^k C(16,k) exp(20·SINR·(1/k − 1))`.
    case oqpsk802154

    public static let source =
        "Castalia Radio.cc SNR2BER and RadioSupportFunctions.cc diffQPSK_SNR2BER (ban-numbers.md §5); IEEE 802.15.4-2006 Annex E.4.1.8; Proakis §4.5"

    /// Bit error probability at `snr` for a receiver with noise bandwidth `noiseBandwidth`
    /// and data rate `dataRate` (the ratio is only used by the Castalia formulas).
    public func bitErrorRate(snr: Decibels, noiseBandwidthOverRate ratio: Double = 1) -> Double {
        // The linear SNR (a `pow`) only where a formula needs it: the DQPSK table is read
        // in dB, and the runtime asks here for every frame.
        let ber: Double
        switch self {
        case .fsk: ber = 0.5 * exp(-0.5 * ratio * snr.linear)
        case .psk: ber = 0.5 * erfc((snr.linear * ratio).squareRoot())
        case .differentialBPSK: ber = 0.5 * exp(-ratio * snr.linear)
        case .differentialQPSK(let interpolation):
            ber = DifferentialQPSKTable.bitErrorRate(snr: snr, interpolation: interpolation)
        case .gfsk: ber = 0.5 * exp(-0.5 * ratio * snr.linear)
        case .oqpsk802154: ber = Self.oqpskBER(sinr: snr.linear)
        }
        return Swift.min(Swift.max(ber, 0), 1)
    }

    /// The same, with the ratio taken from a receiver's noise bandwidth and data rate.
    public func bitErrorRate(snr: Decibels, noiseBandwidth: Frequency, dataRate: DataRate) -> Double {
        bitErrorRate(snr: snr, noiseBandwidthOverRate: noiseBandwidth.si / dataRate.si)
    }

    private static func oqpskBER(sinr: Double) -> Double {
        var sum = 0.0
        var binomial = 16.0 // C(16,1); updated to C(16,k) inside the loop
        for k in 2...16 {
            binomial = binomial * Double(16 - k + 1) / Double(k)
            let sign: Double = k % 2 == 0 ? 1 : -1
            sum += sign * binomial * exp(20 * sinr * (1 / Double(k) - 1))
        }
        return 8.0 / 15.0 / 16.0 * sum
    }
}

/// Packet-level success from a bit error rate, assuming independent bit errors and no
/// forward error correction beyond what the BER curve already includes.
///
/// Source: Castalia `probabilityOfExactly_N_Errors(BER, 0, N) = (1−BER)^N`
/// (RadioSupportFunctions.cc; ban-numbers.md §5). ✱ checks: 200 bits at 6 dB DQPSK →
/// 0.031; 4000 bits at 12.2 dB → 0.977.
public enum PacketSuccess {
    public static let source = "Castalia RadioSupportFunctions.cc probabilityOfExactly_N_Errors (ban-numbers.md §5)"

    /// `(1 − BER)^bits`.
    public static func probability(bitErrorRate ber: Double, bits: Int) -> Double {
        guard bits > 0 else { return 1 }
        guard ber < 1 else { return 0 }
        return exp(Double(bits) * log1p(-Swift.max(ber, 0)))
    }

    /// Probability of at most `errors` bit errors in `bits` (a receiver that tolerates a
    /// few errors, as Castalia's `maxErrorsAllowed` does).
    public static func probability(bitErrorRate ber: Double, bits: Int, toleratingErrors errors: Int) -> Double {
        guard errors > 0 else { return probability(bitErrorRate: ber, bits: bits) }
        let p = Swift.min(Swift.max(ber, 0), 1)
        var total = 0.0
        var logBinomial = 0.0
        for k in 0...Swift.min(errors, bits) {
            if k > 0 { logBinomial += log(Double(bits - k + 1)) - log(Double(k)) }
            let term: Double
            if p == 0 { term = k == 0 ? 1 : 0 } else if p == 1 { term = k == bits ? 1 : 0 } else {
                term = exp(logBinomial + Double(k) * log(p) + Double(bits - k) * log1p(-p))
            }
            total += term
        }
        return Swift.min(total, 1)
    }
}
