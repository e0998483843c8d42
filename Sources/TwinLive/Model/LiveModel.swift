import TwinModels
import TwinUnits
import TwinVocabulary

/// What the live loop knows of a compiled twin: plain values read once from twin.json by
/// `TwinAdapter.model`. Devices, gateways and links are in config order and referred
/// to by index everywhere in the loop, so nothing iterates a dictionary.
public struct LiveModel: Sendable, Hashable {
    public var name: String
    public var devices: [LiveDevice]
    public var gateways: [String]
    public var links: [LiveLink]
    public var goals: [LiveGoal]
    /// The plan chose posture fading: a link's level depends on the wearer's posture.
    public var postureFading: Bool
    /// The wearer's fading per posture (twin.json's `activity` via `BodyActivity`): the
    /// drift test predicts a link's windows with the values the runtime simulates.
    public var fading: [Posture: ActivityFading] = ActivityFading.builtIn
    /// IEEE 802.15.6 security level per device.
    public var securityLevels: [Int]
    /// The twin's horizon: how far ahead the forecast looks.
    public var horizon: Time
    public var knobs: [LiveKnob]

    public func deviceIndex(_ id: String) -> Int? { devices.firstIndex { $0.id == id } }
    public func gatewayIndex(_ id: String) -> Int? { gateways.firstIndex(of: id) }
    public func linkIndex(device: Int, gateway: Int) -> Int? {
        links.firstIndex { $0.device == device && $0.gateway == gateway }
    }
}

public struct LiveDevice: Sendable, Hashable {
    public var id: String
    /// Primary, then backup: indices into `LiveModel.gateways`.
    public var gateways: [Int]
    public var capacity: Charge
    public var voltage: Voltage
    /// The closed-form average current (`AnalyticEnergyModel`); nil when unknown.
    public var predictedCurrent: Current?
    public var packetInterval: Time
    public var latencyBudget: Time
}

/// A device → gateway link and the model's prediction of it.
public struct LiveLink: Sendable, Hashable {
    public var device: Int
    public var gateway: Int
    /// `device→gateway`, the name drift events and metrics use.
    public var id: String
    public var transmit: PowerLevel
    public var meanLoss: Decibels
    /// Log-normal shadowing σ of the link's static draw.
    public var sigma: Decibels
    public var sensitivity: PowerLevel

    /// The level the model expects at the gateway before any posture loss.
    public var modelLevel: PowerLevel { transmit - meanLoss }
}

public struct LiveGoal: Sendable, Hashable {
    public var id: String
    public var kpi: KPI
    public var priority: GoalPriority
    public var threshold: Threshold?
    public var devices: [Int]
    public var within: Time?
    public var securityLevel: Int?
    public var higherIsBetter: Bool
}

public struct LiveKnob: Sendable, Hashable {
    public var id: String
    public var values: [Double]
    public var current: Double
}
