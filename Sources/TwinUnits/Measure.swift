/// A compile-time dimension tag for `Measure`. Each tag names its runtime `Dimension`
/// so a `Quantity` read from YAML converts to the right static type or not at all.
public protocol PhysicalDimension: Sendable {
    static var dimension: Dimension { get }
}

public enum TimeDimension: PhysicalDimension { public static let dimension = Dimension.time }
public enum PowerDimension: PhysicalDimension { public static let dimension = Dimension.power }
public enum EnergyDimension: PhysicalDimension { public static let dimension = Dimension.energy }
public enum ChargeDimension: PhysicalDimension { public static let dimension = Dimension.charge }
public enum CurrentDimension: PhysicalDimension { public static let dimension = Dimension.current }
public enum VoltageDimension: PhysicalDimension { public static let dimension = Dimension.voltage }
public enum DataRateDimension: PhysicalDimension { public static let dimension = Dimension.dataRate }
public enum DataSizeDimension: PhysicalDimension { public static let dimension = Dimension.dataSize }
public enum FrequencyDimension: PhysicalDimension { public static let dimension = Dimension.frequency }
public enum DistanceDimension: PhysicalDimension { public static let dimension = Dimension.distance }
public enum RatioDimension: PhysicalDimension { public static let dimension = Dimension.ratio }

/// A linear quantity whose dimension is part of its type, stored in the SI unit.
/// Only same-dimension values add; products between dimensions are spelt out below
/// (current × voltage = power, power × time = energy, …) so a formula that mixes up
/// milliamps and milliwatts does not compile.
public struct Measure<D: PhysicalDimension>: Hashable, Sendable, Comparable {
    /// The value in the canonical SI unit of `D` (seconds, watts, joules, coulombs, …).
    public var si: Double

    public init(si: Double) { self.si = si }

    public static var zero: Measure { Measure(si: 0) }

    /// The statically typed view of a parsed quantity, or nil when dimensions differ.
    public init?(_ quantity: Quantity) {
        guard quantity.dimension == D.dimension else { return nil }
        self.si = quantity.value
    }

    public var quantity: Quantity { Quantity(si, D.dimension) }

    public static func + (a: Measure, b: Measure) -> Measure { Measure(si: a.si + b.si) }
    public static func - (a: Measure, b: Measure) -> Measure { Measure(si: a.si - b.si) }
    public static func * (a: Measure, k: Double) -> Measure { Measure(si: a.si * k) }
    public static func * (k: Double, a: Measure) -> Measure { Measure(si: a.si * k) }
    public static func / (a: Measure, k: Double) -> Measure { Measure(si: a.si / k) }
    /// The ratio of two values of the same dimension is a plain number.
    public static func / (a: Measure, b: Measure) -> Double { a.si / b.si }
    public static func += (a: inout Measure, b: Measure) { a.si += b.si }
    public static func -= (a: inout Measure, b: Measure) { a.si -= b.si }
    public static prefix func - (a: Measure) -> Measure { Measure(si: -a.si) }
    public static func < (a: Measure, b: Measure) -> Bool { a.si < b.si }
}

public typealias Time = Measure<TimeDimension>
public typealias Power = Measure<PowerDimension>
public typealias Energy = Measure<EnergyDimension>
public typealias Charge = Measure<ChargeDimension>
public typealias Current = Measure<CurrentDimension>
public typealias Voltage = Measure<VoltageDimension>
public typealias DataRate = Measure<DataRateDimension>
public typealias DataSize = Measure<DataSizeDimension>
public typealias Frequency = Measure<FrequencyDimension>
public typealias Distance = Measure<DistanceDimension>
public typealias Ratio = Measure<RatioDimension>

extension Measure where D == TimeDimension {
    public static func nanoseconds(_ v: Double) -> Time { Time(si: v * 1e-9) }
    public static func microseconds(_ v: Double) -> Time { Time(si: v * 1e-6) }
    public static func milliseconds(_ v: Double) -> Time { Time(si: v * 1e-3) }
    public static func seconds(_ v: Double) -> Time { Time(si: v) }
    public static func hours(_ v: Double) -> Time { Time(si: v * 3600) }
    public static func days(_ v: Double) -> Time { Time(si: v * 86_400) }
    /// 365 days, the year Tachtatzis et al. use (8760 h).
    public static func years(_ v: Double) -> Time { Time(si: v * 31_536_000) }
    public var seconds: Double { si }
    public var milliseconds: Double { si * 1e3 }
    public var hours: Double { si / 3600 }
    public var days: Double { si / 86_400 }
    public var years: Double { si / 31_536_000 }
}

