import TwinEngine

/// Application traffic: periodic samples, Poisson alarms, and their packetisation.
///
/// Sources: the ISO/IEEE 11073 traffic classes of Tachtatzis et al. 2012 Table 1 and the
/// sensor rates of Latré et al. 2011 (ban-numbers.md §3) reach twin.json as a payload
/// per sampling interval and an alarm rate with an alarm payload (TwinConfig
/// `TrafficConfig`). Samples are strictly periodic from a random phase in [0, interval)
/// (independent sensors are not synchronised); alarms are a Poisson process (the
/// catalogue's `traffic-alarm-poisson`). A sample or alarm larger than one frame body
/// (255 octets for 802.15.6 less the security overhead, 251 for BLE, 1500 for WLAN) is
/// split into a burst of frames — e.g. class D's 1632-octet reminder is seven frames.
/// Each frame is one packet in the outcome's counters. Alarms jump the MAC queue.
///
/// Aggregation (`TrafficConfig.aggregation` k > 1): the periodic source emits one packet
/// every k sampling intervals carrying k samples' payload (`DeviceParameters` scales the
/// interval and the payload). The first packet leaves with the k-th sample after the
/// random phase, and its latency — like every packet's — is counted from the first
/// sample in it, `aggregationLead = (k − 1)·interval` earlier. With k = 1 the draws and
/// times are exactly those without aggregation.
///
/// CSMA/CA devices react to each arrival, so their samples and alarms are events.
/// Scheduled-access and BLE devices only look at their queue at their own allocation or
/// connection event, so their arrivals are generated lazily, with their own timestamps,
/// when the MAC next looks (`catchUpTraffic`) — the same queue, one event fewer per
/// sample. The phase, the periodic times and the alarm times come from the device's
/// own streams, so they do not change when other devices are added.
extension BANSimulation {
    /// Draws the first sample and alarm times of `device` and schedules what needs events.
    mutating func startTraffic(_ device: Int, scheduler: inout Scheduler<Event>) {
        let lead = parameters[device].aggregationLead
        devices[device].nextSample = parameters[device].sampleInterval.map { interval in
            // The phase lies within one sampling interval; the packet waits for its k-th sample.
            SimTime(nanoseconds: Int64(devices[device].trafficStream.uniform() * Double((interval - lead).nanoseconds))) + lead
        } ?? .max
        devices[device].nextAlarm = parameters[device].alarmMeanInterval.map {
            devices[device].alarmStream.exponential(mean: $0)
        } ?? .max
        switch parameters[device].access {
        case .csma:
            if devices[device].nextSample < .max { scheduler.schedule(.sample(device: Int32(device)), at: devices[device].nextSample) }
            if devices[device].nextAlarm < .max { scheduler.schedule(.alarm(device: Int32(device)), at: devices[device].nextAlarm) }
        case .wideband:
            scheduler.schedule(.widebandBatch(device: Int32(device)), at: Self.widebandWindow)
        case .scheduled, .ble:
            break
        }
    }

    /// The arrival after `time` of a periodic sample or alarm stream (`.max`: none).
    mutating func advanceSample(_ device: Int) {
        devices[device].nextSample = Self.periodicArrival(after: devices[device].nextSample,
                                                          interval: parameters[device].sampleInterval)
    }

    /// The periodic sample after one at `time` (`.max`: none, or past the end of time).
    @inline(__always)
    static func periodicArrival(after time: SimTime, interval: SimTime?) -> SimTime {
        let interval = interval ?? .max
        return time < .max - interval ? time + interval : .max
    }

    mutating func advanceAlarm(_ device: Int) {
        guard let mean = parameters[device].alarmMeanInterval else {
            devices[device].nextAlarm = .max
            return
        }
        let gap = devices[device].alarmStream.exponential(mean: mean)
        let next = devices[device].nextAlarm
        devices[device].nextAlarm = next < .max - gap ? next + gap : .max
    }

    /// The earliest arrival still to come.
    func nextArrival(_ device: Int) -> SimTime { Swift.min(devices[device].nextSample, devices[device].nextAlarm) }

    // MARK: CSMA/CA: arrivals as events

