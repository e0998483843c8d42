/// Wideband wearables (WLAN, mmWave, sub-THz: AR/VR glasses) at flow level.
///
/// twin.json's `wideband` access is a contention-free share of the gateway's link at
/// the radio's bit rate (TwinConfig `MACConfig`). Packets of such a device are served
/// FIFO at its frame air time, so departures follow Lindley's recursion
/// `start = max(arrival, previous end)` exactly and need no event of their own: one
/// batch event every `window` generates the arrivals of the window (periodic samples
/// and Poisson alarms, as `TrafficSource` would), pushes them through the recursion,
/// decides each frame with the link's SINR at the batch time and retries lost frames
/// at once. The approximation is that the channel and the gateway's state are taken
/// at the batch time for the whole window (≤ 100 ms). The MAC buffer bounds the
/// backlog (`queueCapacity` frames); the radio sleeps between frames.
extension BANSimulation {
    static let widebandWindow = SimTime.milliseconds(100)

    mutating func widebandBatch(_ device: Int, scheduler: inout Scheduler<Event>) {
        guard !devices[device].dead else { return }
        let now = scheduler.now
        processFlow(device, until: now)
        scheduler.schedule(.widebandBatch(device: Int32(device)), at: now + Self.widebandWindow)
    }

    /// Generates and serves the device's packets that arrive before `time`.
    mutating func processFlow(_ device: Int, until time: SimTime) {
        guard time > devices[device].flowProcessedUntil else { return }
        devices[device].flowProcessedUntil = time
        let running = devices[device].isRunning
        if running, checkBatteryQuietly(device, at: time) { return }
        let slot = devices[device].serving
        let connected = running && slot >= 0
        var probability = 0.0
        var gateway = 0
        if connected {
            gateway = parameters[device].gateways[slot]
            devices[device].fading.refresh(posture: channel.posture, at: time)
            let level = devices[device].fading.received(transmit: parameters[device].transmitLevel,
                                                        link: parameters[device].links[slot], slot: slot)
            if gateways[gateway].up {
                probability = parameters[device].receiver.successProbability(
                    received: level, interference: channel.meanPower(at: gateway),
                    bits: parameters[device].frame.bits(payload: parameters[device].frame.maximumPayload))
            }
            devices[device].windowLevelSum += level
            devices[device].windowLevelCount += 1
            if warmup <= time { devices[device].outcome.rssi.add(level) }
        }
        while true {
            let sample = devices[device].nextSample, alarm = devices[device].nextAlarm
            let arrival = Swift.min(sample, alarm)
            guard arrival < time else { break }
            let isAlarm = alarm < sample
            let bytes: Int
            if isAlarm {
                bytes = parameters[device].alarmPayload
                devices[device].nextAlarm = alarm + devices[device].alarmStream.exponential(
                    mean: parameters[device].alarmMeanInterval ?? .max)
            } else {
                bytes = parameters[device].samplePayload
                devices[device].nextSample = sample + (parameters[device].sampleInterval ?? .max)
            }
            guard running else { continue }
            serveFlow(device, arrival: arrival, bytes: bytes, isAlarm: isAlarm, gateway: connected ? gateway : -1,
                      probability: probability)
        }
    }

    private mutating func serveFlow(_ device: Int, arrival: SimTime, bytes: Int, isAlarm: Bool, gateway: Int,
                                    probability: Double) {
        let frame = parameters[device].frame
        let perFrame = frame.maximumPayload
        var remaining = bytes
        var first = true
        while remaining > 0 {
            let payload = Swift.min(remaining, perFrame)
            remaining -= payload
            var packet = Packet(generated: arrival, headOfQueue: arrival, payload: Int32(payload),
                                counted: arrival >= warmup, isAlarm: isAlarm, continuesBurst: !first)
            first = false
            countGenerated(packet, device: device)
            guard gateway >= 0 else {
                drop(packet, device: device, reason: .noGatewayReachable)
                continue
            }
            let airtime = frame.airtime(payload: payload)
            var start = Swift.max(arrival, devices[device].serverFree)
            if (start - arrival).nanoseconds > airtime.nanoseconds * Int64(options.queueCapacity) {
                drop(packet, device: device, reason: .queueOverflow)
                continue
            }
            let gatewayUp = gateways[gateway].up
            var end = start
            while true {
                packet.attempts += 1
                end = start + airtime
                countTransmission(packet, device: device)
                devices[device].energy.transmit(airtime)
                devices[device].windowSent += 1
                gateways[gateway].busy.add(from: start, to: end)
                let decoded = devices[device].receptionStream.succeeds(probability)
                if gatewayUp {
                    if decoded { gateways[gateway].outcome.framesReceived += 1 }
                    detector.frame(gateway: gateway, decoded: decoded, at: end)
                }
                if decoded {
                    devices[device].windowAcknowledged += 1
                    if packet.counted { devices[device].outcome.accessDelay.record(end - arrival) }
                    packet.reachedGateway = true
                    forward(packet, device: device, gateway: gateway, at: end)
                    break
                }
                if Int(packet.attempts) > parameters[device].maxRetries {
                    drop(packet, device: device, reason: gatewayUp ? .retriesExhausted : .noGatewayReachable)
                    break
                }
                start = end
            }
            devices[device].serverFree = end
        }
    }
}
