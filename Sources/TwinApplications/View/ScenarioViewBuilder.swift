import TwinConfig
import TwinEngine
import TwinRuntime
import TwinUnits

/// Pools one scenario's replications into its view. A plain function of (config,
/// scenario, outcomes): devices and links in configuration order, replications in
/// run order, so the same outcomes always give the same view.
extension ScenarioView {
    static func build(scenario: ScenarioConfig, runs: [ReplicationOutcome], config: TwinConfig,
                      topology: ViewTopology) -> ScenarioView {
        let network = config.network
        let gatewayIDs = network.gateways.map(\.id)
        let horizon = runs.first.map { $0.horizon.time } ?? config.run.horizon
        let links = network.devices.flatMap { device in
            linkMeasures(device: device, runs: runs, gatewayIDs: gatewayIDs)
        }
        let devices = network.devices.map { device in
            deviceMeasure(device: device, node: topology.device(device.id), runs: runs)
        }
        let latencyCDF = network.devices.map { device in
            LatencyCDF.read(device: device.id, histogram: mergedLatency(device.id, runs: runs))
        }
        // The trace is replication 0 when it ran, else the first replication there is.
        let traced = runs.first { $0.replication == 0 } ?? runs.first
        let trace = traced.flatMap {
            ViewTrace.build(outcome: $0, deviceIDs: network.devices.map(\.id), gatewayIDs: gatewayIDs)
        }
        var view = ScenarioView(id: scenario.id, kind: scenario.kind, horizon: horizon, replications: runs.count,
                                links: links, devices: devices, latencyCDF: latencyCDF, trace: trace)
        view.uplinks = network.gateways.map { UplinkMeasure.pooled(gateway: $0, network: network, runs: runs) }
        return view
    }

    /// The device's primary and backup links. With time series, each window's frames go
    /// to the gateway serving at its end; without, all frames go to the primary and only
    /// the received level is known (the outcome has no per-frame acknowledgement count).
    static func linkMeasures(device: DeviceConfig, runs: [ReplicationOutcome], gatewayIDs: [String]) -> [LinkMeasure] {
        var targets: [(gateway: String, role: TopologyLink.Role)] = [(device.primaryGateway, .primary)]
        if let backup = device.backupGateway { targets.append((backup, .backup)) }
        let txPower = device.radio.txPower
        let hasSeries = runs.contains { $0.timeSeries != nil }
        return targets.map { target in
            var sent = 0, acknowledged = 0, levelCount = 0
            var levelSum = 0.0
            if hasSeries, let index = gatewayIDs.firstIndex(of: target.gateway) {
                for run in runs {
                    guard let series = run.timeSeries?.first(where: { $0.deviceID == device.id }) else { continue }
                    for sample in series.samples where sample.servingGateway == index {
                        sent += sample.framesSent
                        acknowledged += sample.framesAcknowledged
                        levelCount += sample.levelsMeasured
                        levelSum += (sample.rssi ?? 0) * Double(sample.levelsMeasured)
                    }
                }
            } else if !hasSeries, target.role == .primary {
                for run in runs {
                    guard let outcome = run.device(device.id) else { continue }
                    levelCount += outcome.rssi.count
                    levelSum += outcome.rssi.mean * Double(outcome.rssi.count)
                }
            }
            let rssi = levelCount > 0 ? PowerLevel(dBm: levelSum / Double(levelCount)) : nil
            return LinkMeasure(device: device.id, gateway: target.gateway, role: target.role,
                               framesSent: sent, framesAcknowledged: acknowledged, rssi: rssi,
                               pathLoss: rssi.map { txPower - $0 })
        }
    }

    static func deviceMeasure(device: DeviceConfig, node: DeviceNode?, runs: [ReplicationOutcome]) -> DeviceMeasure {
        let outcomes = runs.compactMap { $0.device(device.id) }
        var queueSum = 0.0, queueSamples = 0
        for run in runs {
            guard let series = run.timeSeries?.first(where: { $0.deviceID == device.id }) else { continue }
            // The mean queue is over the regular sample instants only: the finer ones
            // around scenario events would weight the fault's minutes more than the rest.
            for sample in series.samples where series.interval <= .zero || sample.time % series.interval == .zero {
                queueSum += Double(sample.queueLength)
                queueSamples += 1
            }
        }
        let ratios = outcomes.compactMap { outcome -> Double? in
            outcome.batteryCapacity.si > 0 ? outcome.batteryRemaining / outcome.batteryCapacity : nil
        }
        let energyLeftRatio = ratios.isEmpty ? nil : ratios.reduce(0, +) / Double(ratios.count)
        let generated = outcomes.reduce(0) { $0 + $1.generated }
        let delivered = outcomes.reduce(0) { $0 + $1.deliveredToEdge }
        let latency = mergedLatency(device.id, runs: runs)
        return DeviceMeasure(
            id: device.id,
            meanQueue: queueSamples > 0 ? queueSum / Double(queueSamples) : nil,
            energyLeftRatio: energyLeftRatio,
            energyLeft: both(energyLeftRatio, node?.batteryEnergy).map { $0.1 * $0.0 },
            deliveryRatio: generated > 0 ? Double(delivered) / Double(generated) : nil,
            generated: generated, delivered: delivered,
            latencyP50: latency.percentile(50)?.time, latencyP99: latency.percentile(99)?.time)
    }

    static func mergedLatency(_ id: String, runs: [ReplicationOutcome]) -> LatencyHistogram {
        var merged = LatencyHistogram()
        for run in runs {
            if let latency = run.device(id)?.latency, latency.significantBits == merged.significantBits {
                merged.merge(latency)
            }
        }
        return merged
    }
}

/// Both values when both are present (Optional has no zip of its own).
private func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
