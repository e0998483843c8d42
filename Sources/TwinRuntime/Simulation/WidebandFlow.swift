import TwinEngine

/// Wideband wearables (WLAN, mmWave, sub-THz: AR/VR glasses) at flow level.
///
/// twin.json's `wideband` access is a contention-free share of the gateway's link at
/// the radio's bit rate (TwinConfig `MACConfig`). Packets of such a device are served
/// FIFO at their frame air time, so departures follow Lindley's recursion
/// `start = max(arrival, previous end)` exactly and need no event of their own: one
/// batch event every `widebandWindow` generates the arrivals of the window (periodic
/// samples and Poisson alarms, as `TrafficSource` does), pushes them through the
/// recursion, decides each frame with the link's SINR at the batch time and retries
/// lost frames at once. The approximation is that the channel and the gateway's state
/// are taken at the batch time for the whole window (≤ 100 ms). The MAC buffer bounds
/// the backlog (`queueCapacity` frames); the radio sleeps between frames. Counters that
/// do not need per-packet detail (energy, transmissions, the detector's window, busy
/// time) are summed over the batch.
extension BANSimulation {
    static let widebandWindow = SimTime.milliseconds(100)

    mutating func widebandBatch(_ device: Int, scheduler: inout Scheduler<Event>) {
        guard !devices[device].dead else { return }
        let now = scheduler.now
        processFlow(device, until: now)
        scheduler.schedule(.widebandBatch(device: Int32(device)), at: now + Self.widebandWindow)
    }

    /// What one batch adds up locally before it touches the device and gateway state:
    /// the device's histograms and streams are moved out for the batch (no copy) and
    /// put back at its end.
    private struct FlowBatch {
        var latency: LatencyHistogram
        var accessDelay: LatencyHistogram
        var reception: Xoshiro256
        var uplink: Xoshiro256
        var serverFree: Int64
        var generated = 0
        var alarms = 0
        var delivered = 0
        var onTime = 0
        var pending = 0
        var forwarded = 0
        /// Drops by reason, in plain counters: a `DropCounts` array here would cost a
        /// copy-on-write check per packet.
        var queueOverflow = 0
        var retriesExhausted = 0
        var noGatewayReachable = 0
        var transmissions = 0
        var retransmissions = 0
        var sent = 0
        var decoded = 0
        var airtime: Int64 = 0
        /// Deliveries for the monitoring window (warm-up included) and their latency (ns).
        var windowDelivered = 0
        var windowLatencySum = 0.0
    }

    /// The gateway side of a batch, fixed for its duration.
    private struct FlowPath {
        var gateway: Int
        var up: Bool
        var probability: Double
        var availability: Double
        var jitter: Double
        var budget: Int64
        var horizon: Int64
        var backlogLimit: Int64
        var maximumAttempts: Int
        var warmup: Int64
    }

    /// How one sample (or alarm) splits into frames: full frames, then the last one.
    private struct FlowShape {
        var frames = 0
        var fullAirtime: Int64 = 0
        var lastAirtime: Int64 = 0
        var fullDelay: Int64 = 0
        var lastDelay: Int64 = 0

        init() {}

        init(bytes: Int, frame: FrameFormat, gateway: GatewayState?) {
            let perFrame = frame.maximumPayload
            frames = Swift.max(1, (bytes + perFrame - 1) / perFrame)
            let last = bytes - (frames - 1) * perFrame
            fullAirtime = frame.airtime(payload: perFrame).nanoseconds
            lastAirtime = frame.airtime(payload: last).nanoseconds
            fullDelay = gateway?.baseDelay(payload: Int32(perFrame)).nanoseconds ?? 0
            lastDelay = gateway?.baseDelay(payload: Int32(last)).nanoseconds ?? 0
        }
    }

