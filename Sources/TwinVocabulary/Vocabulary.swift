/// The closed vocabularies shared by the documents users write and by twin.json: one
/// home for each set, used by every stage, so the compiler rather than a grep
/// guarantees there are no stray string literals. Each raw value is what users (and
/// twin.json) write; the readers and the JSON Schemas take the allowed values from
/// `allCases`, so adding a case here is the whole change.

/// Where a device or gateway sits. The on-body channel models (IEEE 802.15.6 CM3,
/// Castalia's measured path-loss map) are indexed by these positions; `in-body` selects
/// the implant models (CM1/CM2) and `off-body` the body-to-external ones (CM4).
public enum Placement: String, Sendable, Hashable, CaseIterable {
    case chest, back, abdomen, waist
    case hipLeft = "hip-left", hipRight = "hip-right"
    case wristLeft = "wrist-left", wristRight = "wrist-right"
    case handLeft = "hand-left", handRight = "hand-right"
    case upperArmLeft = "upper-arm-left", upperArmRight = "upper-arm-right"
    case thighLeft = "thigh-left", thighRight = "thigh-right"
    case ankleLeft = "ankle-left", ankleRight = "ankle-right"
    case head
    case earLeft = "ear-left", earRight = "ear-right"
    case inBody = "in-body"
    case offBody = "off-body"

    /// A twin.json placement, accepting the short names hand-written twins used before
    /// this vocabulary existed (`hip` and `pocket` for the right hip, `wrist` for the left
    /// wrist, `implant` for in-body, …, as `BodyGeometry` read them); nil for a name
    /// twinc does not know.
    public init?(twinJSON name: String) {
        if let placement = Placement(rawValue: name) {
            self = placement
            return
        }
        switch name {
        case "belt": self = .waist
        case "left-hip": self = .hipLeft
        case "right-hip", "hip", "pocket": self = .hipRight
        case "left-wrist", "wrist": self = .wristLeft
        case "right-wrist": self = .wristRight
        case "left-hand", "hand": self = .handLeft
        case "right-hand": self = .handRight
        case "left-upper-arm", "arm": self = .upperArmLeft
        case "right-upper-arm": self = .upperArmRight
        case "left-thigh": self = .thighLeft
        case "right-thigh": self = .thighRight
        case "left-ankle": self = .ankleLeft
        case "right-ankle", "ankle": self = .ankleRight
        case "eyes", "glasses": self = .head
        case "left-ear": self = .earLeft
        case "right-ear": self = .earRight
        case "implant": self = .inBody
        default: return nil
        }
    }

    public var body: BodyRegion {
        switch self {
        case .inBody: .inBody
        case .offBody: .offBody
        default: .onBody
        }
    }
}

/// The three channel regimes of IEEE 802.15.6 (implant, body surface, external).
public enum BodyRegion: String, Sendable, Hashable, CaseIterable {
    case inBody = "in-body", onBody = "on-body", offBody = "off-body"
}

/// Link technologies between devices, gateways and edge tiers.
public enum Technology: String, Sendable, Hashable, CaseIterable {
    case banNB = "ban-nb", banUWB = "ban-uwb", banHBC = "ban-hbc"
    case ble, ieee802154, wlan, mmwave
    case subTHz = "sub-thz"
    case cellular, ethernet

    /// IEEE 802.15.6 PHYs, whose PSDU carries at most 255 octets.
    public var isIEEE802156: Bool { self == .banNB || self == .banUWB || self == .banHBC }
}

/// Frequency bands (802.15.6 NB bands from ban-numbers §2, UWB, HBC, and the bands of
/// the non-BAN links).
public enum Band: String, Sendable, Hashable, CaseIterable {
    case mics402 = "mics-402"      // 402–405 MHz
    case nb420 = "nb-420"          // 420–450 MHz
    case nb868 = "nb-868"          // 863–870 MHz
    case nb915 = "nb-915"          // 902–928 MHz
    case nb950 = "nb-950"          // 950–958 MHz
    case nb2360 = "nb-2360"        // 2360–2400 MHz
    case ism2400 = "ism-2400"      // 2400–2483.5 MHz
    case uwbLow = "uwb-low"        // 3.5–4.5 GHz
    case uwbHigh = "uwb-high"      // 6.5–10 GHz
    case hbc21 = "hbc-21"          // 21 MHz centre
    case wlan5000 = "wlan-5000"    // 5 GHz WLAN
    case mmwave60 = "mmwave-60"    // 57–71 GHz
    case subTHz = "sub-thz"        // > 100 GHz
}

/// ISO/IEEE 11073 traffic classes as used by Tachtatzis et al. 2012, Table 1.
public enum TrafficClass: String, Sendable, Hashable, CaseIterable {
    case a1 = "A1", a2 = "A2", b = "B", c = "C", d = "D"
    case e1 = "E1", e2 = "E2"
    case f1 = "F1", f2 = "F2", f3 = "F3", f4 = "F4", f5 = "F5"
}

public enum GatewayKind: String, Sendable, Hashable, CaseIterable {
    case phone
    case bedsideHub = "bedside-hub"
    case gamingConsole = "gaming-console"
    case smartwatch
    case wearableHub = "wearable-hub"
    case accessPoint = "access-point"
    case vehicleHub = "vehicle-hub"
}

public enum EdgeTierKind: String, Sendable, Hashable, CaseIterable {
    case extremeMEC = "extreme-mec", farEdge = "far-edge", cloud
}

/// The four twin applications of the seed.
public enum ApplicationKind: String, Sendable, Hashable, CaseIterable {
    case networkView = "network-view", resilience, energy, security
}

/// The device classes twinc knows without a catalogue. Catalogues add classes with
/// `device-classes` entries, so a device's `class` is an open set; these values give
/// editors completion and the did-you-mean note its candidates.
public let builtInDeviceClasses: [String] = [
    "ecg-patch", "temperature", "blood-pressure", "pulse-oximeter", "insulin-pump",
    "glucose", "smartwatch", "ar-glasses", "vr-glasses", "smart-tshirt", "microphone",
    "motion", "gaming-controller", "pacemaker", "eeg-headband",
]

/// The wearer's postures: twin.json's `activity` entries and `posture-change` events
/// name them; TwinModels gives each its fading and its place in the posture chain.
public enum Posture: String, Sendable, Hashable, CaseIterable, Comparable {
    case standing
    case sitting
    case walking
    case running
    case lying

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }
}
