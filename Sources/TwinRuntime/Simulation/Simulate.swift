import TwinConfig

/// Simulates one replication of `scenario` on `config`: a pure function of its inputs.
/// The randomness comes from `RandomStreams(seed: config.run.seed).replication(replication)`,
/// one stream per device and purpose.
public func simulate(config: TwinConfig, scenario: ScenarioConfig, replication: Int,
                     options: SimulationOptions = SimulationOptions()) throws(SimulationError) -> ReplicationOutcome {
    // Placeholder until the model lands: the shape of the result, all counters zero.
    let streams = RandomStreams(seed: config.run.seed).replication(replication)
    let horizon = options.horizon ?? SimTime(config.run.horizon)
    guard horizon > .zero else { throw .invalidHorizon }
    return ReplicationOutcome(
        scenarioID: scenario.id, replication: replication, seed: streams.seed, horizon: horizon,
        warmup: SimTime(config.run.warmup),
        devices: config.network.devices.map { DeviceOutcome(id: $0.id) },
        gateways: config.network.gateways.map { GatewayOutcome(id: $0.id) },
        events: [], attacks: [], timeSeries: nil, eventsHandled: 0)
}
