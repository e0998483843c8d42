import TwinEngine

/// Routing of the gateway tier's events: failures (scenario or MTBF), failover after
/// the failover time, repairs, and the (re-)association of devices through their MAC
/// (`GatewayTier` decides who moves where; `GatewayState` keeps the gateway's state).
extension BANSimulation {
    // MARK: Failure, failover, repair

    /// The gateway stops: frames to it go unacknowledged; its devices move to their
    /// other gateway after its failover time (missed beacons or supervision timeout).
    mutating func gatewayFails(_ gateway: Int, scheduler: inout Scheduler<Event>) {
        guard let failure = gateways[gateway].fail(at: scheduler.now) else { return }
        scheduleBeforeHorizon(.failover(gateway: Int32(gateway), failure: failure),
                              after: gateways[gateway].failoverTime, scheduler: &scheduler)
    }

    /// Devices still served by a dead gateway after its failover time move to their
    /// other gateway if it is up, or lose their connection.
    mutating func failover(_ gateway: Int, failure: Int32, scheduler: inout Scheduler<Event>) {
        guard gateways[gateway].isDown(inFailure: failure) else { return }
        for device in devices.indices where devices[device].serving >= 0 {
            let slots = parameters[device].gateways
            guard slots[devices[device].serving] == gateway else { continue }
            if let other = GatewayTier.failoverSlot(slots, leaving: gateway, isUp: { gateways[$0].up }) {
                associate(device, slot: other, scheduler: &scheduler)
            } else {
                disconnect(device, scheduler: &scheduler)
            }
        }
    }

    /// The gateway is back: devices without a connection that know it re-associate, and
    /// devices whose primary it is move back.
    mutating func gatewayRecovers(_ gateway: Int, scheduler: inout Scheduler<Event>) {
        guard !gateways[gateway].up else { return }
        gateways[gateway].up = true
        for device in devices.indices {
            guard let slot = parameters[device].gateways.firstIndex(of: gateway) else { continue }
            if GatewayTier.rejoins(slot: slot, serving: devices[device].serving) {
                associate(device, slot: slot, scheduler: &scheduler)
            }
        }
    }

    /// Random failures from the gateway's MTBF/MTTR (exponential up and down times).
    mutating func gatewayBreaksDown(_ gateway: Int, scheduler: inout Scheduler<Event>) {
        gatewayFails(gateway, scheduler: &scheduler)
        if let repair = gateways[gateway].timeToRepair() {
            scheduleBeforeHorizon(.gatewayRepair(Int32(gateway)), after: repair, scheduler: &scheduler)
        }
    }

    mutating func gatewayRepaired(_ gateway: Int, scheduler: inout Scheduler<Event>) {
        gatewayRecovers(gateway, scheduler: &scheduler)
        if let failure = gateways[gateway].timeToFailure() {
            scheduleBeforeHorizon(.gatewayBreakdown(Int32(gateway)), after: failure, scheduler: &scheduler)
        }
    }

    // MARK: Association

    /// `device` now talks to its gateway in `slot`: its lazy accounts are brought up to
    /// now at the old gateway, then its MAC starts over at the new one.
    mutating func associate(_ device: Int, slot: Int, scheduler: inout Scheduler<Event>) {
        guard devices[device].isRunning else {
            devices[device].serving = slot
            return
        }
        let now = scheduler.now
        catchUpTraffic(device, until: now)
        ble.accountIdleEvents(device, until: now, node: &devices[device])
        let wasDisconnected = devices[device].serving < 0
        devices[device].serving = slot
        if wasDisconnected { ble.accounted(device, until: now) }
        switch parameters[device].access {
        case .csmaCA:
            csma.reassociated(device, node: &devices[device], media: &media, scheduler: &scheduler)
        case .scheduled:
            armAllocation(device, after: now, scheduler: &scheduler)
        case .ble:
            ble.ensureEvent(device, status: devices[device].status, scheduler: &scheduler)
        case .wideband:
            break
        }
    }

    /// No gateway is reachable: the device drops what it holds and what it generates
    /// until one comes back.
    mutating func disconnect(_ device: Int, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        catchUpTraffic(device, until: now)
        ble.accountIdleEvents(device, until: now, node: &devices[device])
        devices[device].serving = -1
        csma.disconnected(device, outcome: &devices[device].outcome, media: &media, scheduler: &scheduler)
        devices[device].dropQueue(reason: .noGatewayReachable)
        csma.sleep(device, at: now, energy: &devices[device].energy)
    }
}
