/// Ranges of the values only twin.json holds (the compiler derives them; a user meets
/// them when editing a twin.json by hand), of goal targets, and of the settings the
/// optimiser turns. Same rule as `DeclaredRanges`: finite, and small enough that no
/// conversion or sum in the runtime can overflow.
extension DeclaredRanges {
    // MARK: Goal targets

    /// The range of a goal's target value, by the KPI's dimension; nil for dimensions
    /// no KPI is measured in.
    public static func target(_ dimension: Dimension) -> QuantityRange? {
        switch dimension {
        case .ratio: QuantityRange(.ratio, 0, 1, reason: "a ratio lies between 0 % and 100 %")
        case .count: QuantityRange(.count, 0, 10, reason: "a CVSS v3.1 base score lies between 0 and 10")
        case .time: QuantityRange(.time, 0, 100 * year,
                                  reason: "lifetimes are extrapolated beyond the horizon, but a century is beyond any device")
        case .energy: QuantityRange(.energy, 0, 1e9, reason: "1 GJ is beyond any body-worn battery over any horizon")
        case .dataRate: bitRate
        default: nil
        }
    }

    // MARK: Run settings

    /// The warm-up discarded from statistics (must also be shorter than the horizon).
    public static let warmup = QuantityRange(.time, 0, longestTime, reason: "at most 10 years: " + timeReason)
    /// Independent replications per scenario (twin.json and `--replications`).
    public static let replications = CountRange(
        1...1000, reason: "a 95 % interval needs one; a thousand already narrows it to a few percent of one")
    /// The network view's sampling interval.
    public static let sampleInterval = QuantityRange(
        .time, 1e-3, day, reason: "1 ms to a day; the runtime stretches it to at most 4,096 samples a run")

    // MARK: Radio and battery states

    /// A radio's wake-up time (sleep to ready).
    public static let wakeupTime = QuantityRange(
        .time, 0, 1, reason: "radios wake in microseconds to milliseconds; a second is beyond any of them")
    /// Peukert's exponent (1: ideal cell).
    public static let peukertExponent = QuantityRange(
        .count, 1, 2, reason: "1 for an ideal cell; measured cells lie between 1.0 and 1.5 (Doerffel & Sharkh 2006)")
    /// The discharge current a cell's capacity is rated at.
    public static let ratedCurrent = QuantityRange(
        .current, 1e-9, 10, reason: "capacity over a 20 h rating of the smallest to the largest declared battery")
    /// An alarm payload (0: no alarms).
    public static let alarmPayload = QuantityRange(
        .dataSize, 0, 64_000 * 8, reason: "at most 64 kB, about the largest IP datagram (65,535 B)")
    /// Alarms per second (the inverse of `alarmInterval`; 0: none).
    public static let alarmRate = QuantityRange(
        .count, 0, 1e4, reason: "at most 10,000 alarms per simulated second (the event budget of one source)")

    // MARK: Medium access

    /// A scheduled-access slot (0 when unused).
    public static let slotLength = QuantityRange(
        .time, 0, 256, reason: "802.15.6 allocation slots last milliseconds; the runtime takes at most 256 s")
    /// A BLE connection interval (0 when unused); the Bluetooth Core spec allows 7.5 ms
    /// to 4 s.
    public static let connectionInterval = QuantityRange(
        .time, 0, 3600, reason: "Bluetooth allows 7.5 ms to 4 s; the runtime takes at most 1 h")
    public static let slots = CountRange(0...256, reason: "an 802.15.6 superframe has at most 256 allocation slots")
    public static let allocationPeriod = CountRange(
        0...65_536, reason: "an allocation every m superframes; the runtime takes m up to 65,536")
    public static let retries = CountRange(0...16, reason: "802.15.6 leaves the limit to the implementation; 16 is plenty")
    public static let userPriority = CountRange(0...7, reason: "IEEE 802.15.6 user priorities 0 to 7")
    public static let securityLevel = CountRange(0...2, reason: "IEEE 802.15.6 security levels 0, 1 and 2")
    public static let aggregation = CountRange(1...1024, reason: "1 to 1,024 samples per packet")

    /// The optimiser's settings that are not a member's own range.
    public static let connectionIntervalSetting = QuantityRange(
        .time, 0.0075, 3600, reason: "Bluetooth allows 7.5 ms to 4 s; the runtime takes at most 1 h")
    public static let allocationPeriodSetting = CountRange(
        1...65_536, reason: "an allocation every m = 1 to 65,536 superframes")

    // MARK: Gateways and faults

