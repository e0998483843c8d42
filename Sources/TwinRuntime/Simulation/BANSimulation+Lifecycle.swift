import TwinEngine

/// A device's battery running out, failures injected by scenarios, and recoveries
/// (`DeviceLife` holds the flags and the battery check's memory).
///
/// The battery is checked before every activity of the device and at every monitor
/// tick; when the charge drawn passes the capacity the device stops at the interpolated
/// death time (`DeviceLife.deathTime`). A stopped device stops drawing current,
/// generating and transmitting; what it held is dropped as `device-down`, and every MAC
/// lets go of it (`CSMAAccess.halt`, `BLEAccess.halt`; scheduled allocations and
/// wideband batches check the device's state when they fire).
extension BANSimulation {
    /// Checks the battery of a running device at `time`; true when it just died.
    mutating func checkBattery(_ device: Int, at time: SimTime) -> Bool {
        guard devices[device].isRunning else { return false }
        let consumed = devices[device].energy.consumed(at: time)
        let capacity = devices[device].energy.capacity
        guard consumed >= capacity else {
            devices[device].life.checked(at: time, consumed: consumed)
            return false
        }
        let at = devices[device].life.deathTime(consumed: consumed, capacity: capacity, at: time)
        settle(device, until: at)
        devices[device].outcome.deathTime = at
        devices[device].life.dead = true
        devices[device].life.empty = true
        stop(device, at: at, forGood: true)
        return true
    }

    /// Brings a running device's lazy accounts up to `time` before it stops: arrivals
    /// of scheduled and BLE devices, empty BLE connection events.
    private mutating func settle(_ device: Int, until time: SimTime) {
        catchUpTraffic(device, until: time)
        ble.accountIdleEvents(device, until: time, node: &devices[device])
    }

    /// Stops the device (flags already set, arrivals generated up to `time`): its MAC
    /// state is discarded and what it held is dropped.
    mutating func stop(_ device: Int, at time: SimTime, forGood: Bool) {
        devices[device].life.accessEpoch &+= 1
        devices[device].life.stoppedForGood = devices[device].life.stoppedForGood || forGood
        if let held = csma.halt(device, media: &media) {
            devices[device].outcome.recordDrop(held, reason: .deviceDead)
        }
        devices[device].dropQueue(reason: .deviceDead)
        ble.halt(device)
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
        devices[device].life.failed = true
        stop(device, at: now, forGood: permanently)
    }

    /// The scenario's failure is over: the device runs again from now, on a gateway that
    /// is up if its own went down meanwhile.
    mutating func recoverDevice(_ device: Int, scheduler: inout Scheduler<Event>) {
        guard devices[device].life.failed, !devices[device].life.dead else { return }
        let now = scheduler.now
        catchUpTraffic(device, until: now)  // arrivals while broken pass ungenerated
        devices[device].life.failed = false
        devices[device].life.accessEpoch &+= 1
        devices[device].energy.resume(at: now)
        devices[device].life.checked(at: now, consumed: devices[device].energy.consumed(at: now))
        ble.accounted(device, until: now)
        wideband.resume(device, at: now)
        let slots = parameters[device].gateways
        if devices[device].serving >= 0, !gateways[slots[devices[device].serving]].up {
            devices[device].serving = GatewayTier.reachableSlot(slots) { gateways[$0].up }
        }
        switch parameters[device].access {
        case .scheduled: armAllocation(device, after: now, scheduler: &scheduler)
        case .ble: ble.ensureEvent(device, status: devices[device].status, scheduler: &scheduler)
        case .csmaCA, .wideband: break
        }
    }

    /// Every device has stopped for good (the run may end early).
    var allStopped: Bool { stoppedDevices >= devices.count }
}
