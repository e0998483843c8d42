import TwinConfig
import TwinModels
import TwinUnits

/// Availability of the service a fault interrupts, from the Markov representation,
/// when the plan chose one for reliability (`config.models`: family `reliability`,
/// method `markov` or `markov-chain`).
///
/// The chain is the two-state up ⇄ down CTMC of Zhao & Xing (RESS 236:109305, 2023;
/// ban-numbers.md §7), solved by `TwinModels.MarkovChain`: `A = μ/(λ+μ)`. Rates, first
/// found wins:
/// - λ: the model's `failureRate_per_s` or `1/mtbf_s`, the failed gateway's MTBF, else
///   one fault per horizon (the scenario injects exactly one);
/// - μ: the model's `repairRate_per_s` or `1/mttr_s`, the gateway's MTTR, else the
///   restoration the twin provides — the failover time when every device of the failed
///   gateway has another gateway, or the event's duration — else none (a permanent
///   fault without repair has no steady state: nil).
/// A failed gateway whose devices all have a backup and whose MTTR is known is the
/// 3-state redundant pair (`MarkovChain.redundantGatewayAvailability`).
enum MarkovAvailability {
    static let methods: Set<String> = ["markov", "markov-chain"]

    /// The chosen Markov reliability model, if any.
    static func model(in config: TwinConfig) -> ModelChoice? {
        config.models.first { $0.family == .reliability && methods.contains($0.method) }
    }

    static func availability(event: ScenarioEvent, config: TwinConfig, model: ModelChoice) -> Double? {
        let gateway = event.kind == .fault(.gatewayFailure) ? config.network.gateways.first { $0.id == event.target } : nil
        let parameters = model.parameters
        let failureRate = parameters["failureRate_per_s"]
            ?? parameters["mtbf_s"].flatMap { $0 > 0 ? 1 / $0 : nil }
            ?? gateway?.mtbf.flatMap { $0.si > 0 ? 1 / $0.si : nil }
            ?? (config.run.horizon.si > 0 ? 1 / config.run.horizon.si : nil)
        let repairFromModel = parameters["repairRate_per_s"] ?? parameters["mttr_s"].flatMap { $0 > 0 ? 1 / $0 : nil }
        let gatewayRepair = gateway?.mttr.flatMap { $0.si > 0 ? 1 / $0.si : nil }
        let backedUp = gateway.map { failed in
            let served = config.network.devices.filter { $0.primaryGateway == failed.id || $0.backupGateway == failed.id }
            return !served.isEmpty && served.allSatisfy { device in
                let other = device.primaryGateway == failed.id ? device.backupGateway : device.primaryGateway
                return other != nil && other != failed.id
            }
        } ?? false
        guard let lambda = failureRate, lambda >= 0 else { return nil }
        if backedUp, let repair = repairFromModel ?? gatewayRepair {
            return try? MarkovChain.redundantGatewayAvailability(failureRate: .hertz(lambda), repairRate: .hertz(repair))
        }
        let restoration: Double? = if backedUp, let gateway, gateway.failoverTime.si > 0 {
            1 / gateway.failoverTime.si
        } else if let duration = event.duration, duration.si > 0 {
            1 / duration.si
        } else {
            nil
        }
        guard let mu = repairFromModel ?? gatewayRepair ?? restoration, mu > 0 else { return nil }
        return try? MarkovChain.singleGatewayAvailability(failureRate: .hertz(lambda), repairRate: .hertz(mu))
    }
}
