import TwinUnits
import TwinVocabulary

/// What every device of a body network must keep, whether or not a goal of the intent
/// names it: the delivery and latency its traffic needs, and a link that is not on the
/// edge of its receiver's sensitivity. The optimiser's floors (TwinApplications
/// `DeviceFloor`) and the compiler's class defaults (TwinSynthesis
/// `TrafficClassDefaults`) read these numbers from here, so they live in one place.
///
/// Sources:
/// - latency per ISO/IEEE 11073 class: Tachtatzis et al. 2012, Table 1 ✔ (ADHOCNETS
///   2011, LNICST 89, pp. 209–222; ban-numbers.md §3): A1 alarms < 200 ms, A2
///   positional alerts, B patient state, D reminders, E1/E2 episodic parameters < 3 s,
///   C sensor watchdog < 60 s, F1–F5 waveforms (ECG, ventilator, SpO2) < 300 ms;
/// - delivery: the IEEE 802.15.6 TG6 technical requirement, packet error rate < 10 %
///   for a 256-octet payload (ban-numbers.md §3 ◐, not re-read): the classes state no
///   delivery figure, so the standard's own floor is the requirement; it is lenient on
///   purpose (a device may not fall below it, whatever the optimiser saves);
/// - link margin: a per-attempt outage `Φ((S − P̄rx)/σ)` of at most 1 % (ban-numbers.md
///   §7 "Link outage"), i.e. a margin of 2.33 σ above the sensitivity — the floor the
///   energy application's what-if has always applied (`link-margin`).
public enum TrafficClassRequirement {
    public static let latencySource = "Tachtatzis et al. 2012 Table 1, ISO/IEEE 11073 classes (ban-numbers.md §3)"
    public static let deliverySource =
        "IEEE 802.15.6 TG6 technical requirements, PER < 10 % for a 256-octet payload (ban-numbers.md §3)"
    public static let linkMarginSource = "per-attempt outage Φ((S − P̄rx)/σ) ≤ 1 % (ban-numbers.md §7)"

    /// The class's latency requirement (Table 1).
    public static func latency(of trafficClass: TrafficClass) -> Time {
        switch trafficClass {
        case .a1: .milliseconds(200)
        case .a2, .b, .d, .e1, .e2: .seconds(3)
        case .c: .seconds(60)
        case .f1, .f2, .f3, .f4, .f5: .milliseconds(300)
        }
    }

    /// The delivery every device must keep: 1 − PER with PER < 10 %.
    public static let minimumDelivery = 0.90

    /// The highest per-attempt outage a device's link may have (1 %).
    public static let maximumOutage = 0.01
}

/// How far a recommendation may move a device below its own baseline when the baseline
/// already falls short of the requirement: the floor is the lower of the requirement and
/// the baseline minus this tolerance, so a recommendation never has to repair what the
/// baseline breaks but may not make it worse by more than the tolerance. Stated in the
/// report beside every floor.
public enum DeviceFloorTolerance {
    /// Delivery: one percentage point.
    public static let delivery = 0.01
    /// p99 latency: 10 % of the baseline's.
    public static let latency = 0.10
    /// Lifetime of a bystander (a device whose own knobs the recommendation leaves as
    /// they are): 10 % of the baseline's. A relay knob makes another device spend its
    /// battery on the source's frames; the source may trade its own lifetime (its
    /// lifetime goals still apply), a bystander only this much.
    public static let lifetime = 0.10
}
