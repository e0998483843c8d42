import TwinLive
import TwinUnits

/// How `twinc-serve serve` runs: limits, the act loop, the control endpoint.
public struct ServeSettings: Sendable {
    public var live: LiveSettings
    /// Request body limit (bytes) and requests a second per client token.
    public var maximumBody: Int
    public var requestRate: Double
    /// Observations a second per batch source (burst: ten seconds' worth).
    public var observationRate: Double
    /// The act loop: on when true; at most one recommendation per `actInterval` of
    /// telemetry time; the optimiser's run settings.
    public var act: Bool
    public var actInterval: Time
    public var recommendation: RecommendationSettings
    /// After an applied action, how much telemetry time passes before recovery is judged.
    public var recoveryCheck: Time
    public var control: ControlSettings?
    /// DES horizon of a forecast confirmation.
    public var confirmHorizon: Time

    public init(live: LiveSettings = LiveSettings(), maximumBody: Int = 8 << 20, requestRate: Double = 1000,
                observationRate: Double = 200_000, act: Bool = true, actInterval: Time = .seconds(600),
                recommendation: RecommendationSettings = RecommendationSettings(),
                recoveryCheck: Time = .seconds(600), control: ControlSettings? = nil,
                confirmHorizon: Time = .hours(1)) {
        self.live = live
        self.maximumBody = maximumBody
        self.requestRate = requestRate
        self.observationRate = observationRate
        self.act = act
        self.actInterval = actInterval
        self.recommendation = recommendation
        self.recoveryCheck = recoveryCheck
        self.control = control
        self.confirmHorizon = confirmHorizon
    }
}
