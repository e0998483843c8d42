import TwinEngine

/// Routing of the application traffic (`TrafficArrivals`, `DeviceState.enqueue`) to the
/// MACs.
///
/// CSMA/CA devices react to each arrival, so their samples and alarms are events.
/// Scheduled-access and BLE devices only look at their queue at their own allocation or
/// connection event, so their arrivals are generated lazily, with their own timestamps,
/// when the MAC next looks (`catchUpTraffic`) — the same queue, one event fewer per
/// sample. Wideband devices take theirs in batches (`WidebandFlow`). The times and
/// draws are the same whoever asks: they come from the device's `TrafficArrivals`.
extension BANSimulation {
    /// Draws the first sample and alarm times of `device` and schedules what needs events.
    mutating func startTraffic(_ device: Int, scheduler: inout Scheduler<Event>) {
        devices[device].traffic.start()
        let traffic = devices[device].traffic
        switch parameters[device].access {
        case .csmaCA:
            if traffic.nextSample < .max { scheduler.schedule(.sample(device: Int32(device)), at: traffic.nextSample) }
            if traffic.nextAlarm < .max { scheduler.schedule(.alarm(device: Int32(device)), at: traffic.nextAlarm) }
        case .wideband:
            scheduler.schedule(.widebandBatch(device: Int32(device)), at: WidebandFlow.window)
        case .scheduled, .ble:
            break
        }
    }

    // MARK: CSMA/CA: arrivals as events

    /// A periodic packet (or, with `isAlarm`, an alarm) of a CSMA/CA device arrives now:
    /// the next one is scheduled and this one queued.
    mutating func arrivalEvent(_ device: Int, isAlarm: Bool, scheduler: inout Scheduler<Event>) {
        guard !devices[device].life.dead else { return }
        if isAlarm { devices[device].traffic.advanceAlarm() } else { devices[device].traffic.advanceSample() }
        let next = isAlarm ? devices[device].traffic.nextAlarm : devices[device].traffic.nextSample
        if next < .max {
            scheduler.schedule(isAlarm ? .alarm(device: Int32(device)) : .sample(device: Int32(device)), at: next)
        }
        let profile = parameters[device].traffic
        let bytes = isAlarm ? profile.alarmPayload : profile.samplePayload
        arrivalNow(device, TrafficArrivals.Arrival(time: scheduler.now, isAlarm: isAlarm, bytes: bytes),
                   scheduler: &scheduler)
    }

    /// A running device (battery checked) queues the arrival; an idle MAC starts service.
    private mutating func arrivalNow(_ device: Int, _ arrival: TrafficArrivals.Arrival,
                                     scheduler: inout Scheduler<Event>) {
        guard devices[device].isRunning else { return }
        if checkBattery(device, at: scheduler.now) { return }
        devices[device].enqueue(arrival, framePayload: parameters[device].frame.maximumPayload, warmup: warmup)
        if csma.isIdle(device) { startService(device, scheduler: &scheduler) }
    }

    // MARK: Scheduled access and BLE: arrivals generated when the MAC looks

    /// Generates, in time order, the arrivals of a scheduled or BLE device due at or
    /// before `time`. A device that is not running lets them pass ungenerated.
    mutating func catchUpTraffic(_ device: Int, until time: SimTime) {
        let access = parameters[device].access
        guard access == .scheduled || access == .ble else { return }
        while let arrival = devices[device].traffic.popArrival(through: time) {
            guard devices[device].isRunning else { continue }
            devices[device].enqueue(arrival, framePayload: parameters[device].frame.maximumPayload, warmup: warmup)
        }
    }
}