    /// Generates and serves the device's packets that arrive before `time`.
    mutating func processFlow(_ device: Int, until time: SimTime) {
        guard time > devices[device].flowProcessedUntil else { return }
        devices[device].flowProcessedUntil = time
        let running = devices[device].isRunning
        if running, checkBatteryQuietly(device, at: time) { return }
        let slot = devices[device].serving
        let gateway = running && slot >= 0 ? parameters[device].gateways[slot] : -1
        var path = FlowPath(gateway: gateway, up: gateway >= 0 && gateways[gateway].up, probability: 0,
                            availability: gateway >= 0 ? gateways[gateway].availability : 0,
                            jitter: gateway >= 0 ? Double(gateways[gateway].jitter.nanoseconds) : 0,
                            budget: parameters[device].latencyBudget.nanoseconds, horizon: horizon.nanoseconds,
                            backlogLimit: Int64(options.queueCapacity),
                            maximumAttempts: parameters[device].maxRetries + 1, warmup: warmup.nanoseconds)
        var level = 0.0
        if gateway >= 0 {
            devices[device].fading.refresh(posture: channel.posture, at: time)
            level = devices[device].fading.received(transmit: parameters[device].transmitLevel,
                                                        link: parameters[device].links[slot], slot: slot)
            if path.up {
                path.probability = successProbability(
                    device, level: level, interference: channel.meanPower(at: gateway),
                    bits: parameters[device].frame.bits(payload: parameters[device].frame.maximumPayload))
            }
            devices[device].windowLevelSum += level
            devices[device].windowLevelCount += 1
            if warmup <= time { devices[device].outcome.rssi.add(level) }
        }
        let route = gateway >= 0 ? gateways[gateway] : nil
        let sampleShape = running ? FlowShape(bytes: parameters[device].samplePayload, frame: parameters[device].frame,
                                              gateway: route) : FlowShape()
        let alarmShape = running ? FlowShape(bytes: parameters[device].alarmPayload, frame: parameters[device].frame,
                                             gateway: route) : FlowShape()
        var batch = FlowBatch(latency: LatencyHistogram(), accessDelay: LatencyHistogram(),
                              reception: devices[device].receptionStream, uplink: devices[device].uplinkStream,
                              serverFree: devices[device].serverFree.nanoseconds)
        swap(&batch.latency, &devices[device].outcome.latency)
        swap(&batch.accessDelay, &devices[device].outcome.accessDelay)
        // The periodic stream advances in a local (written back after the loop) rather
        // than in `devices`, which would cost a copy-on-write check per packet.
        var sample = devices[device].nextSample
        let interval = parameters[device].sampleInterval
        while true {
            let alarm = devices[device].nextAlarm
            let isAlarm = alarm < sample
            let arrival = isAlarm ? alarm : sample
            guard arrival < time else { break }
            if isAlarm { advanceAlarm(device) } else { sample = Self.periodicArrival(after: sample, interval: interval) }
            guard running else { continue }
            serveFlow(device, arrival: arrival.nanoseconds, isAlarm: isAlarm, shape: isAlarm ? alarmShape : sampleShape,
                      path: path, batch: &batch)
        }
        devices[device].nextSample = sample
        swap(&batch.latency, &devices[device].outcome.latency)
        swap(&batch.accessDelay, &devices[device].outcome.accessDelay)
        devices[device].receptionStream = batch.reception
        devices[device].uplinkStream = batch.uplink
        devices[device].serverFree = SimTime(nanoseconds: batch.serverFree)
        devices[device].outcome.generated += batch.generated
        devices[device].outcome.alarmsGenerated += batch.alarms
        devices[device].outcome.deliveredToEdge += batch.delivered
        devices[device].windowDelivered += batch.windowDelivered
        devices[device].windowLatencySum += batch.windowLatencySum
        devices[device].outcome.deliveredWithinBudget += batch.onTime
        devices[device].outcome.pendingAtEnd += batch.pending
        devices[device].outcome.dropped[.queueOverflow] += batch.queueOverflow
        devices[device].outcome.dropped[.retriesExhausted] += batch.retriesExhausted
        devices[device].outcome.dropped[.noGatewayReachable] += batch.noGatewayReachable
        guard batch.sent > 0 else { return }
        devices[device].energy.transmit(SimTime(nanoseconds: batch.airtime))
        devices[device].outcome.transmissions += batch.transmissions
        devices[device].outcome.retransmissions += batch.retransmissions
        devices[device].windowSent += batch.sent
        devices[device].windowAcknowledged += batch.decoded
        gateways[gateway].busy.addDisjoint(batch.airtime)
        gateways[gateway].outcome.framesReceived += batch.decoded
        gateways[gateway].outcome.framesForwarded += batch.forwarded
        if path.up, level >= parameters[device].receiver.sensitivity + AttackDetector.strongSignalMargin {
            detector.strongFrames(gateway: gateway, attempted: batch.sent, decoded: batch.decoded, at: time)
        }
    }

    /// One sample or alarm through the device's FIFO and the uplink, on local state only.
    private mutating func serveFlow(_ device: Int, arrival: Int64, isAlarm: Bool, shape: FlowShape, path: FlowPath,
                                    batch: inout FlowBatch) {
        let counted = arrival >= path.warmup
        for index in 0..<shape.frames {
            let last = index == shape.frames - 1
            let airtime = last ? shape.lastAirtime : shape.fullAirtime
            if counted {
                batch.generated += 1
                if isAlarm { batch.alarms += 1 }
            }
            guard path.gateway >= 0 else {
                if counted { batch.noGatewayReachable += 1 }
                continue
            }
            var start = Swift.max(arrival, batch.serverFree)
            if start - arrival > airtime * path.backlogLimit {
                if counted { batch.queueOverflow += 1 }
                continue
            }
            var attempts = 0
            var end = start
            var decoded = false
            while attempts < path.maximumAttempts {
                attempts += 1
                end = start + airtime
                if counted {
                    batch.transmissions += 1
                    if attempts > 1 { batch.retransmissions += 1 }
                }
                batch.sent += 1
                batch.airtime += airtime
                if batch.reception.succeeds(path.probability) {
                    decoded = true
                    break
                }
                start = end
            }
            batch.serverFree = end
            guard decoded else {
                if counted {
                    if path.up { batch.retriesExhausted += 1 } else { batch.noGatewayReachable += 1 }
                }
                continue
            }
            batch.decoded += 1
            if counted { batch.accessDelay.record(SimTime(nanoseconds: end - arrival)) }
            guard batch.uplink.succeeds(path.availability) else {
                if counted { batch.noGatewayReachable += 1 }
                continue
            }
            batch.forwarded += 1
            var delay = last ? shape.lastDelay : shape.fullDelay
            if path.jitter > 0 { delay = Swift.max(0, delay + Int64((2 * batch.uplink.uniform() - 1) * path.jitter)) }
            let delivery = end + delay
            if delivery > path.horizon {
                if counted { batch.pending += 1 }
                continue
            }
            let latency = delivery - firstSample(device, packetAt: SimTime(nanoseconds: arrival), isAlarm: isAlarm).nanoseconds
            batch.windowDelivered += 1
            batch.windowLatencySum += Double(latency)
            if counted {
                batch.delivered += 1
                batch.latency.record(SimTime(nanoseconds: latency))
                if latency <= path.budget { batch.onTime += 1 }
            }
            if !recovery.eventTimes.isEmpty {
                recovery.delivered(device: device, crossedAt: SimTime(nanoseconds: end),
                                   arrivedAt: SimTime(nanoseconds: delivery))
            }
        }
    }
}
