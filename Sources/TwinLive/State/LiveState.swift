import TwinModels
import TwinUnits
import TwinVocabulary

/// The synchronised state of one twin: what the telemetry says the network is now.
/// Every member is bounded in size (sliding windows, capped histories), so a twin that
/// has followed its network for a month uses the memory it used after an hour.
public struct LiveState: Sendable {
    public var links: [LinkState]
    public var devices: [DeviceState]
    public var gateways: [GatewayState]
    public var posture: Posture?
    /// The newest observation time: the twin's clock.
    public var clock: Timestamp?
    public var firstObservation: Timestamp?
    public var observationsAccepted = 0
    public var batchesAccepted = 0
    public var duplicatesIgnored = 0
    var ledger = SequenceLedger()
    var streamTimes: [String: Timestamp] = [:]
    /// Jamming seen: when the noise floor rose and when the detector alarmed, per gateway.
    public var jamming: [JammingState]

    public init(model: LiveModel, window: Time) {
        var deadlines: [Time] = []
        for goal in model.goals {
            if let within = goal.within, !deadlines.contains(within) { deadlines.append(within) }
        }
        links = model.links.map { link in
            LinkState(detector: LinkDriftDetector(tracker: LinkLevelTracker(modelLevel: link.modelLevel, sigma: link.sigma,
                                                                          fading: model.fading)))
        }
        devices = model.devices.map { device in
            DeviceState(window: DeviceWindow(bucket: .seconds(60), count: Swift.max(1, Int((window.si / 60).rounded())),
                                             deadlines: deadlines),
                        battery: BatteryTracker(nominalCapacity: device.capacity, predictedCurrent: device.predictedCurrent))
        }
        gateways = model.gateways.map { _ in GatewayState() }
        jamming = model.gateways.map { _ in JammingState() }
    }

    public struct LinkState: Sendable, Hashable {
        public var detector: LinkDriftDetector
        public var tracker: LinkLevelTracker { detector.tracker }
        public var test: SequentialTest { detector.test }
        public var lastLevel: Double?
        public var lastPredicted: (mean: Double, sigma: Double)?
        public var framesSent = 0
        public var framesAcknowledged = 0
        public var windows = 0
        public var drifts = 0
        public var lastDrift: Timestamp?

        public static func == (a: LinkState, b: LinkState) -> Bool {
            a.detector == b.detector && a.lastLevel == b.lastLevel && a.windows == b.windows
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(windows) }
    }

    public struct DeviceState: Sendable {
        public var window: DeviceWindow
        public var battery: BatteryTracker
        public var lastReport: Timestamp?
        public var lastDelivery: Timestamp?
        public var generatedTotal = 0
        public var deliveredTotal = 0
        public var dead = false
    }

    public struct GatewayState: Sendable, Hashable {
        public var up = true
        public var since: Timestamp?
        /// The latest failure, and per device the bounds of its recovery (the last report
        /// without a delivery after the failure, the first with one).
        public var failure: Timestamp?
        public var recoveries: [Int: RecoveryBounds] = [:]
    }

    public struct RecoveryBounds: Sendable, Hashable {
        public var lower: Time
        public var upper: Time?
    }

    public struct JammingState: Sendable, Hashable {
        public var baselineFloor: Double?
        public var riseAt: Timestamp?
        public var detectedAt: Timestamp?
        public var detections = 0
    }
}
