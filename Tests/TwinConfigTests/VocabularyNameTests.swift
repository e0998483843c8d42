import Testing
import TwinVocabulary

/// Every closed set of the vocabulary prints as twin.json and the user's documents write
/// it (`VocabularyNames.swift`): an interpolated `AccessMode.csmaCA` reads `csma-ca`.
@Suite struct VocabularyNameTests {
    private func printsRawValues<Name: CaseIterable & RawRepresentable & CustomStringConvertible>(
        _ type: Name.Type) -> [String] where Name.RawValue == String {
        Name.allCases.filter { "\($0)" != $0.rawValue }.map { "\(Name.self).\($0.rawValue) prints \($0)" }
    }

    @Test func everyCasePrintsItsRawValue() {
        var wrong: [String] = []
        wrong += printsRawValues(Placement.self) + printsRawValues(BodyRegion.self) + printsRawValues(Technology.self)
        wrong += printsRawValues(Band.self) + printsRawValues(TrafficClass.self) + printsRawValues(GatewayKind.self)
        wrong += printsRawValues(EdgeTierKind.self) + printsRawValues(ApplicationKind.self) + printsRawValues(KPI.self)
        wrong += printsRawValues(GoalPriority.self) + printsRawValues(Threat.self) + printsRawValues(Fault.self)
        wrong += printsRawValues(Objective.self) + printsRawValues(Fidelity.self) + printsRawValues(ModelFamily.self)
        wrong += printsRawValues(Representation.self) + printsRawValues(BatteryChemistry.self)
        wrong += printsRawValues(ActivityProfileName.self)
        wrong += printsRawValues(FlowRepresentation.self) + printsRawValues(AccessMode.self)
        wrong += printsRawValues(KnobParameter.self) + printsRawValues(RegulatorKind.self) + printsRawValues(PlatformRole.self)
        wrong += printsRawValues(BatteryDrainModel.self)
        wrong += printsRawValues(Posture.self)
        #expect(wrong.isEmpty, "\(wrong)")
        #expect("\(AccessMode.csmaCA)" == "csma-ca" && "\(Technology.banNB)" == "ban-nb")
        #expect("\(ScenarioEventKind.attack(.denialOfService))" == "dos")
    }
}
