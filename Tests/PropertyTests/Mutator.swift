import Foundation
import TwinJSON
import TwinEngine
import TwinUnits

/// Seeded mutations of YAML documents and twin.json, the way a hostile or careless user
/// edits them: a value swapped for an extreme one (the bounds of `DeclaredRanges` and
/// just beyond, `.inf`, `1e400`, a number at Int's edge, a megabyte string), a line
/// dropped, doubled, swapped or re-indented, a byte inserted, the file cut short, a
/// line break libyaml counts but `\n`-splitting does not. Same seed, same mutants.
struct Mutator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func integer(_ upper: Int) -> Int { upper <= 0 ? 0 : Int(random.next() % UInt64(upper)) }
    mutating func pick<T>(_ values: [T]) -> T { values[integer(values.count)] }

    /// Numbers that sit on, just inside and just beyond every declared bound, and the
    /// classics of numeric edge cases.
    static let numbers: [String] = {
        var values = ["0", "-0", "-1", "1", "0.5", "1e19", "-1e19", "1e308", "1e400", "-1e400", "1e-300", "1e-400",
                      ".inf", "-.inf", ".nan", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
                      "1e-9223372036854775808", "1e9223372036854775807", "0x7fffffffffffffff", "0o777777777777777777777777",
                      "18446744073709551615", "4294967296", "2147483648", "1e13", "9.2e12", "1e10", "1e12", "1e-9", "1e-12"]
        let r = DeclaredRanges.self
        let ranges = [r.horizon, r.goalWithin, r.delay, r.alarmInterval, r.packetInterval, r.transmitPower, r.radioPowerLevel, r.receiverLevel, r.current, r.voltage, r.bitRate, r.carrierFrequency, r.applicationRate, r.packetSize, r.sampling, r.capacity, r.gatewayDistance, r.linkDistance, r.availability, r.cost, r.fraction, r.warmup, r.sampleInterval, r.wakeupTime, r.peukertExponent, r.ratedCurrent, r.alarmRate, r.slotLength, r.connectionInterval]
        for range in ranges {
            for bound in [range.lowerBound, range.upperBound] {
                values += ["\(bound)", "\(bound.nextUp)", "\(bound.nextDown)", "\(bound * 10)", "\(bound / 10)"]
            }
        }
        return values
    }()

    static let oddScalars: [String] = [
        "~", "null", "[]", "{}", "[1, {a: b}]", "\"\"", "yes", "no", "on", "0777", "1:30", "1_000", "*missing",
        "&anchor value", "!!int x", "!!float .inf", "!!str 1", "!custom x", "<<: {a: 1}", "? [complex]", "|\n  block",
        ">\n  folded", "\"\\u0000\"", "'unterminated", "\"bad \\q escape\"", String(repeating: "a", count: 100_000),
        String(repeating: "A-", count: 30_000), "p99 <= 1e400 ms", ">= 1e-400 %", "p100 <= 1 s", "mean == .nan s",
        "\u{2028}", "\u{85}", "\t", "\r", "\u{FEFF}x", "x\u{0}y",
    ]

    /// A value for a YAML key: a number alone, a number with a unit, or an odd scalar.
    mutating func yamlValue() -> String {
        switch integer(3) {
        case 0: return pick(Self.numbers)
        case 1: return "\(pick(Self.numbers)) \(pick(UnitSymbol.all).symbol)"
        default: return pick(Self.oddScalars)
        }
    }

    /// `text` with one to three mutations; `donor` lends lines for splicing.
    mutating func mutateYAML(_ text: String, donor: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let donorLines = donor.components(separatedBy: "\n")
        for _ in 0..<(1 + integer(3)) {
            guard !lines.isEmpty else { break }
            let index = integer(lines.count)
            switch integer(10) {
            case 0, 1, 2, 3:
                // Replace the value of a `key: value` line (the common case).
                if let colon = lines[index].range(of: ": ") {
                    lines[index] = String(lines[index][..<colon.upperBound]) + yamlValue()
                } else {
                    lines[index] += " " + yamlValue()
                }
            case 4: lines.remove(at: index)
            case 5: lines.insert(lines[index], at: index)
            case 6: lines.swapAt(index, integer(lines.count))
            case 7: lines[index] = (integer(2) == 0 ? "  " : "") + lines[index].drop { $0 == " " && integer(3) == 0 }
            case 8: lines.insert(pick(donorLines), at: index)
            default:
                let breaks = ["\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\t", "\u{0}", "\u{FEFF}", "é", "#"]
                var scalars = Array(lines[index].unicodeScalars)
                scalars.insert(contentsOf: pick(breaks).unicodeScalars, at: integer(scalars.count + 1))
                lines[index] = String(String.UnicodeScalarView(scalars))
            }
        }
        var result = lines.joined(separator: "\n")
        if integer(20) == 0 { result = String(result.prefix(integer(result.count + 1))) }
        return result
    }

    // MARK: twin.json

    static let jsonNumbers: [Double] = [
        0, -0.0, -1, 1, 0.5, 1e19, -1e19, 1e308, 1e-300, 9.2e12, 1e13, 1e10, 1e12, 1e-9, 1e-12, 2147483648,
        9.223372036854775807e18, 4294967296, 65536, 65537, 1024, 1025, 256, 257, 255, 7, 8, 3, 2,
    ] + [DeclaredRanges.horizon, DeclaredRanges.delay, DeclaredRanges.packetInterval, DeclaredRanges.alarmRate, DeclaredRanges.wakeupTime, DeclaredRanges.slotLength, DeclaredRanges.connectionInterval, DeclaredRanges.capacity, DeclaredRanges.voltage, DeclaredRanges.bitRate, DeclaredRanges.radioPowerLevel, DeclaredRanges.availability].flatMap {
        [$0.lowerBound, $0.upperBound, $0.lowerBound.nextDown, $0.upperBound.nextUp]
    }

    mutating func jsonValue() -> JSONValue {
        switch integer(8) {
        case 0: return .string(pick(["", "x", "scheduled", "csma-ca", "ble", "wideband", "phone", "ecg", "jamming", "dos",
                                     String(repeating: "z", count: 10_000)]))
        case 1: return .null
        case 2: return .bool(integer(2) == 0)
        case 3: return .array([])
        case 4: return .object([])
        default: return .number(pick(Self.jsonNumbers))
        }
    }

    /// Every path to a leaf or container of `value`.
    static func paths(_ value: JSONValue, prefix: [JSONStep] = []) -> [[JSONStep]] {
        switch value {
        case .object(let members):
            return [prefix] + members.flatMap { paths($0.1, prefix: prefix + [.member($0.0)]) }
        case .array(let items):
            return [prefix] + items.indices.flatMap { paths(items[$0], prefix: prefix + [.index($0)]) }
        default:
            return [prefix]
        }
    }

    /// `value` with one to three mutations: a leaf replaced (numbers most often), a
    /// member removed, an array element duplicated many times (knobs, devices, events).
    mutating func mutateJSON(_ value: JSONValue, paths: [[JSONStep]]) -> JSONValue {
        var result = value
        for _ in 0..<(1 + integer(3)) {
            let path = pick(paths)
            switch integer(6) {
            case 0, 1, 2: result.set(path, to: jsonValue())
            case 3: if !path.isEmpty { result.set(path, to: nil) }
            case 4:
                if let element = result.value(at: path), !path.isEmpty,
                   case .index = path.last!, let parent = result.value(at: Array(path.dropLast()))?.arrayValue {
                    result.set(Array(path.dropLast()), to: .array(parent + Array(repeating: element, count: 1 + integer(80))))
                }
            default:
                if case .number(let n)? = result.value(at: path) { result.set(path, to: .number(n * pick([10, 1e6, -1, 1e-6]))) }
            }
        }
        return result
    }
}
