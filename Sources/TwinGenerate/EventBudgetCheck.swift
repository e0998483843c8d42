import TwinConfig
import TwinDiagnostics
import TwinSpec
import TwinSynthesis

/// TP012: the event sources of the twin built from the use case, against the budget
/// `twinc run` holds twin.json to (`TwinConfig.eventBudgetExcesses`, TK008), reported at
/// what the user wrote: the traffic key that sets the rate (`rate`, `sampling`, the
/// class), or `alarm-interval` for alarms.
public func eventBudgetDiagnostics(config: TwinConfig, useCase: UseCase) -> [Diagnostic] {
    config.eventBudgetExcesses.map { excess in
        var range = useCase.name.range
        if let source = excess.source, let device = useCase.network.devices.first(where: { $0.id.value == source.subject }) {
            let traffic = device.traffic
            range = source.kind == .alarms
                ? traffic.alarmInterval?.range ?? device.id.range
                : traffic.rate?.range ?? traffic.sampling?.range ?? traffic.packetSize?.range
                    ?? traffic.trafficClass?.range ?? device.id.range
        }
        return .error(SynthesisDiagnostics.eventBudget, excess.message, at: range, notes: [
            DiagnosticNote("the simulator's cost grows with the events it handles; `twinc run` refuses the same twin (TK008)"),
        ])
    }
}
