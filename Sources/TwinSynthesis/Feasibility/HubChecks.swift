import TwinDiagnostics
import TwinModels
import TwinSpec
import TwinUnits

/// TP007 and TP008: the load every gateway carries in the baseline (`HubLoad`), as
/// figures, and as errors at the gateway's id when its air time on one technology
/// exceeds 100 % or more than `HubCapacity.maximumDevices` (mMaxBANSize = 64) devices use
/// it as their hub, the rule the runtime applies too.
struct HubChecks {
    /// Devices named one by one under an air-time overload (the largest shares); the
    /// rest are summed in one note, so a crowded hub is one screen, not one line a device.
    static let sharesShown = 8

    let useCase: UseCase
    let intent: Intent
    let network: ResolvedNetwork

    func run(_ budgets: [DeviceBudget], diagnostics: inout [Diagnostic]) -> [FeasibilityFigure] {
        var figures: [FeasibilityFigure] = []
        for load in HubLoad.loads(budgets, useCase: useCase) {
            let utilisation = load.utilisation
            let feasible = utilisation.si <= 1
            let subject = "\(load.gateway.id.value) (\(load.technology.rawValue))"
            figures.append(FeasibilityFigure(
                kind: "airtime", goal: nil, subject: subject, bound: utilisation.quantity,
                target: Ratio(si: 1).quantity, feasible: feasible,
                summary: "\(load.devices.count) device(s) on `\(load.gateway.id.value)` over \(load.technology.rawValue) need "
                    + "\(utilisation.quantity.formatted) of the air time"))
            guard !feasible else { continue }
            let sorted = load.shares.sorted { ($0.airtime.si, $1.device) > ($1.airtime.si, $0.device) }
            var shares = sorted.prefix(Self.sharesShown).map {
                DiagnosticNote("`\($0.device)`: \($0.airtime.quantity.formatted)")
            }
            if sorted.count > Self.sharesShown {
                let rest = sorted.dropFirst(Self.sharesShown)
                shares.append(DiagnosticNote("and \(rest.count) more devices: "
                                             + "\(rest.map(\.airtime).reduce(.zero, +).quantity.formatted) together"))
            }
            diagnostics.append(.error(
                SynthesisDiagnostics.airtimeOverload,
                "the devices on gateway `\(load.gateway.id.value)` need \(utilisation.quantity.formatted) of the "
                    + "\(load.technology.rawValue) air time",
                at: load.gateway.id.range,
                notes: shares + affectedGoals(load.devices)))
        }
        let limit = HubCapacity.maximumDevices
        for (gateway, nodes) in HubLoad.hubSizes(budgets, useCase: useCase) {
            let feasible = nodes.count <= limit
            figures.append(FeasibilityFigure(
                kind: "hub-size", goal: nil, subject: gateway.id.value, bound: Quantity(Double(nodes.count), .count),
                target: Quantity(Double(limit), .count), feasible: feasible,
                summary: "\(nodes.count) device(s) use `\(gateway.id.value)` as their hub (at most \(limit))"))
            guard !feasible else { continue }
            diagnostics.append(.error(
                SynthesisDiagnostics.hubTooLarge,
                "\(nodes.count) devices use gateway `\(gateway.id.value)` as their hub, more than mMaxBANSize = \(limit)",
                at: gateway.id.range,
                notes: [DiagnosticNote("IEEE 802.15.6-2012 MAC constant mMaxBANSize (ban-numbers.md §2 Network size)")]
                    + affectedGoals(nodes)))
        }
        return figures
    }

    /// The goals whose scope includes any of `devices`, as notes at their targets.
    private func affectedGoals(_ devices: [String]) -> [DiagnosticNote] {
        let set = Set(devices)
        return intent.goals.filter { [.deliveryRatio, .latency, .throughput].contains($0.kpi.value) }
            .filter { !set.isDisjoint(with: network.devices(in: $0.scope)) }
            .map { DiagnosticNote("goal `\($0.id.value)` (\($0.kpi.value.rawValue)) cannot be met", at: $0.target?.range ?? $0.kpi.range) }
    }
}
