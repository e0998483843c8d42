import CFixedPoint
import Foundation

/// Human-readable text for quantities in reports, design documents and messages:
/// picks a unit that keeps the number between 1 and 1000 where it can (`250 ms`,
/// `30 d`, `6.4 mA`, `99.9 %`) and prints at most four significant digits. Fixed
/// rules, no locale, so generated documents are byte-stable.
extension Quantity {
    public var formatted: String {
        let v = value
        switch dimension {
        case .time:
            let units: [(String, Double)] = [("y", 31_536_000), ("d", 86_400), ("h", 3600), ("min", 60), ("s", 1), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)]
            return pick(v, units)
        case .power: return pick(v, [("W", 1), ("mW", 1e-3), ("µW", 1e-6), ("nW", 1e-9)])
        case .powerLevel: return "\(significant(v)) dBm"
        case .gain: return "\(significant(v)) dB"
        case .energy: return pick(v, [("kJ", 1e3), ("J", 1), ("mJ", 1e-3), ("µJ", 1e-6), ("nJ", 1e-9)])
        case .charge: return pick(v, [("Ah", 3600), ("mAh", 3.6), ("µAh", 3.6e-3)])
        case .current: return pick(v, [("A", 1), ("mA", 1e-3), ("µA", 1e-6), ("nA", 1e-9)])
        case .voltage: return pick(v, [("V", 1), ("mV", 1e-3)])
        case .dataRate: return pick(v, [("Gbps", 1e9), ("Mbps", 1e6), ("kbps", 1e3), ("bps", 1)])
        case .dataSize: return v.truncatingRemainder(dividingBy: 8) == 0 ? pick(v / 8, [("MB", 1e6), ("kB", 1e3), ("B", 1)]) : "\(significant(v)) bit"
        case .frequency: return pick(v, [("GHz", 1e9), ("MHz", 1e6), ("kHz", 1e3), ("Hz", 1)])
        case .ratio: return "\(significant(v * 100, digits: 6)) %"
        case .distance: return pick(v, [("km", 1e3), ("m", 1), ("cm", 1e-2), ("mm", 1e-3)])
        case .count: return significant(v)
        }
    }

    /// The largest unit in which the value is at least 1 (units are listed largest first).
    private func pick(_ v: Double, _ units: [(String, Double)]) -> String {
        guard v.isFinite else { return v > 0 ? "∞" : (v < 0 ? "-∞" : "n/a") }
        if v == 0 { return "0 \(units.first { $0.1 == 1 }?.0 ?? units.last!.0)" }
        for (index, (symbol, factor)) in units.enumerated() {
            let scaled = abs(v) / factor
            guard scaled >= 1 || index == units.count - 1 else { continue }
            return "\(significant(v / factor)) \(symbol)"
        }
        return "\(significant(v)) \(units.last!.0)"
    }
}

/// At most `digits` significant digits, trailing zeros removed, no exponent for the
/// magnitudes reports use.
public func significant(_ v: Double, digits: Int = 4) -> String {
    guard v.isFinite else { return v > 0 ? "∞" : (v < 0 ? "-∞" : "n/a") }
    if v == 0 { return "0" }
    let magnitude = Int(floor(log10(abs(v))))
    let decimals = max(0, digits - 1 - magnitude)
    // Trimmed as bytes: `String.remove(at:)` per trailing zero cost more than the
    // formatting itself.
    var text = fixedPoint(v, decimals: decimals)
    if text.contains(UInt8(ascii: ".")) {
        while text.last == UInt8(ascii: "0") { text.removeLast() }
        if text.last == UInt8(ascii: ".") { text.removeLast() }
    }
    return text.elementsEqual("-0".utf8) ? "0" : String(decoding: text, as: UTF8.self)
}

/// The ASCII text of `v` with `decimals` digits after the point, as C's `%.*f` writes
/// it (exact binary value, rounded half to even), through `CFixedPoint`: Foundation's
/// `String(format:)` costs several times more per call, and `withVaList` a dynamic cast
/// per argument.
func fixedPoint(_ v: Double, decimals: Int) -> [UInt8] {
    var buffer = [CChar](repeating: 0, count: 64)
    let written = Int(twinc_fixed_point(&buffer, buffer.count, Int32(decimals), v))
    if written >= buffer.count {
        buffer = [CChar](repeating: 0, count: written + 1)
        _ = twinc_fixed_point(&buffer, buffer.count, Int32(decimals), v)
    }
    return buffer.prefix(Swift.max(0, written)).map { UInt8(bitPattern: $0) }
}
