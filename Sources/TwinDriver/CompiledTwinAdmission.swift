import TwinConfig
import TwinDiagnostics
import TwinJSON
import TwinRuntime
import TwinSpec
import TwinSynthesis

/// compile ⇒ run accepts. Before a twin is written, the compiler puts its twin.json
/// through what `twinc run` does before its first event: the twin.json reader (ranges,
/// knobs, event budget: `TwinConfig.read`) and the runtime's preflight (topology, hub
/// sizes, device parameters: `preflight`). Whatever they refuse becomes TP013 at the
/// part of the use case or intent the refused value came from, never at the generated
/// file the user did not write.
///
/// The front end's declared ranges and the synthesis checks (TP008, TP012) should leave
/// nothing for this to find; it is the net under them, and the property test keeps it
/// empty.
enum CompiledTwinAdmission {
    static func diagnostics(config: TwinConfig, twinJSON text: String, useCase: UseCase, intent: Intent) -> [Diagnostic] {
        let read = TwinConfig.read(text: text, file: "twin.json")
        let refusals = read.diagnostics.filter { $0.severity == .error }
        if !refusals.isEmpty {
            let locator = TwinJSONLocator(text: text, config: config, useCase: useCase, intent: intent)
            return refusals.map { refusal in
                let position = refusal.range.map { JSONPosition(line: $0.start.line, column: $0.start.column) }
                return diagnostic(refusal.code, refusal.message, at: locator.yamlRange(for: position))
            }
        }
        do throws(SimulationError) {
            try preflight(config: config)
            return []
        } catch {
            return [diagnostic(RuntimeDiagnostics.code(for: error), error.description,
                               at: yamlRange(for: error, useCase: useCase, intent: intent))]
        }
    }

    private static func diagnostic(_ code: DiagnosticCode, _ message: String, at range: SourceRange) -> Diagnostic {
        .error(SynthesisDiagnostics.runtimeRefusal, "`twinc run` would refuse the compiled twin: \(message)", at: range,
               notes: [DiagnosticNote("the runtime's code is \(code.id) (`twinc explain \(code.id)`); nothing was written")])
    }

    private static func yamlRange(for error: SimulationError, useCase: UseCase, intent: Intent) -> SourceRange {
        let network = useCase.network
        switch error {
        case .hubFull(let gateway, _, _):
            return network.gateways.first { $0.id.value == gateway }?.id.range ?? useCase.name.range
        case .unknownGateway(let device, _), .invalidParameter(let device, _):
            return network.devices.first { $0.id.value == device }?.id.range ?? useCase.name.range
        case .invalidRelay(let device, _, _):
            let named = network.devices.first { $0.id.value == device }
            return named?.relay?.range ?? named?.id.range ?? useCase.name.range
        case .noGateways:
            return useCase.name.range
        case .invalidHorizon:
            return intent.horizon.range
        }
    }
}

/// Finds which part of twin.json a position lies in (a device, gateway, edge tier,
/// link, goal, knob, the run settings) and where that part came from in the YAML.
struct TwinJSONLocator {
    private enum Part {
        case device(Int), gateway(Int), edge(Int), link(Int), goal(Int), knob(Int), run, other
    }

    private var starts: [(position: JSONPosition, part: Part)] = []
    /// Where each device's `relay` member is, by device index: a refusal of the relay
    /// (TK012) points there, and TP013 then at the use case's `relay:` key.
    private var relayMembers: [(position: JSONPosition, device: Int)] = []
    let config: TwinConfig
    let useCase: UseCase
    let intent: Intent

    init(text: String, config: TwinConfig, useCase: UseCase, intent: Intent) {
        self.config = config
        self.useCase = useCase
        self.intent = intent
        guard case .success(let root) = JSONParser.parse(text), case .object(let members, _) = root else { return }
        func elements(_ list: LocatedJSON?, _ part: (Int) -> Part) {
            if case .array(let items, _)? = list {
                for (index, item) in items.enumerated() { starts.append((item.position, part(index))) }
            }
        }
        for member in members {
            starts.append((member.value.position, member.key == "run" ? .run : .other))
            switch member.key {
            case "goals": elements(member.value, Part.goal)
            case "knobs": elements(member.value, Part.knob)
            case "network":
                if case .object(let parts, _) = member.value {
                    for part in parts { starts.append((part.value.position, .other)) }
                }
                elements(member.value["devices"], Part.device)
                if case .array(let items, _)? = member.value["devices"] {
                    for (index, item) in items.enumerated() {
                        if let relay = item["relay"] { relayMembers.append((relay.position, index)) }
                    }
                }
                elements(member.value["gateways"], Part.gateway)
                elements(member.value["edges"], Part.edge)
                elements(member.value["links"], Part.link)
            default: break
            }
        }
        starts.sort { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
    }

    /// The YAML range of the part holding `position` (the intent's name when unknown).
    func yamlRange(for position: JSONPosition?) -> SourceRange {
        guard let position,
              let part = starts.last(where: { ($0.position.line, $0.position.column) <= (position.line, position.column) })?.part
        else { return intent.name.range }
        let network = useCase.network
        func device(_ id: String?) -> SourceRange? { network.devices.first { $0.id.value == id }?.id.range }
        if let relay = relayMembers.first(where: { $0.position.line == position.line && $0.position.column == position.column }),
           let range = network.devices.first(where: { $0.id.value == config.network.devices[safe: relay.device]?.id })?
               .relay?.range {
            return range
        }
        switch part {
        case .device(let i):
            return device(config.network.devices[safe: i]?.id) ?? useCase.name.range
        case .gateway(let i):
            return network.gateways.first { $0.id.value == config.network.gateways[safe: i]?.id }?.id.range ?? useCase.name.range
        case .edge(let i):
            return network.edge.first { $0.id.value == config.network.edges[safe: i]?.id }?.id.range ?? useCase.name.range
        case .link(let i):
            return network.links[safe: i]?.id.range ?? useCase.name.range
        case .goal(let i):
            return intent.goals.first { $0.id.value == config.goals[safe: i]?.id }?.id.range ?? intent.name.range
        case .knob(let i):
            return device(config.knobs[safe: i]?.targets.first) ?? useCase.name.range
        case .run:
            return intent.horizon.range
        case .other:
            return intent.name.range
        }
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
