import Foundation
import Testing
import TwinConfig
import TwinModels
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

/// Tachtatzis et al. 2012, Table 3 (ban-numbers.md §8★A): the lifetime of each ISO/IEEE
/// 11073 traffic class under its 802.15.6 scheduled-access configuration, computed by
/// the discrete-event simulation — one device, the NB model radio of Table III at
/// 0 dBm, a 560 mAh cell, one sample of ⌈rate·P/8⌉ octets per allocation interval P —
/// and extrapolated from the simulated average current: `Q / I_avg`, 8760 h a year.
@Suite struct SimulationLifetimeValidationTests {
    struct Row: Sendable, CustomStringConvertible {
        var name: String
        var rate: Double
        var slots: Int
        var slotLengthIndex: Int
        var superframes: Int
        var published: Double
        var tolerance: Double
        var description: String { name }
    }

    /// The rows of Table 3 with their published lifetimes (years) and the tolerance
    /// ban-numbers.md §8★A suggests (1e-4 relative; 5e-4 for row C).
    static let rows: [Row] = [
        Row(name: "A1", rate: 2048, slots: 25, slotLengthIndex: 0, superframes: 8, published: 0.13095, tolerance: 1e-4),
        Row(name: "A2", rate: 2048, slots: 30, slotLengthIndex: 0, superframes: 10, published: 0.19156, tolerance: 1e-4),
        Row(name: "B", rate: 170.6, slots: 30, slotLengthIndex: 0, superframes: 10, published: 0.20489, tolerance: 1e-4),
        Row(name: "D", rate: 4352, slots: 250, slotLengthIndex: 0, superframes: 12, published: 0.68493, tolerance: 1e-4),
        Row(name: "E1", rate: 80, slots: 250, slotLengthIndex: 0, superframes: 12, published: 1.92350, tolerance: 1e-4),
        Row(name: "E2", rate: 800, slots: 250, slotLengthIndex: 0, superframes: 12, published: 1.47530, tolerance: 1e-4),
        Row(name: "F1", rate: 2400, slots: 30, slotLengthIndex: 0, superframes: 10, published: 0.18928, tolerance: 1e-4),
        Row(name: "F2", rate: 10000, slots: 30, slotLengthIndex: 0, superframes: 10, published: 0.14411, tolerance: 1e-4),
        Row(name: "F3", rate: 72000, slots: 50, slotLengthIndex: 0, superframes: 6, published: 0.04839, tolerance: 1e-4),
        Row(name: "F4", rate: 60, slots: 30, slotLengthIndex: 0, superframes: 10, published: 0.20581, tolerance: 1e-4),
        Row(name: "C", rate: 0.12, slots: 250, slotLengthIndex: 29, superframes: 8, published: 21.3336, tolerance: 5e-4),
    ]

    /// The average current is taken between two runs with the same seed that end
    /// `warmIntervals` and `warmIntervals + measuredIntervals` intervals in: the
    /// difference of their charges is exactly `measuredIntervals` steady-state
    /// intervals, whatever the sampling phase did to the first allocation.
    static let warmIntervals = 10
    static let measuredIntervals = 200

    @Test(arguments: rows)
    func lifetimeMatchesTable3(row: Row) throws {
        let configuration = ScheduledAccessConfiguration(
            slotsPerSuperframe: row.slots, slotLengthIndex: row.slotLengthIndex, superframesPerAllocation: row.superframes)
        let model = ScheduledAccessLifetimeModel.tachtatzis2012
        let budget = try model.budget(rate: .bitsPerSecond(row.rate), configuration: configuration)
        let interval = configuration.allocationInterval
        let device = SimulationFixture.device(
            "sensor", placement: .chest, radio: SimulationFixture.narrowbandRadio(txPower: 0), access: .scheduled,
            payload: Double(budget.payloadBytes), interval: interval, latency: interval,
            slotLength: configuration.slotLength, slots: row.slots, period: row.superframes)
        func run(intervals: Int) throws -> DeviceOutcome {
            let horizon = interval * Double(intervals)
            let config = SimulationFixture.config(devices: [device], horizon: horizon, sampleInterval: interval)
            let outcome = try simulate(config: config, scenario: SimulationFixture.baseline, replication: 0)
            return try #require(outcome.device("sensor"))
        }
        let short = try run(intervals: Self.warmIntervals)
        let long = try run(intervals: Self.warmIntervals + Self.measuredIntervals)
        #expect(long.dropped.total == 0 && long.retransmissions == 0, "the link must be perfect for this check")
        #expect(long.generated - short.generated == Self.measuredIntervals * budget.frames)
        func charge(_ result: DeviceOutcome, intervals: Int) -> Double {
            result.averageCurrent.si * interval.si * Double(intervals)
        }
        let measured = interval * Double(Self.measuredIntervals)
        let averageCurrent = (charge(long, intervals: Self.warmIntervals + Self.measuredIntervals)
            - charge(short, intervals: Self.warmIntervals)) / measured.si
        let hoursPerYear = 8760.0
        let lifetime = Charge.milliampHours(560).si / averageCurrent / 3600 / hoursPerYear
        let relative = abs(lifetime - row.published) / row.published
        #expect(relative <= row.tolerance, "\(row.name): simulated \(lifetime) y, Table 3 \(row.published) y")
        let modelRelative = abs(averageCurrent - budget.averageCurrent.si) / budget.averageCurrent.si
        #expect(modelRelative <= 1e-5, "\(row.name): simulated \(averageCurrent) A, model \(budget.averageCurrent.si) A")
        // The radio spent its time in the states the analytic budget lists.
        let transmit = (long.radioTime.transmit - short.radioTime.transmit).seconds / Double(Self.measuredIntervals)
        #expect(abs(transmit - budget.transmit.si) <= budget.transmit.si * 1e-6)
        let wakeUp = (long.radioTime.wakeUp - short.radioTime.wakeUp).seconds / Double(Self.measuredIntervals)
        #expect(abs(wakeUp - budget.wakeUp.si) <= 1e-9)
    }
}
