/// Every closed set prints as users and twin.json write it, so a name interpolated into
/// a message, a table or design.md reads `ban-nb` or `csma-ca`, not the Swift case
/// `banNB` or `csmaCA` (a CSMA/CA device's latency bottleneck once read "waiting for a
/// transmission opportunity (csmaCA)"). A new enum of the vocabulary gets its line here;
/// `VocabularyNameTests` checks that every case prints its raw value.
extension Placement: CustomStringConvertible { public var description: String { rawValue } }
extension BodyRegion: CustomStringConvertible { public var description: String { rawValue } }
extension Technology: CustomStringConvertible { public var description: String { rawValue } }
extension Band: CustomStringConvertible { public var description: String { rawValue } }
extension TrafficClass: CustomStringConvertible { public var description: String { rawValue } }
extension GatewayKind: CustomStringConvertible { public var description: String { rawValue } }
extension EdgeTierKind: CustomStringConvertible { public var description: String { rawValue } }
extension ApplicationKind: CustomStringConvertible { public var description: String { rawValue } }
extension KPI: CustomStringConvertible { public var description: String { rawValue } }
extension GoalPriority: CustomStringConvertible { public var description: String { rawValue } }
extension Threat: CustomStringConvertible { public var description: String { rawValue } }
extension Fault: CustomStringConvertible { public var description: String { rawValue } }
extension Objective: CustomStringConvertible { public var description: String { rawValue } }
extension ActivityProfileName: CustomStringConvertible { public var description: String { rawValue } }
extension Fidelity: CustomStringConvertible { public var description: String { rawValue } }
extension ModelFamily: CustomStringConvertible { public var description: String { rawValue } }
extension Representation: CustomStringConvertible { public var description: String { rawValue } }
extension BatteryChemistry: CustomStringConvertible { public var description: String { rawValue } }
extension FlowRepresentation: CustomStringConvertible { public var description: String { rawValue } }
extension AccessMode: CustomStringConvertible { public var description: String { rawValue } }
extension KnobParameter: CustomStringConvertible { public var description: String { rawValue } }
extension RegulatorKind: CustomStringConvertible { public var description: String { rawValue } }
extension PlatformRole: CustomStringConvertible { public var description: String { rawValue } }
extension BatteryDrainModel: CustomStringConvertible { public var description: String { rawValue } }
extension Posture: CustomStringConvertible { public var description: String { rawValue } }

// The two kinds that wrap a fault or a threat print their twin.json name.
extension ScenarioEventKind: CustomStringConvertible { public var description: String { name } }
extension ScenarioKind: CustomStringConvertible { public var description: String { name } }
