import Foundation
import TwinUnits

/// A battery as its gauge reports it: the effective capacity (remaining charge over state
/// of charge), the drain (the gauge's average current, else the slope of the remaining
/// charge), and the sequential test of the drain against the twin's predicted current
/// on a log scale, `z = ln(I_observed / I_predicted) / 0.2`, with reference 1: a drain a
/// quarter off the model accumulates evidence, twice the model alarms within a few
/// readings. The 0.2 is the closed-form energy model's agreement with the simulation
/// that `AnalyticEnergyModel` documents as good to tens of percent.
public struct BatteryTracker: Sendable, Hashable {
    public static let logSigma = 0.2
    /// The smallest drain change worth a drift alarm: half as much again, or a third less.
    /// A smaller change the test finds is absorbed (the reference re-centres silently).
    public static let minimumRatio = 1.5
    /// Readings the drain is averaged over when an alarm is judged against
    /// `minimumRatio` (ten minutes at 10 s): a device with bursty traffic (the wideband
    /// activity sensor) draws several times its mean for a few readings, which the test
    /// finds but which is no change of its drain.
    public static let judgedReadings = 60

    public let nominalCapacity: Charge
    public private(set) var predictedCurrent: Current?
    public private(set) var first: (time: Timestamp, remaining: Double)?
    public private(set) var last: (time: Timestamp, remaining: Double?, soc: Double?, voltage: Double?)?
    /// Remaining charge over time, least squares sums (time relative to `first`).
    private var n = 0.0, sumT = 0.0, sumQ = 0.0, sumTT = 0.0, sumTQ = 0.0
    private var currents: [Double] = []
    private var capacities: [Double] = []
    public internal(set) var test = SequentialTest(reference: 1, threshold: 12)
    public private(set) var drifted = false
    /// The current the test compares with: the model's prediction until a drift, then
    /// the drain measured when it alarmed (the calibrated value), so one change gives one
    /// alarm and a further change another.
    public private(set) var reference: Double?

    public init(nominalCapacity: Charge, predictedCurrent: Current?) {
        self.nominalCapacity = nominalCapacity
        self.predictedCurrent = predictedCurrent
        reference = predictedCurrent?.si
    }

    public static func == (a: BatteryTracker, b: BatteryTracker) -> Bool {
        a.nominalCapacity == b.nominalCapacity && a.n == b.n && a.sumTQ == b.sumTQ && a.currents == b.currents
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(n) }

    /// Records a reading; returns the test's alarm when the drain has left the model.
    public mutating func observe(_ report: BatteryReport, at time: Timestamp) -> SequentialTest.Alarm? {
        let remaining = report.remaining?.si
            ?? report.stateOfCharge.map { $0.si * (capacityEstimate?.si ?? nominalCapacity.si) }
        if let remaining {
            if first == nil { first = (time, remaining) }
            if let first {
                let t = time.secondsSinceEpoch - first.time.secondsSinceEpoch
                n += 1; sumT += t; sumQ += remaining; sumTT += t * t; sumTQ += t * remaining
            }
        }
        if let remaining = report.remaining?.si, let soc = report.stateOfCharge?.si, soc > 0.05 {
            capacities.append(remaining / soc)
            if capacities.count > 64 { capacities.removeFirst(capacities.count - 64) }
        }
        var alarm: SequentialTest.Alarm?
        if let current = report.current?.si, current > 0 {
            currents.append(current)
            if currents.count > 256 { currents.removeFirst(currents.count - 256) }
            if let expected = reference, expected > 0 {
                alarm = test.add(log(current / expected) / Self.logSigma)
                if let found = alarm {
                    let recent = currents.suffix(Swift.max(Self.judgedReadings, found.run))
                    let level = recent.reduce(0, +) / Double(recent.count)
                    if Swift.max(level / expected, expected / level) >= Self.minimumRatio {
                        drifted = true
                    } else {
                        alarm = nil
                    }
                    reference = level
                }
            }
        }
        last = (time, remaining, report.stateOfCharge?.si, report.voltage?.si)
        return alarm
    }

    /// Remaining charge over state of charge, averaged over the recent readings.
    public var capacityEstimate: Charge? {
        capacities.isEmpty ? nil : .coulombs(capacities.reduce(0, +) / Double(capacities.count))
    }

    /// The drain: mean of the gauge's currents, else the slope of the remaining charge;
    /// with its standard error.
    public var drain: (current: Current, standardError: Current)? {
        if !currents.isEmpty {
            let mean = currents.reduce(0, +) / Double(currents.count)
            let variance = currents.count > 1
                ? currents.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(currents.count - 1) : 0
            // A gauge's average current is itself averaged; 1 % of the mean floors the error.
            let error = Swift.max((variance / Double(currents.count)).squareRoot(), 0.01 * mean)
            return (.amperes(mean), .amperes(error))
        }
        let denominator = n * sumTT - sumT * sumT
        guard n >= 3, denominator > 0 else { return nil }
        let slope = (n * sumTQ - sumT * sumQ) / denominator
        guard slope < 0 else { return nil }
        return (.amperes(-slope), .amperes(-slope * 0.05))
    }

    /// The device's settings changed (an applied action): the model predicts `current`
    /// from now on, and the readings of the old regime no longer describe the drain.
    public mutating func rebase(predictedCurrent current: Current?) {
        predictedCurrent = current
        reference = current?.si
        test.reset()
        currents.removeAll()
        drifted = false
    }

    /// Readings so far.
    public var readings: Int { Int(n) + (n == 0 && last != nil ? 1 : 0) }

    /// Charge left now (the last reading).
    public var remaining: Charge? { last?.remaining.map { .coulombs($0) } }
}
