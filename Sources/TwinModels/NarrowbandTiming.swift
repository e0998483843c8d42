import Foundation
import TwinUnits

/// Frame airtime and MAC/PHY timing constants of the IEEE 802.15.6 narrowband PHY.
///
/// Source: Tachtatzis, Di Franco, Tracey, Timmons, Morrison, "An energy analysis of IEEE
/// 802.15.6 scheduled access modes", IEEE GLOBECOM Workshops 2010, eqs. 1–7 and Table II
/// (ban-numbers.md §2 "Frame airtime" and "Timing constants"). Check value ✱: a 255-byte
/// payload at 971.4 kbps takes 2.5367 ms.
public enum NarrowbandTiming {
    public static let source =
        "Tachtatzis et al. 2010 (GLOBECOM WS) eqs. 1-7 and Table II; IEEE Std 802.15.6-2012 §9 (ban-numbers.md §2)"

    /// PLCP preamble length in bits (sent at the symbol rate, no spreading).
    public static let preambleBits = 90
    /// PLCP header length in coded bits (BCH(31,19)).
    public static let headerBits = 31
    /// MAC header (7 octets) and FCS (2 octets) around the MAC frame body.
    public static let macHeaderBytes = 7
    public static let fcsBytes = 2
    /// Largest MAC frame body (pMaxFrameBodyLength).
    public static let maximumPayloadBytes = 255

    /// pSIFS: 50 µs between a frame and its acknowledgement.
    public static let sifs = Time.microseconds(50)
    /// pMIFS: 20 µs between frames of a burst.
    public static let mifs = Time.microseconds(20)
    /// aTurnaroundTime between TX and RX: 50 µs.
    public static let turnaround = Time.microseconds(50)
    /// Clear channel assessment: 63 symbols.
    public static let ccaSymbols = 63
    /// Energy detection: 8 symbols.
    public static let energyDetectionSymbols = 8

    /// CCA duration at the band's symbol rate (63 / Rs; 105 µs at 600 ksps).
    public static func ccaTime(_ band: NarrowbandPHY.Band) -> Time {
        .seconds(Double(ccaSymbols) / band.symbolRate.si)
    }

    /// Bits of one PSDU before spreading (Tachtatzis eqs. 3–6): the MAC frame
    /// `N = 8·(7 + Lp + 2)`, BCH(63,51) parity `⌈N/51⌉·12` (coded modes), then pad bits up
    /// to a whole number of symbols.
    public static func psduBits(payloadBytes: Int, mode: NarrowbandPHY.Mode) throws(ModelDomainError) -> Int {
        try ModelMath.require(Double(payloadBytes), in: 0...Double(maximumPayloadBytes), "payload bytes")
        let frameBits = 8 * (macHeaderBytes + payloadBytes + fcsBytes)
        let parity = mode.coded ? ((frameBits + 50) / 51) * 12 : 0
        let coded = frameBits + parity
        let bitsPerSymbol = mode.modulation.bitsPerSymbol
        let padding = (bitsPerSymbol - coded % bitsPerSymbol) % bitsPerSymbol
        return coded + padding
    }

    /// Airtime of one frame (Tachtatzis eq. 7):
    /// `t = 90/Rs + 31·S_hdr/Rs + N_total·S/(log2M·Rs)`.
    public static func frameAirtime(payloadBytes: Int, mode: NarrowbandPHY.Mode) throws(ModelDomainError) -> Time {
        let rs = mode.band.symbolRate.si
        let psdu = try psduBits(payloadBytes: payloadBytes, mode: mode)
        let preamble = Double(preambleBits) / rs
        let header = Double(headerBits * mode.band.headerSpreading) / rs
        let body = Double(psdu * mode.spreading) / (Double(mode.modulation.bitsPerSymbol) * rs)
        return .seconds(preamble + header + body)
    }

    /// Allocation slot length `Tslot = 1 ms + L·1 ms` (pAllocationSlotMin 1 ms,
    /// pAllocationSlotResolution 1 ms), L = 0…255.
    public static func allocationSlotLength(_ slotLengthIndex: Int) throws(ModelDomainError) -> Time {
        try ModelMath.require(Double(slotLengthIndex), in: 0...255, "allocation slot length index L")
        return .milliseconds(Double(1 + slotLengthIndex))
    }

    /// Superframe length, 1–256 allocation slots of `Tslot` each (1 ms … 65.536 s).
    public static func superframeLength(slots: Int, slotLengthIndex: Int) throws(ModelDomainError) -> Time {
        try ModelMath.require(Double(slots), in: 1...256, "slots per superframe")
        return try allocationSlotLength(slotLengthIndex) * Double(slots)
    }
}
