/// The range of every quantity a user writes, declared once. The YAML readers take
/// them through the document shapes (`UseCaseShapes`, `IntentShapes`, `CatalogueShapes`),
/// the twin.json reader through `TwinConfig`'s decoders, and the property test builds
/// its random documents from them, so the front end, the runtime's reader and the test
/// cannot drift apart.
///
/// The guiding rule: whatever `validate` accepts, `compile` compiles and `run` runs.
/// The simulator keeps time as Int64 nanoseconds (`SimTime`, ±292 years); every time
/// below is at most `longestTime` (10 years) and every delay at most a day, so a sum
/// of the few times the runtime adds (an instant, a deadline, a handful of delays)
/// cannot leave that range.
public enum DeclaredRanges {
    static let year = 31_536_000.0
    static let day = 86_400.0

    // MARK: Time

    /// The longest time anywhere in a twin (horizon, deadlines, intervals).
    public static let longestTime = 10 * year
    static let timeReason = "the simulator keeps time in Int64 nanoseconds (±292 years); 10 years keeps every "
        + "sum of times far inside that"

    /// An intent's horizon, and twin.json's `run.horizon_s`.
    public static let horizon = QuantityRange(
        .time, 1, longestTime,
        reason: "at least 1 s, the monitor's tick (battery, detector); at most 10 years: " + timeReason)
    /// A goal's `within` (delivery deadline or detection time).
    public static let goalWithin = QuantityRange(
        .time, 1e-6, longestTime, reason: "1 µs resolves any 802.15.6 timing; at most 10 years: " + timeReason)
    /// A traffic deadline (`latency` of a device's traffic, twin.json `latencyBudget_s`).
    public static let deadline = goalWithin
    /// A fixed delay on a path: edge processing, link latency and jitter, gateway
    /// failover. Many of them may add up on one packet's way.
    public static let delay = QuantityRange(
        .time, 0, day, reason: "a delay beyond a day is not a network or processing delay, and keeps sums of "
            + "delays far inside the simulator's Int64-nanosecond time")
    /// Mean time between alarms; with at most `EventRates.perSource` events a second.
    public static let alarmInterval = QuantityRange(
        .time, 1e-4, longestTime,
        reason: "at most 10,000 alarms per simulated second (the event budget of one source); at most 10 years: "
            + timeReason)
    /// Interval between periodic packets (twin.json `interval_s`).
    public static let packetInterval = QuantityRange(
        .time, 1e-4, longestTime,
        reason: "at most 10,000 packets per simulated second from one source (the event budget); at most "
            + "10 years: " + timeReason)

    // MARK: Radio

    /// A device's TX power.
    public static let transmitPower = QuantityRange(
        .powerLevel, -40, 30,
        reason: "802.15.6 radios go down to about -40 dBm; +30 dBm (1 W) is the highest EIRP any licence-free "
            + "band allows (FCC 15.247)")
    /// A radio profile's TX power range and twin.json's TX levels.
    public static let radioPowerLevel = QuantityRange(
        .powerLevel, -60, 30, reason: "+30 dBm (1 W) is the highest licence-free EIRP (FCC 15.247); -60 dBm is below "
            + "any radio's lowest setting")
    /// Receiver sensitivity and noise floor.
    public static let receiverLevel = QuantityRange(
        .powerLevel, -200, 0, reason: "thermal noise in 1 Hz is -174 dBm; a receiver deaf below 0 dBm receives nothing")
    /// Radio, MCU and sensor currents.
    public static let current = QuantityRange(
        .current, 0, 10, reason: "a body-worn radio draws at most a few hundred mA; 10 A is beyond any wearable")
    /// Supply and battery voltages.
    public static let voltage = QuantityRange(
        .voltage, 0.1, 100, reason: "no cell chemistry or converter supplies a radio below 0.1 V; 100 V is beyond "
            + "any wearable pack or USB power delivery (48 V)")
    /// PHY bit rates and link capacities.
    public static let bitRate = QuantityRange(
        .dataRate, 1, 1e12, reason: "at least 1 bit/s; 1 Tbit/s is beyond any sub-THz link demonstrated")
    /// A radio's carrier frequency (twin.json `frequency_Hz`).
    public static let carrierFrequency = QuantityRange(
        .frequency, 1e6, 1e12, reason: "human-body communication starts at 21 MHz, sub-THz links end below 1 THz")

    // MARK: Traffic

    /// An application data rate (may be far below a bit per second: class C sends
    /// 0.12 bit/s). The floor keeps the interval between packets (packet size over rate)
    /// within the simulator's 10 years even for the largest packet.
    public static let applicationRate = QuantityRange(
        .dataRate, 2e-3, 1e11, reason: "at least one 64 kB packet in 8 years (the simulator's times end at 10 years); "
            + "100 Gbit/s is beyond any wearable")
    /// A packet's payload (the 802.15.6 limit of 255 B is checked per technology).
    public static let packetSize = QuantityRange(
        .dataSize, 8, 64_000 * 8, reason: "at least one octet; at most 64 kB, about the largest IP datagram (65,535 B)")
    /// A sampling or reporting frequency.
    public static let sampling = QuantityRange(
        .frequency, 1e-6, 1e4, reason: "at most 10,000 packets per simulated second from one source (the event "
            + "budget); 1 µHz is one sample in 11.6 days")

    // MARK: Energy

    /// A battery's capacity.
    public static let capacity = QuantityRange(
        .charge, 3.6e-3, 3.6e5, reason: "1 µAh (thin-film micro-batteries) to 100 Ah, beyond any body-worn pack")

    // MARK: Network

    /// A gateway's distance from the body.
    public static let gatewayDistance = QuantityRange(
        .distance, 0, 1000, reason: "off-body BAN links span metres; 1 km is beyond any BAN radio's range")
    /// The length of a link between tiers.
    public static let linkDistance = QuantityRange(
        .distance, 0, 4e7, reason: "at most the Earth's circumference")
    /// Availability of an edge tier or a link.
    public static let availability = QuantityRange(.ratio, 0, 1, reason: "a fraction of time: 0 % to 100 %")

    // MARK: Sizes

    /// Devices of one use case or twin: sixteen full hubs (mMaxBANSize = 64 each). Every
    /// device costs state and monitor work in every replication even when it is silent,
    /// and the compiler's bounds look at every pair of devices on a gateway, so the
    /// event budget alone does not bound a network of thousands of quiet devices.
    public static let devices = CountRange(
        1...1_024, reason: "sixteen full 802.15.6 hubs of mMaxBANSize = 64; every device costs work in every "
            + "replication even when silent")
    /// Gateways of one use case or twin (each a hub with its media, queues and detector).
    public static let gateways = CountRange(
        1...256, reason: "each gateway is a hub with its own media, queues and detector")
    /// Goals of one intent or twin: the optimiser judges every goal for every candidate
    /// setting it tries, so its work grows with their number (200 goals made a one-second
    /// run take over a minute).
    public static let goals = CountRange(
        1...64, reason: "the optimiser judges every goal for every candidate it tries")

    // MARK: Catalogue

    /// An entry's relative cost. Synthesis sums costs in integer millionths (Int64): a
    /// million entries at the largest cost still fit.
    public static let cost = QuantityRange(
        .count, 0, 1e6, reason: "costs are summed in integer millionths; 1,000,000 keeps any catalogue's sum exact")
    /// A ratio per year (battery self-discharge).
    public static let fraction = QuantityRange(.ratio, 0, 1, reason: "a fraction: 0 % to 100 %")
}
