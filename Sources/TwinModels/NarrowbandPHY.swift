import Foundation
import TwinUnits

/// The IEEE 802.15.6 narrowband (NB) PHY: frequency bands, modulations and the PSDU /
/// PLCP-header data-rate table.
///
/// Source: IEEE Std 802.15.6-2012 §9 (narrowband PHY), as summarised in ban-numbers.md
/// §2 "Narrowband PHY". Rates follow `R = Rs · log2(M) / S · k/n` with BCH(63,51) on the
/// PSDU and BCH(31,19) on the PLCP header; the 2.4 GHz row matches Tachtatzis et al.
/// 2010, Table I. The 420–450 MHz GMSK uncoded 187.5 kbps entry is ◐ (not re-read).
public enum NarrowbandPHY {
    public static let source =
        "IEEE Std 802.15.6-2012 §9 narrowband PHY; Tachtatzis et al. 2010 Table I (ban-numbers.md §2 Narrowband PHY)"

    /// An NB frequency band. Bands that share a symbol rate share a rate table.
    public enum Band: String, Sendable, Hashable, CaseIterable {
        case mics402 = "402-405MHz"
        case band420 = "420-450MHz"
        case band863 = "863-870MHz"
        case band902 = "902-928MHz"
        case band950 = "950-958MHz"
        case band2360 = "2360-2400MHz"
        case ism2400 = "2400-2483.5MHz"

        /// The band edges.
        public var range: ClosedRange<Double> {
            switch self {
            case .mics402: 402e6...405e6
            case .band420: 420e6...450e6
            case .band863: 863e6...870e6
            case .band902: 902e6...928e6
            case .band950: 950e6...958e6
            case .band2360: 2360e6...2400e6
            case .ism2400: 2400e6...2483.5e6
            }
        }

        public var lowerEdge: Frequency { .hertz(range.lowerBound) }
        public var upperEdge: Frequency { .hertz(range.upperBound) }

        /// Symbol rate Rs: 187.5 ksps (402–450 MHz), 250 ksps (863–958 MHz),
        /// 600 ksps (2.36–2.4835 GHz).
        public var symbolRate: Frequency {
            switch self {
            case .mics402, .band420: .hertz(187_500)
            case .band863, .band902, .band950: .hertz(250_000)
            case .band2360, .ism2400: .hertz(600_000)
            }
        }

        /// Spreading factor of the PLCP header (π/2-DBPSK or GMSK): 2 below 1 GHz, 4 at 2.4 GHz.
        public var headerSpreading: Int {
            switch self {
            case .band2360, .ism2400: 4
            default: 2
            }
        }

        /// The band whose range contains `frequency`, if any.
        public static func containing(_ frequency: Frequency) -> Band? {
            allCases.first { $0.range.contains(frequency.si) }
        }
    }

    /// NB modulations. Differential PSK in all bands except 420–450 MHz (GMSK).
    public enum Modulation: String, Sendable, Hashable, CaseIterable {
        case pi2DBPSK = "pi/2-DBPSK"
        case pi4DQPSK = "pi/4-DQPSK"
        case pi8D8PSK = "pi/8-D8PSK"
        case gmsk = "GMSK"

        /// log2(M), the bits carried by one symbol.
        public var bitsPerSymbol: Int {
            switch self {
            case .pi2DBPSK, .gmsk: 1
            case .pi4DQPSK: 2
            case .pi8D8PSK: 3
            }
        }
    }

    /// One PSDU transmission mode of a band: modulation, spreading S and whether the
    /// BCH(63,51) code is applied (every mode but the GMSK uncoded one).
    public struct Mode: Sendable, Hashable {
        public var band: Band
        public var modulation: Modulation
        public var spreading: Int
        public var coded: Bool

        public init(band: Band, modulation: Modulation, spreading: Int, coded: Bool = true) {
            self.band = band
            self.modulation = modulation
            self.spreading = spreading
            self.coded = coded
        }

        /// `R = Rs · log2(M) / S · 51/63` (uncoded: without 51/63).
        public var dataRate: DataRate {
            let raw = band.symbolRate.si * Double(modulation.bitsPerSymbol) / Double(spreading)
            return .bitsPerSecond(coded ? raw * 51 / 63 : raw)
        }
    }

    /// PLCP header rate `Rs · 1 / S_hdr · 19/31` (BCH(31,19), π/2-DBPSK or GMSK).
    public static func headerRate(_ band: Band) -> DataRate {
        .bitsPerSecond(band.symbolRate.si / Double(band.headerSpreading) * 19 / 31)
    }

    /// The PSDU modes of a band, slowest first (ban-numbers.md §2 table).
    public static func modes(_ band: Band) -> [Mode] {
        switch band {
        case .band420:
            [Mode(band: band, modulation: .gmsk, spreading: 2),
             Mode(band: band, modulation: .gmsk, spreading: 1),
             Mode(band: band, modulation: .gmsk, spreading: 1, coded: false)]
        case .band2360, .ism2400:
            [Mode(band: band, modulation: .pi2DBPSK, spreading: 4),
             Mode(band: band, modulation: .pi2DBPSK, spreading: 2),
             Mode(band: band, modulation: .pi2DBPSK, spreading: 1),
             Mode(band: band, modulation: .pi4DQPSK, spreading: 1)]
        default:
            [Mode(band: band, modulation: .pi2DBPSK, spreading: 2),
             Mode(band: band, modulation: .pi2DBPSK, spreading: 1),
             Mode(band: band, modulation: .pi4DQPSK, spreading: 1),
             Mode(band: band, modulation: .pi8D8PSK, spreading: 1)]
        }
    }

    /// The fastest 2.4 GHz mode, π/4-DQPSK at 971.4 kbps: the one Tachtatzis et al.
    /// (2010, 2012) use for every lifetime figure.
    public static let ism2400Fastest = Mode(band: .ism2400, modulation: .pi4DQPSK, spreading: 1)
}
