import Foundation
import TwinUnits

/// Bluetooth Low Energy LE 1M PHY packet airtime, for wearables (smartwatch, glasses)
/// that reach the gateway over BLE rather than 802.15.6.
///
/// Source: Bluetooth Core Specification v5.x, Vol 6 Part B §2.1 (uncoded packet format:
/// preamble 1 octet, access address 4 octets, PDU header 2 octets, payload 0–251 octets,
/// optional 4-octet MIC, CRC 3 octets) and §4.1 (T_IFS = 150 µs); 1 Msym/s, 1 bit/symbol.
/// The brief's "80 bits" is the airtime of an empty PDU (10 octets = 80 µs), not the
/// preamble and access address, which are 40 bits on LE 1M.
public enum BLE1MPHY {
    public static let source =
        "Bluetooth Core Specification v5.x Vol 6 Part B §2.1 (LE 1M packet format) and §4.1 (T_IFS)"

    public static let bitRate = DataRate.bitsPerSecond(1_000_000)
    public static let preambleBits = 8
    public static let accessAddressBits = 32
    public static let headerBits = 16
    public static let crcBits = 24
    public static let micBits = 32
    /// Largest LE data-channel payload with Data Length Extension.
    public static let maximumPayloadBytes = 251
    /// Inter-frame space between packets of a connection event.
    public static let interFrameSpace = Time.microseconds(150)

    /// Airtime of one LE 1M packet: `(8 + 32 + 16 + 8·payload + [32] + 24) µs`.
    /// Check values: empty PDU 80 µs; 251 octets with MIC 2120 µs (the spec's
    /// supportedMaxTxTime for LE 1M).
    public static func packetAirtime(payloadBytes: Int, encrypted: Bool = false) throws(ModelDomainError) -> Time {
        try ModelMath.require(Double(payloadBytes), in: 0...Double(maximumPayloadBytes), "BLE payload bytes")
        let bits = preambleBits + accessAddressBits + headerBits + 8 * payloadBytes
            + (encrypted ? micBits : 0) + crcBits
        return DataSize.bits(Double(bits)) / bitRate
    }

    /// One data packet, T_IFS, and the peer's empty acknowledgement packet: the
    /// smallest connection-event exchange carrying `payloadBytes`.
    public static func exchangeDuration(payloadBytes: Int, encrypted: Bool = false) throws(ModelDomainError) -> Time {
        try packetAirtime(payloadBytes: payloadBytes, encrypted: encrypted) + interFrameSpace
            + packetAirtime(payloadBytes: 0, encrypted: false)
    }
}

/// IEEE 802.15.4 2.4 GHz O-QPSK PHY (250 kbit/s) frame airtime, for CC2420-class
/// sensors and Castalia's 802.15.4 comparisons.
///
/// Source: IEEE Std 802.15.4-2006 §6.3 and §6.5: synchronisation header (4-octet
/// preamble + 1-octet SFD) and 1-octet PHR, PSDU ≤ 127 octets (aMaxPHYPacketSize),
/// 62.5 ksym/s × 4 bit = 250 kbit/s, so 32 µs per octet. Castalia's BaselineBANMac
/// `phyLayerOverhead = 6 B` is the same SHR+PHR (ban-numbers.md §5).
public enum IEEE802154OQPSK {
    public static let source = "IEEE Std 802.15.4-2006 §6.3 PPDU format, §6.5 2450 MHz O-QPSK PHY"

    public static let bitRate = DataRate.kilobitsPerSecond(250)
    /// Preamble (4) + SFD (1) + PHR (1) octets.
    public static let overheadBytes = 6
    public static let maximumPSDUBytes = 127
    /// aTurnaroundTime: 12 symbols of 16 µs.
    public static let turnaround = Time.microseconds(192)

    /// Airtime `(6 + PSDU) · 32 µs`; 127 octets take 4.256 ms.
    public static func frameAirtime(psduBytes: Int) throws(ModelDomainError) -> Time {
        try ModelMath.require(Double(psduBytes), in: 0...Double(maximumPSDUBytes), "802.15.4 PSDU bytes")
        return DataSize.bytes(Double(overheadBytes + psduBytes)) / bitRate
    }
}
