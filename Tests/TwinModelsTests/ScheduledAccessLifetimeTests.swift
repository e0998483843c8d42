import Foundation
import Testing
import TwinUnits
@testable import TwinModels

@Suite("Tachtatzis et al. 2012 scheduled-access lifetime (ban-numbers.md §8★A)")
struct ScheduledAccessLifetimeTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var rate: Double
        var slots: Int
        var l: Int
        var m: Int
        var years: Double
        var tolerance: Double
        var testDescription: String { name }
    }

    static let table3: [Row] = [
        Row(name: "A1", rate: 2048, slots: 25, l: 0, m: 8, years: 0.13095, tolerance: 1e-4),
        Row(name: "A2", rate: 2048, slots: 30, l: 0, m: 10, years: 0.19156, tolerance: 1e-4),
        Row(name: "B", rate: 170.6, slots: 30, l: 0, m: 10, years: 0.20489, tolerance: 1e-4),
        Row(name: "D", rate: 4352, slots: 250, l: 0, m: 12, years: 0.68493, tolerance: 1e-4),
        Row(name: "E1", rate: 80, slots: 250, l: 0, m: 12, years: 1.92350, tolerance: 1e-4),
        Row(name: "E2", rate: 800, slots: 250, l: 0, m: 12, years: 1.47530, tolerance: 1e-4),
        Row(name: "F1", rate: 2400, slots: 30, l: 0, m: 10, years: 0.18928, tolerance: 1e-4),
        Row(name: "F2", rate: 10000, slots: 30, l: 0, m: 10, years: 0.14411, tolerance: 1e-4),
        Row(name: "F3", rate: 72000, slots: 50, l: 0, m: 6, years: 0.04839, tolerance: 1e-4),
        Row(name: "F4", rate: 60, slots: 30, l: 0, m: 10, years: 0.20581, tolerance: 1e-4),
        Row(name: "C", rate: 0.12, slots: 250, l: 29, m: 8, years: 21.3336, tolerance: 5e-4),
    ]

    let model = ScheduledAccessLifetimeModel.tachtatzis2012

    @Test("Table 3 lifetimes", arguments: table3)
    func table3Row(_ row: Row) throws {
        let config = ScheduledAccessConfiguration(slotsPerSuperframe: row.slots, slotLengthIndex: row.l,
                                                  superframesPerAllocation: row.m)
        let life = try model.lifetime(rate: .bitsPerSecond(row.rate), configuration: config)
        #expect(isClose(life.years, row.years, relative: row.tolerance), "\(row.name): \(life.years)")
    }

    @Test("Table 2: four F2 equivalents all give 0.14411 years", arguments: [(15, 20), (20, 15), (25, 12), (30, 10)])
    func table2(slots: Int, m: Int) throws {
        let config = ScheduledAccessConfiguration(slotsPerSuperframe: slots, slotLengthIndex: 0, superframesPerAllocation: m)
        let life = try model.lifetime(rate: .bitsPerSecond(10_000), configuration: config)
        #expect(isClose(life.years, 0.14411, relative: 1e-4))
        #expect(config.worstCaseLatency == .milliseconds(300))
    }

    @Test("budget parts: F2 carries 375 bytes in 2 frames; times add up to P; guard time by SI or SIn")
    func budgetParts() throws {
        let f2 = ScheduledAccessConfiguration(slotsPerSuperframe: 30, slotLengthIndex: 0, superframesPerAllocation: 10)
        let budget = try model.budget(rate: .bitsPerSecond(10_000), configuration: f2)
        #expect(budget.payloadBytes == 375)
        #expect(budget.frames == 2)
        let total = budget.transmit + budget.receive + budget.receiveListen + budget.wakeUp + budget.standby
        #expect(isClose(total.si, 0.3, relative: 1e-12))
        #expect(isClose(budget.guardTime.si, 61.6e-6 + 2 * 0.3 * 20e-6, relative: 1e-12))
        // F3: m = 6 < 8, so SIn = 8·TSF = 0.4 s drives the guard time.
        let f3 = ScheduledAccessConfiguration(slotsPerSuperframe: 50, slotLengthIndex: 0, superframesPerAllocation: 6)
        #expect(isClose(model.guardTime(for: f3).si, 61.6e-6 + 2 * 0.4 * 20e-6, relative: 1e-12))
    }

    @Test("minimum average current is a lower bound for every Table 3 row and tight for long intervals")
    func lowerBound() throws {
        for row in Self.table3 {
            let config = ScheduledAccessConfiguration(slotsPerSuperframe: row.slots, slotLengthIndex: row.l,
                                                      superframesPerAllocation: row.m)
            let rate = DataRate.bitsPerSecond(row.rate)
            let exact = try model.budget(rate: rate, configuration: config).averageCurrent
            let bound = try model.minimumAverageCurrent(rate: rate, maximumLatency: config.worstCaseLatency)
            #expect(bound.si <= exact.si, "\(row.name)")
            #expect(bound.si > 0.9 * exact.si, "\(row.name) bound too loose")
        }
        let asymptote = try model.minimumAverageCurrent(rate: .bitsPerSecond(10_000))
        let bounded = try model.minimumAverageCurrent(rate: .bitsPerSecond(10_000), maximumLatency: .milliseconds(300))
        #expect(asymptote < bounded)
        #expect(try model.maximumLifetime(rate: .bitsPerSecond(10_000), maximumLatency: .milliseconds(300)).years >= 0.14411)
    }

    @Test("minimum achievable latency: fits the per-interval activity, grows with rate, nil when saturated")
    func minimumLatency() throws {
        let low = try #require(try model.minimumAchievableLatency(rate: .bitsPerSecond(60)))
        // 2 wake-ups (6.26 ms) + beacon/B-Ack (2.3163 ms) + one small frame + guard > 9 ms.
        #expect(low == .milliseconds(10))
        let high = try #require(try model.minimumAchievableLatency(rate: .bitsPerSecond(500_000)))
        #expect(high > low)
        #expect(try model.minimumAchievableLatency(rate: .bitsPerSecond(900_000)) == nil)
        let check = ScheduledAccessConfiguration(slotsPerSuperframe: Int(high.milliseconds.rounded()), slotLengthIndex: 0,
                                                 superframesPerAllocation: 1)
        #expect(throws: Never.self) { try model.budget(rate: .bitsPerSecond(500_000), configuration: check) }
    }

    @Test("invalid configurations are refused")
    func invalid() {
        let bad = ScheduledAccessConfiguration(slotsPerSuperframe: 0, slotLengthIndex: 0, superframesPerAllocation: 1)
        #expect(throws: ModelDomainError.self) { try model.budget(rate: .bitsPerSecond(10), configuration: bad) }
        let tooBusy = ScheduledAccessConfiguration(slotsPerSuperframe: 5, slotLengthIndex: 0, superframesPerAllocation: 1)
        #expect(throws: ModelDomainError.self) { try model.budget(rate: .bitsPerSecond(10_000), configuration: tooBusy) }
    }

    @Test("swapping in another radio and battery changes the lifetime")
    func otherRadio() throws {
        let swapped = try #require(model.with(radio: RadioCatalogue.ieee802156NB, transmitLevel: PowerLevel(dBm: -12),
                                              battery: .cr2032))
        let f2 = ScheduledAccessConfiguration(slotsPerSuperframe: 30, slotLengthIndex: 0, superframesPerAllocation: 10)
        let base = try model.budget(rate: .bitsPerSecond(10_000), configuration: f2)
        let other = try swapped.budget(rate: .bitsPerSecond(10_000), configuration: f2)
        #expect(other.averageCurrent < base.averageCurrent)
        #expect(other.lifetime < base.lifetime)
        #expect(model.with(radio: RadioCatalogue.castaliaBANRadio, transmitLevel: PowerLevel(dBm: 0), battery: .cr2032) == nil)
    }
}
