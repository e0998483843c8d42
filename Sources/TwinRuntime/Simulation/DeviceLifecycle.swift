import TwinEngine

/// A device's battery running out, failures injected by scenarios, and recoveries.
///
/// The battery is checked before every activity of the device and at every monitor
/// tick; when the charge drawn passes the capacity, the death time is interpolated
/// between the last check and now (the drain in between is near-constant: sleep,
/// baseline and at most one activity), so `deathTime` does not depend on how often the
/// device happens to be active. A stopped device stops drawing current, generating and
/// transmitting; what it held is dropped as `device-dead`.
extension BANSimulation {
    /// Checks the battery of a running device at `time`; true when it just died.
    mutating func checkBattery(_ device: Int, at time: SimTime, scheduler: inout Scheduler<Event>) -> Bool {
        checkBatteryQuietly(device, at: time)
    }

    /// As `checkBattery`, for callers without the scheduler (stale timers of the dead
    /// device are ignored by their epoch).
    mutating func checkBatteryQuietly(_ device: Int, at time: SimTime) -> Bool {
        guard devices[device].isRunning else { return false }
        let consumed = devices[device].energy.consumed(at: time)
        let capacity = devices[device].energy.capacity
        guard consumed >= capacity else {
            devices[device].lastCheck = time
            devices[device].lastConsumed = consumed
            return false
        }
        let before = devices[device].lastConsumed, since = devices[device].lastCheck
        var death = time
        if consumed > before, time > since, before < capacity {
            let fraction = (capacity - before) / (consumed - before)
            death = since + SimTime(nanoseconds: Int64((Double((time - since).nanoseconds) * fraction).rounded()))
        }
        let at = Swift.max(death, since)
        settle(device, until: at)
        devices[device].outcome.deathTime = at
        devices[device].dead = true
        devices[device].empty = true
        stop(device, at: at, forGood: true)
        return true
    }

    /// Brings a running device's lazy accounts up to `time` before it stops: arrivals
    /// of scheduled and BLE devices, empty BLE connection events.
    private mutating func settle(_ device: Int, until time: SimTime) {
        catchUpTraffic(device, until: time)
        accountIdleConnectionEvents(device, until: time)
    }

    /// Stops the device (flags already set, arrivals generated up to `time`): its MAC
    /// state is discarded and what it held is dropped.
    mutating func stop(_ device: Int, at time: SimTime, forGood: Bool) {
        devices[device].accessEpoch &+= 1
        devices[device].stoppedForGood = devices[device].stoppedForGood || forGood
        devices[device].backoffHandle = nil
        if devices[device].backoffMedium >= 0 {
            media[devices[device].backoffMedium].removeContender(Int32(device))
            devices[device].backoffMedium = -1
        }
        if devices[device].inExchange {
            let gateway = parameters[device].gateways[devices[device].exchangeSlot]
            media[gateways[gateway].media[parameters[device].medium.rawValue]].release(sender: Int32(device))
            devices[device].inExchange = false
        }
        if let packet = devices[device].current { drop(packet, device: device, reason: .deviceDead) }
        devices[device].current = nil
        for packet in devices[device].queue.removeAll() { drop(packet, device: device, reason: .deviceDead) }
        devices[device].listeningSince = nil
        devices[device].connectionEventPending = false
        devices[device].energy.stop(at: time)
        if forGood { stoppedDevices += 1 }
    }

    /// A scenario breaks the device (until `recover`, if the event has a duration).
    mutating func failDevice(_ device: Int, permanently: Bool, scheduler: inout Scheduler<Event>) {
        guard devices[device].isRunning else { return }
        let now = scheduler.now
        if parameters[device].access == .wideband { processFlow(device, until: now) }
        settle(device, until: now)
        if devices[device].outcome.failureTime == nil { devices[device].outcome.failureTime = now }
        devices[device].failed = true
        stop(device, at: now, forGood: permanently)
    }

    mutating func recoverDevice(_ device: Int, scheduler: inout Scheduler<Event>) {
        guard devices[device].failed, !devices[device].dead else { return }
        let now = scheduler.now
        catchUpTraffic(device, until: now)  // arrivals while broken pass ungenerated
        devices[device].failed = false
        devices[device].accessEpoch &+= 1
        devices[device].energy.resume(at: now)
        devices[device].lastCheck = now
        devices[device].lastConsumed = devices[device].energy.consumed(at: now)
        devices[device].connectionAccountedUntil = now
        devices[device].flowProcessedUntil = now
        devices[device].serverFree = Swift.max(devices[device].serverFree, now)
        if devices[device].serving >= 0, !gateways[parameters[device].gateways[devices[device].serving]].up {
            let slots = parameters[device].gateways
            devices[device].serving = slots.indices.first { gateways[slots[$0]].up } ?? -1
        }
        switch parameters[device].access {
        case .scheduled: armAllocation(device, after: now, scheduler: &scheduler)
        case .ble: ensureConnectionEvent(device, scheduler: &scheduler)
        case .csma, .wideband: break
        }
    }

    /// Every device has stopped for good (the run may end early).
    var allStopped: Bool { stoppedDevices >= devices.count }
}