    mutating func sample(_ device: Int, scheduler: inout Scheduler<Event>) {
        guard !devices[device].dead else { return }
        advanceSample(device)
        if devices[device].nextSample < .max { scheduler.schedule(.sample(device: Int32(device)), at: devices[device].nextSample) }
        arrivalNow(device, bytes: parameters[device].samplePayload, isAlarm: false, scheduler: &scheduler)
    }

    /// When the first sample of a packet created at `time` was taken: `aggregationLead`
    /// earlier for periodic packets, `time` itself for alarms.
    func firstSample(_ device: Int, packetAt time: SimTime, isAlarm: Bool) -> SimTime {
        isAlarm ? time : time - parameters[device].aggregationLead
    }

    mutating func alarm(_ device: Int, scheduler: inout Scheduler<Event>) {
        guard !devices[device].dead else { return }
        advanceAlarm(device)
        if devices[device].nextAlarm < .max { scheduler.schedule(.alarm(device: Int32(device)), at: devices[device].nextAlarm) }
        arrivalNow(device, bytes: parameters[device].alarmPayload, isAlarm: true, scheduler: &scheduler)
    }

    private mutating func arrivalNow(_ device: Int, bytes: Int, isAlarm: Bool, scheduler: inout Scheduler<Event>) {
        guard devices[device].isRunning else { return }
        let now = scheduler.now
        if checkBattery(device, at: now, scheduler: &scheduler) { return }
        generate(device, bytes: bytes, isAlarm: isAlarm, at: now)
        if devices[device].current == nil, !devices[device].inExchange { startService(device, scheduler: &scheduler) }
    }

    // MARK: Scheduled access and BLE: arrivals generated when the MAC looks

    /// Generates, in time order, the arrivals of a scheduled or BLE device due at or
    /// before `time`. A device that is not running lets them pass ungenerated.
    mutating func catchUpTraffic(_ device: Int, until time: SimTime) {
        let access = parameters[device].access
        guard access == .scheduled || access == .ble else { return }
        while true {
            let sample = devices[device].nextSample, alarm = devices[device].nextAlarm
            let isAlarm = alarm < sample
            let arrival = isAlarm ? alarm : sample
            guard arrival <= time, arrival < .max else { return }
            if isAlarm { advanceAlarm(device) } else { advanceSample(device) }
            guard devices[device].isRunning else { continue }
            generate(device, bytes: isAlarm ? parameters[device].alarmPayload : parameters[device].samplePayload,
                     isAlarm: isAlarm, at: arrival)
        }
    }

    // MARK: Packetisation

    /// Counts a new packet in the outcome.
    mutating func countGenerated(_ packet: Packet, device: Int) {
        guard packet.counted else { return }
        devices[device].outcome.generated += 1
        if packet.isAlarm { devices[device].outcome.alarmsGenerated += 1 }
    }

    /// A sample or alarm of `bytes` octets arrived at `time`: split it into frames and
    /// queue them. A device without a reachable gateway drops them at once.
    mutating func generate(_ device: Int, bytes: Int, isAlarm: Bool, at time: SimTime) {
        let perFrame = parameters[device].frame.maximumPayload
        let frames = Swift.max(1, (bytes + perFrame - 1) / perFrame)
        let counted = time >= warmup
        let disconnected = devices[device].serving < 0
        let origin = firstSample(device, packetAt: time, isAlarm: isAlarm)
        var remaining = bytes
        for index in 0..<frames {
            let payload = Swift.min(remaining, perFrame)
            remaining -= payload
            let packet = Packet(generated: origin, headOfQueue: time, payload: Int32(Swift.max(payload, 0)),
                                counted: counted, isAlarm: isAlarm, continuesBurst: index > 0)
            countGenerated(packet, device: device)
            if disconnected {
                drop(packet, device: device, reason: .noGatewayReachable)
            } else if isAlarm {
                // Alarms go ahead of waiting samples, keeping their own frames in order.
                if !devices[device].queue.insertAfterLeadingAlarms(packet) { drop(packet, device: device, reason: .queueOverflow) }
            } else if !devices[device].queue.append(packet) {
                drop(packet, device: device, reason: .queueOverflow)
            }
        }
    }
}
