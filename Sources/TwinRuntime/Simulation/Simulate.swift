import TwinConfig
import TwinEngine
import TwinUnits

/// Simulates one replication of `scenario` on `config`: a pure function of its inputs.
/// The randomness comes from `RandomStreams(seed: config.run.seed).replication(replication)`,
/// one stream per device and purpose.
///
/// The model is `BANSimulation`, a coordinator of components (see its table and their
/// files for the sources of each part: channel, PHY, CSMA/CA, scheduled access, BLE,
/// wideband flows, traffic, energy, gateways, scenarios, detector). Throws before simulating when the network cannot run: no
/// gateway, an unknown gateway, more than 64 devices on one hub, a parameter the
/// models refuse, or a horizon that is not positive. With `options.stopWhenGoalsSettled`
/// (the default) a scenario whose goals cannot change after its last event stops there
/// (`GoalSettling`), the stop reported as the outcome's horizon.
public func simulate(config: TwinConfig, scenario: ScenarioConfig, replication: Int,
                     options: SimulationOptions = SimulationOptions()) throws(SimulationError) -> ReplicationOutcome {
    let streams = RandomStreams(seed: config.run.seed).replication(replication)
    let horizon = SimTime(config.run.horizon)
    guard horizon > .zero else { throw .invalidHorizon }
    if options.stopWhenGoalsSettled, GoalSettling.settledAt(scenario, config: config) != nil {
        // A stop takes effect where the scenario leaves the prefix it shares with the
        // others (the bulk flows learn their end there), so run it as that branch: the
        // same replication whether it ran alone or beside the other scenarios.
        let trunk = try ScenarioTrunk(config: config, scenarios: [scenario], replication: replication, options: options)
        return trunk.last(scenario, at: ScenarioTrunk.branchPoint(of: scenario, config: config, options: options)).run()
    }
    var model = try BANSimulation(config: config, scenario: scenario, streams: streams, options: options,
                                  horizon: horizon)
    var scheduler = Scheduler<BANSimulation.Event>()
    model.start(scheduler: &scheduler)
    return model.runToEnd(scheduler: &scheduler, stop: nil, scenario: scenario, replication: replication,
                          seed: streams.seed)
}

extension BANSimulation {
    /// Handles every event up to the horizon, or up to `stop` (`GoalSettling`), which
    /// then stands for the horizon in the outcome; stops sooner once every device is
    /// dead (`options.stopWhenAllDead`), the horizon staying the horizon. Without
    /// `handlingEvents` (a trunk in which every device already stopped for good) it only
    /// closes the accounts.
    mutating func runToEnd(scheduler: inout Scheduler<Event>, stop: SimTime?, scenario: ScenarioConfig,
                           replication: Int, seed: UInt64, handlingEvents: Bool = true) -> ReplicationOutcome {
        let until = Swift.min(stop ?? horizon, horizon)
        if handlingEvents {
            if options.stopWhenAllDead {
                scheduler.run(&self, until: until, stopWhen: { $0.allStopped })
            } else {
                scheduler.run(&self, until: until)
            }
        }
        let end = Swift.min(scheduler.now, until)
        finish(at: end)
        return outcome(scenario: scenario, replication: replication, seed: seed, end: end, horizon: until,
                       eventsHandled: scheduler.dispatchedCount)
    }
}

extension BANSimulation {
    /// Closes every open account at `end`: flows not yet batched, empty BLE events,
    /// listening radios, the battery, and the packets still on their way.
    mutating func finish(at end: SimTime) {
        closeEventSamples(before: end)
        for device in devices.indices {
            if parameters[device].access == .wideband { processFlow(device, until: end) }
            if devices[device].isRunning {
                catchUpTraffic(device, until: end)
                ble.accountIdleEvents(device, until: end, node: &devices[device])
                devices[device].energy.refreshDrain(at: end)
                _ = checkBattery(device, at: end)
            }
            if devices[device].isRunning { csma.sleep(device, at: end, energy: &devices[device].energy) }
            var pending = devices[device].queue.unsettledCount
            if let current = csma.packetInService(device), current.counted, !current.reachedGateway { pending += 1 }
            devices[device].outcome.pendingAtEnd += pending
        }
    }

    /// The replication's figures at `end`; `horizon` is the one the outcome reports (the
    /// model's, or the stop of a scenario whose goals settled before it).
    func outcome(scenario: ScenarioConfig, replication: Int, seed: UInt64, end: SimTime, horizon: SimTime,
                 eventsHandled: Int) -> ReplicationOutcome {
        let deviceOutcomes = devices.map { state -> DeviceOutcome in
            var outcome = state.outcome
            outcome.energy = state.energy.breakdown(at: end)
            outcome.radioTime = state.energy.stateTimes(at: end)
            outcome.batteryRemaining = .coulombs(state.life.empty ? 0 : state.energy.remaining(at: end))
            outcome.averageCurrent = .amperes(state.energy.averageCurrent(at: end))
            outcome.averageRailPower = Power(si: state.energy.averageRailPower(at: end))
            return outcome
        }
        let gatewayOutcomes = gateways.map { state -> GatewayOutcome in
            var outcome = state.outcome
            outcome.airtimeUtilisation = Double(state.busy.clipped(to: horizon)) / Double(horizon.nanoseconds)
            return outcome
        }
        let ids = parameters.map(\.id)
        let eventOutcomes = events.map { event in
            ScenarioEventOutcome(index: event.index, kind: event.kind, target: event.target, at: event.at,
                                 endsAt: event.end,
                                 devices: recovery.recoveries(event: event.index, deviceIDs: ids, horizon: horizon),
                                 attackerAirtime: attacker.airtime[event.index])
        }
        let series: [DeviceTimeSeries]? = options.recordTimeSeries
            ? devices.indices.map { DeviceTimeSeries(deviceID: ids[$0], interval: monitor.sampleInterval,
                                                     eventInterval: eventSamples.step, samples: devices[$0].samples) }
            : nil
        return ReplicationOutcome(
            scenarioID: scenario.id, replication: replication, seed: seed, horizon: horizon, warmup: warmup,
            devices: deviceOutcomes, gateways: gatewayOutcomes, events: eventOutcomes,
            attacks: detector.detections, timeSeries: series, eventsHandled: eventsHandled)
    }
}