    /// Mean time between failures or to repair a gateway.
    public static let failureTime = QuantityRange(
        .time, 1, longestTime, reason: "at least a second; at most 10 years: " + timeReason)
    /// When a scenario event starts, and how long it lasts.
    public static let eventTime = QuantityRange(.time, 0, longestTime, reason: "at most 10 years: " + timeReason)
    /// When a scenario event starts as a share of the horizon: before its end, so the
    /// event happens in every run whatever the horizon.
    public static let eventStartFraction = QuantityRange(
        .ratio, 0, 0.99, reason: "a share of the horizon before its end: 0 to 0.99")
    /// How long a scenario event lasts as a share of the horizon.
    public static let eventDurationFraction = QuantityRange(
        .ratio, 0.0001, 1, reason: "a share of the horizon: 0.0001 to 1")

    /// The parameters a scenario event may carry, by name.
    public static func scenarioParameter(_ name: String) -> QuantityRange? {
        switch name {
        case "power_dBm": QuantityRange(.powerLevel, -200, 60,
                                        reason: "an attacker's power at the receiver; 60 dBm (1 kW) is beyond any jammer")
        case "sense_dBm": receiverLevel
        case "distance_m": gatewayDistance
        case "extra_loss_dB": QuantityRange(.gain, 0, 200, reason: "200 dB of extra loss silences any link")
        case "remaining_fraction", "duty_cycle": fraction
        case "random", "reactive": QuantityRange(.count, 0, 1, reason: "a flag: 0 or 1")
        case "on_s", "off_s": QuantityRange(
            .time, 1e-3, day, reason: "a jammer switches at most 1,000 times a simulated second (the event budget)")
        case "reaction_us": QuantityRange(.count, 0, 1e6, reason: "a reactive jammer answers within a second")
        case "rate_per_s": QuantityRange(
            .count, 0, 1e4, reason: "at most 10,000 forged frames per simulated second (the event budget of one source)")
        default: nil
        }
    }
}

/// Ranges of a device's supply in twin.json: battery curve, regulator, platform loads
/// (issue 11 §1, `TwinModels.DeviceLifetimeModel`).
extension DeclaredRanges {
    /// A platform component's draw on the rail (MCU, front end, display, SoC).
    public static let platformPower = QuantityRange(
        .power, 0, 100, reason: "a body-worn platform draws microwatts to a few watts (a VR headset ~5 W); 100 W is beyond any")
    /// Energy of one actuator event (a pump motor's delivery, a cuff inflation).
    public static let eventEnergy = QuantityRange(
        .energy, 0, 1e4, reason: "a motor step costs joules; 10 kJ is more than a whole AA cell holds")
    /// Actuator events per day.
    public static let eventsPerDay = QuantityRange(
        .count, 0, 8.64e6, reason: "at most one event every 10 ms, all day")
    /// A switching regulator's efficiency (1 for direct and linear).
    public static let regulatorEfficiency = QuantityRange(
        .ratio, 0.01, 1, reason: "above 0 (a converter that passes nothing powers nothing) and at most 100 %")
    /// The lowest battery voltage at which a regulator holds its rail (0: none).
    public static let regulatorMinimumInput = QuantityRange(
        .voltage, 0, 100, reason: "0 for a direct rail; at most 100 V, beyond any wearable pack")
    /// Cells in series in one battery.
    public static let cellsInSeries = CountRange(1...64, reason: "1 to 64 cells, beyond any body-worn pack")
    /// Self-discharge per year, as a fraction of the capacity.
    public static let selfDischargePerYear = QuantityRange(
        .ratio, 0, 1, reason: "a fraction of the capacity per year: 0 to 100 %")
}

// MARK: Activity and on-body fading (twin.json `activity`)

extension DeclaredRanges {
    /// Posture transitions per day (from one posture to another).
    public static let transitionsPerDay = QuantityRange(
        .count, 0, 86_400, reason: "at most one a second: a posture held for less than a second is a fade, not a posture")
    /// Mean of a posture's per-bout shadow (extra loss, dB; negative is a gain).
    public static let shadowMean = QuantityRange(
        .gain, -30, 80, reason: "measured body shadowing lies within tens of dB (Smith et al. 2011: up to ~60 dB below line of sight)")
    /// σ of a posture's shadow or lognormal fade (dB).
    public static let fadeSigma = QuantityRange(
        .gain, 0, 30, reason: "measured on-body spreads are a few to about 10 dB; 30 dB is beyond any of them")
    /// Coherence time of the fast fade.
    public static let coherenceTime = QuantityRange(
        .time, 0, 3_600, reason: "on-body coherence times are tens of ms walking to seconds asleep (Smith et al. 2009, Castalia)")
}
