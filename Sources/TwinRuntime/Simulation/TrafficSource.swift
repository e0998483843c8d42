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
/// The phase, the periodic times and the alarm times come from the device's own
/// streams, so they do not change when other devices are added.
extension BANSimulation {
    /// Schedules the first sample and alarm of `device` (packet-level devices) or
    /// primes its flow (wideband).
    mutating func startTraffic(_ device: Int, scheduler: inout Scheduler<Event>) {
        let first = parameters[device].sampleInterval.map { interval in
            SimTime(nanoseconds: Int64(devices[device].trafficStream.uniform() * Double(interval.nanoseconds)))
        }
        let alarm = parameters[device].alarmMeanInterval.map { devices[device].alarmStream.exponential(mean: $0) }
        if parameters[device].access == .wideband {
            devices[device].nextSample = first ?? .max
            devices[device].nextAlarm = alarm ?? .max
            scheduler.schedule(.widebandBatch(device: Int32(device)), at: Self.widebandWindow)
            return
        }
        if let first { scheduler.schedule(.sample(device: Int32(device)), at: first) }
        if let alarm { scheduler.schedule(.alarm(device: Int32(device)), at: alarm) }
    }

    mutating func sample(_ device: Int, scheduler: inout Scheduler<Event>) {
        guard !devices[device].dead, let interval = parameters[device].sampleInterval else { return }
        scheduler.schedule(.sample(device: Int32(device)), after: interval)
        generate(device, bytes: parameters[device].samplePayload, isAlarm: false, scheduler: &scheduler)
    }

    mutating func alarm(_ device: Int, scheduler: inout Scheduler<Event>) {
        guard !devices[device].dead, let mean = parameters[device].alarmMeanInterval else { return }
        scheduler.schedule(.alarm(device: Int32(device)), after: devices[device].alarmStream.exponential(mean: mean))
        generate(device, bytes: parameters[device].alarmPayload, isAlarm: true, scheduler: &scheduler)
    }

    /// Counts a new packet in the outcome.
    mutating func countGenerated(_ packet: Packet, device: Int) {
        guard packet.counted else { return }
        devices[device].outcome.generated += 1
        if packet.isAlarm { devices[device].outcome.alarmsGenerated += 1 }
    }

    /// A sample or alarm of `bytes` octets is ready: split it into frames, queue them
    /// and wake the MAC. A stopped device generates nothing; a device without a
    /// reachable gateway drops at once.
    mutating func generate(_ device: Int, bytes: Int, isAlarm: Bool, scheduler: inout Scheduler<Event>) {
        guard devices[device].isRunning else { return }
        let now = scheduler.now
        if checkBattery(device, at: now, scheduler: &scheduler) { return }
        let perFrame = parameters[device].frame.maximumPayload
        let frames = Swift.max(1, (bytes + perFrame - 1) / perFrame)
        var burst: [Packet] = []
        burst.reserveCapacity(frames)
        var remaining = bytes
        for index in 0..<frames {
            let payload = Swift.min(remaining, perFrame)
            remaining -= payload
            let packet = Packet(generated: now, headOfQueue: now, payload: Int32(Swift.max(payload, 0)),
                                counted: now >= warmup, isAlarm: isAlarm, continuesBurst: index > 0)
            countGenerated(packet, device: device)
            burst.append(packet)
        }
        if devices[device].serving < 0 {
            for packet in burst { drop(packet, device: device, reason: .noGatewayReachable) }
            return
        }
        if isAlarm {
            for packet in burst.reversed() where !devices[device].queue.prepend(packet) {
                drop(packet, device: device, reason: .queueOverflow)
            }
        } else {
            for packet in burst where !devices[device].queue.append(packet) {
                drop(packet, device: device, reason: .queueOverflow)
            }
        }
        switch parameters[device].access {
        case .csma:
            if devices[device].current == nil, !devices[device].inExchange { startService(device, scheduler: &scheduler) }
        case .ble:
            ensureConnectionEvent(device, scheduler: &scheduler)
        case .scheduled, .wideband:
            break
        }
    }
}
