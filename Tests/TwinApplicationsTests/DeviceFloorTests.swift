import Testing
import TwinConfig
import TwinRuntime
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinApplications

/// Each floor is the lower of the requirement and the baseline minus the tolerance, and
/// the simulation's check asks for 95 % evidence at the run's settings.
@Suite struct DeviceFloorTests {
    private func device(class trafficClass: TrafficClass? = nil, budget: Time = .milliseconds(250)) -> DeviceConfig {
        var device = SafetyFixture.podDevice()
        device.traffic.trafficClass = trafficClass
        device.traffic.latencyBudget = budget
        return device
    }

    @Test func aBaselineAboveTheRequirementKeepsTheRequirement() {
        let floor = DeviceFloor(device: device(class: .f1), baselineDelivery: 0.995, baselineP99: .milliseconds(120),
                                baselineOutage: 0.001)
        #expect(floor.delivery == 0.90)
        #expect(floor.latency == .milliseconds(300), "class F1: < 300 ms (Tachtatzis et al. 2012 Table 1)")
        #expect(floor.outage == 0.01)
        #expect(floor.latencyBasis.contains("class F1"))
    }

    @Test func aBaselineBelowTheRequirementMayNotGetWorseThanTheTolerance() {
        let floor = DeviceFloor(device: device(class: .f1), baselineDelivery: 0.85, baselineP99: .milliseconds(400),
                                baselineOutage: 0.05)
        #expect(abs(floor.delivery - 0.84) < 1e-12)
        #expect(abs(floor.latency.si - 0.44) < 1e-12)
        #expect(floor.outage == 0.05)
        #expect(floor.deliveryBasis.hasPrefix("baseline 85 %"))
    }

    @Test func aDeviceWithoutAClassUsesItsBudget() {
        let floor = DeviceFloor(device: device(budget: .milliseconds(250)), baselineDelivery: nil, baselineP99: nil,
                                baselineOutage: nil)
        #expect(floor.latency == .milliseconds(250))
        #expect(floor.latencyBasis.contains("no ISO/IEEE 11073 class"))
    }

    private func effect(after: Estimate, change: PairedDifference?) -> DeviceSideEffect {
        DeviceSideEffect(
            device: "pod", scenario: "baseline",
            floor: DeviceFloor(device: device(), baselineDelivery: 0.99, baselineP99: .milliseconds(100), baselineOutage: 0),
            deliveryBefore: Estimate(point: 0.99, lower: 0.98, upper: 1, replications: 2, dimension: .ratio, method: .studentT),
            deliveryAfter: after, deliveryChange: change, p99Before: .milliseconds(100), p99After: .milliseconds(100),
            p99Change: nil, lifetimeBefore: nil, lifetimeAfter: nil, violations: [])
    }

