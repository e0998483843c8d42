import TwinUnits

/// Virtual time of the simulation: a signed count of nanoseconds since the start of a run.
///
/// Integer time is what makes the run deterministic: two events computed by different
/// float paths (`0.1 + 0.2` vs `0.3`) land on the same tick or on ticks that differ by a
/// visible nanosecond, never on times whose order depends on rounding. Int64 nanoseconds
/// span ±292 years, far beyond any twin horizon, and resolve the shortest 802.15.6 timing
/// constant (pMIFS, 20 µs) exactly.
///
/// The same type is used for instants and for durations (as `Int` does for indices and
/// offsets); the names at call sites say which is meant.
public struct SimTime: Hashable, Comparable, Sendable {
    /// Nanoseconds since the start of the run (or the length of a duration).
    public var nanoseconds: Int64

    @inlinable
    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    // Computed rather than stored: a stored static is a lazily initialised global whose
    // every read in a hot loop goes through an accessor call.
    @inlinable public static var zero: SimTime { SimTime(nanoseconds: 0) }
    /// The largest representable instant; a horizon of "forever".
    @inlinable public static var max: SimTime { SimTime(nanoseconds: .max) }

    @inlinable
    public static func < (a: SimTime, b: SimTime) -> Bool { a.nanoseconds < b.nanoseconds }
}

// MARK: - Construction from whole units (exact)

extension SimTime {
    public static func nanoseconds(_ n: Int64) -> SimTime { SimTime(nanoseconds: n) }
    public static func microseconds(_ n: Int64) -> SimTime { SimTime(nanoseconds: n * 1_000) }
    public static func milliseconds(_ n: Int64) -> SimTime { SimTime(nanoseconds: n * 1_000_000) }
    public static func seconds(_ n: Int64) -> SimTime { SimTime(nanoseconds: n * 1_000_000_000) }
    public static func minutes(_ n: Int64) -> SimTime { SimTime(nanoseconds: n * 60_000_000_000) }
    public static func hours(_ n: Int64) -> SimTime { SimTime(nanoseconds: n * 3_600_000_000_000) }
    public static func days(_ n: Int64) -> SimTime { SimTime(nanoseconds: n * 86_400_000_000_000) }
}

// MARK: - Conversion to and from TwinUnits.Time

extension SimTime {
    /// The nearest tick to `time`, saturating at `±max`; NaN becomes zero.
    ///
    /// Use this for model-computed delays (air times, backoffs) that are finite by
    /// construction. For values read from a configuration, prefer `SimTime.exactly(_:)`,
    /// which refuses non-finite and out-of-range values so the reader can report them.
    public init(_ time: Time) {
        self = SimTime.exactly(time) ?? {
            if time.si.isNaN { return .zero }
            return time.si > 0 ? .max : SimTime(nanoseconds: -.max)
        }()
    }

    /// The nearest tick to `time`, or nil when `time` is not finite or does not fit
    /// in Int64 nanoseconds.
    public static func exactly(_ time: Time) -> SimTime? {
        let ns = (time.si * 1e9).rounded(.toNearestOrEven)
        // 2^63 is exactly representable; anything at or beyond it does not fit.
        guard ns.isFinite, ns > -9.223_372_036_854_775_808e18, ns < 9.223_372_036_854_775_808e18 else {
            return nil
        }
        return SimTime(nanoseconds: Int64(ns))
    }

    /// Seconds as a typed measure (exact to double precision: 53 bits ≈ 104 days of ns).
    public var time: Time { Time(si: seconds) }

    /// Seconds as a plain number, for statistics and arithmetic in models.
    @inlinable
    public var seconds: Double { Double(nanoseconds) / 1e9 }
}

// MARK: - Arithmetic

extension SimTime: AdditiveArithmetic {
    @inlinable
    public static func + (a: SimTime, b: SimTime) -> SimTime {
        SimTime(nanoseconds: a.nanoseconds + b.nanoseconds)
    }
    @inlinable
    public static func - (a: SimTime, b: SimTime) -> SimTime {
        SimTime(nanoseconds: a.nanoseconds - b.nanoseconds)
    }
    @inlinable
    public static func += (a: inout SimTime, b: SimTime) { a.nanoseconds += b.nanoseconds }
    @inlinable
    public static func -= (a: inout SimTime, b: SimTime) { a.nanoseconds -= b.nanoseconds }

    @inlinable
    public static func * (a: SimTime, k: Int64) -> SimTime { SimTime(nanoseconds: a.nanoseconds * k) }
    @inlinable
    public static func * (k: Int64, a: SimTime) -> SimTime { SimTime(nanoseconds: a.nanoseconds * k) }
    /// Integer division (truncating toward zero), e.g. slot index within a superframe.
    @inlinable
    public static func / (a: SimTime, k: Int64) -> SimTime { SimTime(nanoseconds: a.nanoseconds / k) }
    /// How many whole `b` fit in `a` (truncating toward zero).
    @inlinable
    public static func / (a: SimTime, b: SimTime) -> Int64 { a.nanoseconds / b.nanoseconds }
    /// The remainder of `a / b`, e.g. the offset within the current superframe.
    @inlinable
    public static func % (a: SimTime, b: SimTime) -> SimTime {
        SimTime(nanoseconds: a.nanoseconds % b.nanoseconds)
    }

    /// Scales a duration by a real factor, rounding to the nearest tick.
    public func scaled(by factor: Double) -> SimTime { SimTime(Time(si: seconds * factor)) }
}

// MARK: - Formatting

extension SimTime: CustomStringConvertible {
    /// Exact seconds with trailing zeros trimmed: `0 s`, `1.5 s`, `0.000000001 s`, `-2.25 s`.
    /// Exact (no floating point), so it is safe in byte-stable output.
    public var description: String {
        let negative = nanoseconds < 0
        let magnitude = nanoseconds.magnitude
        let whole = magnitude / 1_000_000_000
        let fraction = magnitude % 1_000_000_000
        var text = negative ? "-\(whole)" : "\(whole)"
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 9 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + " s"
    }

    /// A wall-clock style rendering for logs and reports: `[-][Dd ]HH:MM:SS.mmm`,
    /// truncated (not rounded) to milliseconds, e.g. `1d 02:03:04.005`.
    public var clockDescription: String {
        let negative = nanoseconds < 0
        let totalMillis = nanoseconds.magnitude / 1_000_000
        let millis = totalMillis % 1000
        let totalSeconds = totalMillis / 1000
        let seconds = totalSeconds % 60
        let minutes = (totalSeconds / 60) % 60
        let hours = (totalSeconds / 3600) % 24
        let days = totalSeconds / 86_400
        func pad(_ v: UInt64, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: Swift.max(0, width - s.count)) + s
        }
        var text = negative ? "-" : ""
        if days > 0 { text += "\(days)d " }
        text += "\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2)).\(pad(millis, 3))"
        return text
    }
}