extension Measure where D == PowerDimension {
    public static func watts(_ v: Double) -> Power { Power(si: v) }
    public static func milliwatts(_ v: Double) -> Power { Power(si: v * 1e-3) }
    public static func microwatts(_ v: Double) -> Power { Power(si: v * 1e-6) }
    public var milliwatts: Double { si * 1e3 }
}

extension Measure where D == EnergyDimension {
    public static func joules(_ v: Double) -> Energy { Energy(si: v) }
    public static func microjoules(_ v: Double) -> Energy { Energy(si: v * 1e-6) }
    public var joules: Double { si }
}

extension Measure where D == ChargeDimension {
    public static func coulombs(_ v: Double) -> Charge { Charge(si: v) }
    public static func milliampHours(_ v: Double) -> Charge { Charge(si: v * 3.6) }
    public var milliampHours: Double { si / 3.6 }
}

extension Measure where D == CurrentDimension {
    public static func amperes(_ v: Double) -> Current { Current(si: v) }
    public static func milliamperes(_ v: Double) -> Current { Current(si: v * 1e-3) }
    public static func microamperes(_ v: Double) -> Current { Current(si: v * 1e-6) }
    public var milliamperes: Double { si * 1e3 }
}

extension Measure where D == VoltageDimension {
    public static func volts(_ v: Double) -> Voltage { Voltage(si: v) }
}

extension Measure where D == DataRateDimension {
    public static func bitsPerSecond(_ v: Double) -> DataRate { DataRate(si: v) }
    public static func kilobitsPerSecond(_ v: Double) -> DataRate { DataRate(si: v * 1e3) }
    public var kilobitsPerSecond: Double { si / 1e3 }
}

extension Measure where D == DataSizeDimension {
    public static func bits(_ v: Double) -> DataSize { DataSize(si: v) }
    public static func bytes(_ v: Double) -> DataSize { DataSize(si: v * 8) }
    public var bits: Double { si }
    public var bytes: Double { si / 8 }
}

extension Measure where D == FrequencyDimension {
    public static func hertz(_ v: Double) -> Frequency { Frequency(si: v) }
    public static func megahertz(_ v: Double) -> Frequency { Frequency(si: v * 1e6) }
    public static func gigahertz(_ v: Double) -> Frequency { Frequency(si: v * 1e9) }
    public var megahertz: Double { si / 1e6 }
}

extension Measure where D == DistanceDimension {
    public static func meters(_ v: Double) -> Distance { Distance(si: v) }
    public static func millimeters(_ v: Double) -> Distance { Distance(si: v * 1e-3) }
    public static func centimeters(_ v: Double) -> Distance { Distance(si: v * 1e-2) }
    public var meters: Double { si }
    public var millimeters: Double { si * 1e3 }
}

extension Measure where D == RatioDimension {
    public static func fraction(_ v: Double) -> Ratio { Ratio(si: v) }
    public static func percent(_ v: Double) -> Ratio { Ratio(si: v / 100) }
    public var fraction: Double { si }
    public var percent: Double { si * 100 }
}

// Cross-dimension products used by the energy and PHY models.
public func * (i: Current, v: Voltage) -> Power { Power(si: i.si * v.si) }
public func * (p: Power, t: Time) -> Energy { Energy(si: p.si * t.si) }
public func * (t: Time, p: Power) -> Energy { Energy(si: p.si * t.si) }
public func * (i: Current, t: Time) -> Charge { Charge(si: i.si * t.si) }
public func * (t: Time, i: Current) -> Charge { Charge(si: i.si * t.si) }
public func / (q: Charge, i: Current) -> Time { Time(si: q.si / i.si) }
public func / (e: Energy, p: Power) -> Time { Time(si: e.si / p.si) }
public func / (q: Charge, t: Time) -> Current { Current(si: q.si / t.si) }
public func / (e: Energy, t: Time) -> Power { Power(si: e.si / t.si) }
public func / (s: DataSize, r: DataRate) -> Time { Time(si: s.si / r.si) }
public func * (r: DataRate, t: Time) -> DataSize { DataSize(si: r.si * t.si) }
public func * (q: Charge, v: Voltage) -> Energy { Energy(si: q.si * v.si) }
public func / (p: Power, v: Voltage) -> Current { Current(si: p.si / v.si) }
