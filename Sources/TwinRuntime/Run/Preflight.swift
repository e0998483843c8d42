import TwinConfig
import TwinEngine

/// Everything `simulate` refuses before its first event, checked without simulating:
/// the horizon, the topology (gateways, hub sizes) and every device's parameters, in
/// every scenario of the twin. The compiler runs it on each twin it builds, so a twin
/// that compiles is a twin `twinc run` starts (compile ⇒ run accepts).
public func preflight(config: TwinConfig) throws(SimulationError) {
    let streams = RandomStreams(seed: config.run.seed).replication(0)
    let horizon = SimTime(config.run.horizon)
    guard horizon > .zero else { throw .invalidHorizon }
    for scenario in config.scenarios {
        _ = try BANSimulation(config: config, scenario: scenario, streams: streams, options: SimulationOptions(),
                              horizon: horizon)
    }
}
