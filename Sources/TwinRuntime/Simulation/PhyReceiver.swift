import Foundation
import TwinConfig
import TwinEngine
import TwinModels
import TwinUnits

/// A gateway receiver for one device's frames: the modulation's BER curve, the
/// sensitivity, the noise floor and the CCA threshold.
///
/// Sources: BER curves from `BitErrorModel` (Castalia Radio.cc SNR2BER and the DQPSK
/// table; 802.15.4 Annex E; ban-numbers.md §5), packet success `(1−BER)^bits`
/// (`PacketSuccess`, Castalia RadioSupportFunctions.cc), SINR with interferers summed
/// in linear power (`LinkBudget`). A frame below the sensitivity is lost whatever its
/// SINR. The energy-detection CCA threshold is 10 dB above the sensitivity, the bound
/// IEEE Std 802.15.4-2006 §6.9.9 sets (802.15.6 leaves it to the implementation).
struct PhyReceiver: Sendable {
    let errorModel: BitErrorModel
    let sensitivity: Double
    let noiseMilliwatts: Double
    let noiseFloor: Double
    /// dBm of the noise alone, as `successProbability` computes it without interference:
    /// computed once here instead of a `log10` at every reception-cache miss (most
    /// frames have no interference, and their level moves with the fading).
    private let noiseLevel: Double
    var clearChannelThreshold: Double { sensitivity + 10 }

    init(radio: RadioConfig) {
        errorModel = Self.errorModel(modulation: radio.modulation)
        sensitivity = radio.sensitivity.dBm
        noiseFloor = radio.noiseFloor.dBm
        noiseMilliwatts = milliwatts(radio.noiseFloor.dBm)
        noiseLevel = decibelMilliwatts(noiseMilliwatts)
    }

    /// The BER curve for a twin.json modulation name (`dqpsk`, `pi/4-DQPSK`, `dbpsk`,
    /// `gfsk`, `oqpsk`, `psk`, `fsk`); coherent PSK for anything else (wideband OFDM).
    static func errorModel(modulation: String) -> BitErrorModel {
        let name = modulation.lowercased()
        if name.contains("dqpsk") { return .differentialQPSK(.linear) }
        if name.contains("dbpsk") || name.contains("d8psk") { return .differentialBPSK }
        if name.contains("gfsk") || name.contains("gmsk") { return .gfsk }
        if name.contains("oqpsk") || name.contains("o-qpsk") { return .oqpsk802154 }
        if name.contains("fsk") { return .fsk }
        return .psk
    }

    /// Probability that a frame of `bits` bits received at `received` dBm survives noise
    /// plus `interference` mW.
    func successProbability(received: Double, interference: Double, bits: Int) -> Double {
        guard received >= sensitivity else { return 0 }
        let sinr = received - (interference == 0 ? noiseLevel : decibelMilliwatts(noiseMilliwatts + interference))
        let ber = errorModel.bitErrorRate(snr: Decibels(dB: sinr))
        return PacketSuccess.probability(bitErrorRate: ber, bits: bits)
    }
}

/// The last answer of an expensive per-frame computation, reused while its inputs do
/// not change (a link's level only changes with posture, degradation or scenario).
struct SuccessCache: Sendable, Equatable {
    var level = Double.nan
    var interference = Double.nan
    var bits = -1
    var value = 0.0
}

/// The receiver of one device's frames with its per-frame caches: the success
/// probability of the device's data frames and of the ACKs it receives, and the mW of
/// its received level.
///
/// Why: every frame needs `(1−BER)^bits` at its SINR and the level in mW for the
/// interference sums; both cost a `pow`/`log10`/`erfc` and both repeat from frame to
/// frame while the link and the interference stay the same, which on a quiet body is
/// almost always. A hit returns the same `Double` the computation would, so the cache
/// changes speed only, never a result.
struct ReceptionCache: Sendable {
    let receiver: PhyReceiver
    var data = SuccessCache()
    var acknowledgement = SuccessCache()
    var powerLevel = Double.nan
    var powerMilliwatts = 0.0

    init(receiver: PhyReceiver) { self.receiver = receiver }

    /// Success probability of a data frame (or, with `acknowledgement`, of an ACK to
    /// the device) of `bits` bits at `level` dBm with `interference` mW, from the cache
    /// when nothing changed.
    mutating func successProbability(level: Double, interference: Double, bits: Int,
                                     acknowledgement: Bool = false) -> Double {
        let cache = acknowledgement ? self.acknowledgement : data
        if cache.level == level && cache.interference == interference && cache.bits == bits { return cache.value }
        let value = receiver.successProbability(received: level, interference: interference, bits: bits)
        let fresh = SuccessCache(level: level, interference: interference, bits: bits, value: value)
        if acknowledgement { self.acknowledgement = fresh } else { data = fresh }
        return value
    }

    /// mW of the received `level` (dBm).
    mutating func receivedPower(level: Double) -> Double {
        if powerLevel != level {
            powerLevel = level
            powerMilliwatts = milliwatts(level)
        }
        return powerMilliwatts
    }
}

/// mW of a level in dBm.
@inline(__always) func milliwatts(_ dBm: Double) -> Double { pow(10, dBm / 10) }
/// dBm of a power in mW (−∞ for 0).
@inline(__always) func decibelMilliwatts(_ milliwatts: Double) -> Double { 10 * log10(milliwatts) }

extension Xoshiro256 {
    /// A Bernoulli trial that draws only when the outcome is uncertain, so a perfect link
    /// consumes no randomness.
    @inline(__always) mutating func succeeds(_ probability: Double) -> Bool {
        if probability >= 1 { return true }
        if probability <= 0 { return false }
        return uniform() < probability
    }
}
