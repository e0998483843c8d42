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
/// models refuse, or a horizon that is not positive.
public func simulate(config: TwinConfig, scenario: ScenarioConfig, replication: Int,
                     options: SimulationOptions = SimulationOptions()) throws(SimulationError) -> ReplicationOutcome {
    let streams = RandomStreams(seed: config.run.seed).replication(replication)
    let horizon = SimTime(config.run.horizon)
    guard horizon > .zero else { throw .invalidHorizon }
    var model = try BANSimulation(config: config, scenario: scenario, streams: streams, options: options,
                                  horizon: horizon)
    var scheduler = Scheduler<BANSimulation.Event>()
    model.start(scheduler: &scheduler)
    if options.stopWhenAllDead {
        scheduler.run(&model, until: horizon, stopWhen: { $0.allStopped })
    } else {
        scheduler.run(&model, until: horizon)
    }
    let end = Swift.min(scheduler.now, horizon)
    model.finish(at: end)
    return model.outcome(scenario: scenario, replication: replication, seed: streams.seed, end: end,
                         eventsHandled: scheduler.dispatchedCount)
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

    func outcome(scenario: ScenarioConfig, replication: Int, seed: UInt64, end: SimTime,
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