    @Test func aPointAboveTheFloorIsNotEnoughAtTheRunsSettings() throws {
        let change = try #require(PairedDifference(baseline: [0.99, 0.99], candidate: [0.90, 0.96]))
        let wide = Estimate(point: 0.93, lower: 0.55, upper: 1, replications: 2, dimension: .ratio, method: .studentT)
        let unsure = effect(after: wide, change: change)
        #expect(SideEffects.violations(unsure, evidence: .pointEstimates).isEmpty)
        let shown = SideEffects.violations(unsure, evidence: .shownAt95)
        #expect(shown.map(\.kind) == [.delivery])
        #expect(shown.first?.detail.contains("not shown") == true)
        let tight = Estimate(point: 0.97, lower: 0.95, upper: 0.99, replications: 2, dimension: .ratio, method: .studentT)
        #expect(SideEffects.violations(effect(after: tight, change: change), evidence: .shownAt95).isEmpty,
                "above the requirement at 95 %")
        let same = try #require(PairedDifference(baseline: [0.99, 0.98], candidate: [0.99, 0.98]))
        #expect(SideEffects.violations(effect(after: wide, change: same), evidence: .shownAt95).isEmpty,
                "paired: not worse than the baseline by more than 1 pp")
    }

    @Test func theSameFloorBrokenInSeveralScenariosIsOneFinding() {
        func violation(_ scenario: String, _ value: Double) -> FloorViolation {
            FloorViolation(kind: .delivery, device: "pod", scenario: scenario, value: value, limit: 0.9,
                           detail: "`pod` delivers \(value) in `\(scenario)`")
        }
        let summary = FloorViolation.summarise([violation("a", 0.8), violation("b", 0.7), violation("c", 0.85)])
        #expect(summary == ["`pod` delivers 0.7 in `b` (and in 2 more scenarios)"])
    }

    @Test func pairedDifferencesUseOnlyReplicationsWithBothValues() throws {
        let difference = try #require(PairedDifference(baseline: [1, 2, nil, 4], candidate: [2, 4, 5, nil]))
        #expect(difference.pairs == 2)
        #expect(difference.mean == 1.5)
        #expect(difference.lower != nil)
        #expect(PairedDifference(baseline: [nil], candidate: [1]) == nil)
    }

    /// A bystander's lifetime: the reviewer's case, `ecg.relay = bp` taking the BP cuff
    /// from 8.4 to 6.6 days. The floor is baseline − 10 % (7.56 d); the device the
    /// candidate changes itself has none.
    private func lifetimeEffect(bystander: Bool, after days: Double, lower: Double? = nil,
                                change: PairedDifference? = nil) -> DeviceSideEffect {
        let day = 86_400.0
        let before = Estimate(point: 8.4 * day, lower: 8.3 * day, upper: 8.5 * day, replications: 2, dimension: .time,
                              method: .studentT)
        var effect = DeviceSideEffect(
            device: "bp", scenario: "baseline",
            floor: DeviceFloor(device: device(), baselineDelivery: 0.99, baselineP99: .milliseconds(100), baselineOutage: 0,
                               baselineLifetime: .seconds(8.4 * day), bystander: bystander),
            deliveryBefore: nil, deliveryAfter: nil, deliveryChange: nil, p99Before: nil, p99After: nil, p99Change: nil,
            lifetimeBefore: before,
            lifetimeAfter: Estimate(point: days * day, lower: (lower ?? days) * day, upper: (days + 0.1) * day,
                                    replications: 2, dimension: .time, method: .studentT),
            violations: [])
        effect.lifetimeChange = change
        return effect
    }

    @Test func aBystanderKeepsNinetyPercentOfItsLifetime() throws {
        let drained = lifetimeEffect(bystander: true, after: 6.6)
        let found = SideEffects.violations(drained, evidence: .pointEstimates)
        #expect(found.map(\.kind) == [.lifetime])
        #expect(found.first?.detail == "`bp` lasts 6.6 d in `baseline`, below its floor 7.6 d "
            + "(baseline 8.4 d − 10 %, a bystander of the change)")
        #expect(SideEffects.violations(lifetimeEffect(bystander: false, after: 6.6), evidence: .pointEstimates).isEmpty,
                "the device the candidate changes may trade its own lifetime")
        #expect(SideEffects.violations(lifetimeEffect(bystander: true, after: 7.7), evidence: .pointEstimates).isEmpty)
        // At the run's settings: a point above the floor with an interval reaching below
        // it is not shown to hold, unless the paired change is within the tolerance.
        let day = 86_400.0
        let spread = try #require(PairedDifference(baseline: [8.4 * day, 8.4 * day], candidate: [7.2 * day, 8.2 * day]))
        let unsure = lifetimeEffect(bystander: true, after: 7.7, lower: 7.0, change: spread)
        #expect(SideEffects.violations(unsure, evidence: .pointEstimates).isEmpty)
        #expect(SideEffects.violations(unsure, evidence: .shownAt95).first?.detail.contains("not shown") == true)
        let paired = try #require(PairedDifference(baseline: [8.4 * day, 8.4 * day], candidate: [7.7 * day, 7.7 * day]))
        #expect(SideEffects.violations(lifetimeEffect(bystander: true, after: 7.7, lower: 7.0, change: paired),
                                       evidence: .shownAt95).isEmpty, "paired: within 10 % of the baseline")
    }
}
