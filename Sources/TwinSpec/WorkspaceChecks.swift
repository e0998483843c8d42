import TwinDiagnostics
import TwinUnits
import TwinVocabulary

/// The cross-document stage: names unique per kind, user catalogue entries against the
/// built-in catalogue, use cases against catalogue ids, intents against their use case
/// (its name, device ids, classes and tags) and contradictions between goals once
/// scopes are resolved to devices.
///
/// Run it on documents that `readDocument` returned (documents with errors are
/// withheld, so references to them would cascade). `builtIn` is the built-in
/// catalogue's index; `.unknown` skips the checks that need one.
public func checkWorkspace(_ documents: [SpecDocument], builtIn: CatalogueIndex = .unknown) -> [Diagnostic] {
    let workspace = Workspace(documents)
    var diagnostics: [Diagnostic] = []
    diagnostics += ReferenceChecks.duplicates(workspace.useCases.map(\.name), what: "use case name")
    diagnostics += ReferenceChecks.duplicates(workspace.intents.map(\.name), what: "intent name")
    diagnostics += ReferenceChecks.duplicates(workspace.catalogues.map(\.name), what: "catalogue name")
    diagnostics += WorkspaceChecks.catalogueEntries(workspace, builtIn: builtIn)
    let index = workspace.catalogueIndex(builtIn: builtIn)
    let classes = workspace.deviceClasses(builtIn: builtIn)
    for useCase in workspace.useCases {
        diagnostics += WorkspaceChecks.useCase(useCase, index: index, classes: classes)
    }
    for catalogue in workspace.catalogues {
        diagnostics += WorkspaceChecks.deviceClassDefaults(catalogue, index: index)
    }
    let useCaseNames = workspace.useCases.map(\.name.value)
    for intent in workspace.intents {
        if let useCase = workspace.useCase(named: intent.usecase.value) {
            diagnostics += WorkspaceChecks.intent(intent, against: useCase)
        } else if let problem = ReferenceChecks.reference(intent.usecase, to: useCaseNames, what: "use case") {
            diagnostics.append(problem)
        }
    }
    return diagnostics
}

enum WorkspaceChecks {
    /// Ids unique across user catalogues (within one file they are checked already);
    /// clashes with built-in ids need `overrides: true`, which must replace something.
    static func catalogueEntries(_ workspace: Workspace, builtIn: CatalogueIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var first: [String: Located<String>] = [:]
        for entry in workspace.catalogues.flatMap(\.entries) {
            if let earlier = first[entry.id.value] {
                if earlier.range.file != entry.id.range.file {
                    diagnostics.append(.error(
                        SpecDiagnostics.duplicateID, "duplicate catalogue id `\(entry.id.value)`", at: entry.id.range,
                        notes: [DiagnosticNote("first defined here", at: earlier.range)]))
                }
            } else {
                first[entry.id.value] = entry.id
            }
            guard let known = builtInIDs(entry.kind, builtIn) else { continue }
            let overrides = entry.overrides?.value ?? false
            if known.contains(entry.id.value), !overrides {
                diagnostics.append(.error(
                    SpecDiagnostics.builtInClash,
                    "`\(entry.id.value)` is already a built-in \(entry.kind.rawValue)", at: entry.id.range,
                    notes: [DiagnosticNote("write `overrides: true` to replace the built-in entry, or choose another id")]))
            } else if !known.contains(entry.id.value), overrides, let flag = entry.overrides {
                diagnostics.append(.warning(
                    SpecDiagnostics.overridesNothing,
                    "`\(entry.id.value)` overrides no built-in \(entry.kind.rawValue)", at: flag.range,
                    notes: nearestName(to: entry.id.value, among: known.sorted()).map {
                        [DiagnosticNote("did you mean `\($0)`?")]
                    } ?? []))
            }
        }
        return diagnostics
    }

    /// The built-in ids of a kind; device classes always include `builtInDeviceClasses`.
    private static func builtInIDs(_ kind: CatalogueEntryKind, _ builtIn: CatalogueIndex) -> Set<String>? {
        guard kind == .deviceClass else { return builtIn.ids[kind] }
        return Set(builtInDeviceClasses).union(builtIn.ids[.deviceClass] ?? [])
    }

    static func useCase(_ useCase: UseCase, index: CatalogueIndex, classes: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func check(_ reference: Located<String>, _ kind: CatalogueEntryKind, _ what: String) {
            guard let known = index.ids[kind] else { return }
            if let problem = ReferenceChecks.reference(reference, to: Array(known), what: what) {
                diagnostics.append(problem)
            }
        }
        for application in useCase.applications {
            application.models.forEach { check($0, .model, "catalogue model") }
            application.methods.forEach { check($0, .method, "catalogue method") }
        }
        for device in useCase.network.devices {
            if let problem = ReferenceChecks.reference(device.deviceClass, to: classes, what: "device class") {
                diagnostics.append(problem)
            }
            check(device.radio.profile, .radio, "radio profile")
            if let profile = device.battery?.profile { check(profile, .battery, "battery profile") }
            if device.battery == nil, index.classHasBattery[device.deviceClass.value] == false {
                diagnostics.append(.error(
                    SpecDiagnostics.missingField,
                    "device `\(device.id.value)` needs a `battery`: its class `\(device.deviceClass.value)` has no default battery",
                    at: device.id.range,
                    notes: [DiagnosticNote("the twin runs every device on a battery (mains power is modelled for gateways only); "
                                           + "give `battery: {capacity: …}` or a catalogue `profile`")]))
            }
            if let limits = index.radios[device.radio.profile.value] {
                diagnostics += radioAgreement(device, limits)
            }
        }
        for gateway in useCase.network.gateways {
            if let profile = gateway.battery?.profile { check(profile, .battery, "battery profile") }
        }
        // Entries that did not read: their catalogue ids are checked all the same.
        let unread = useCase.network.unread
        for reference in unread.classReferences {
            if let problem = ReferenceChecks.reference(reference, to: classes, what: "device class") {
                diagnostics.append(problem)
            }
        }
        unread.radioProfiles.forEach { check($0, .radio, "radio profile") }
        unread.batteryProfiles.forEach { check($0, .battery, "battery profile") }
        return diagnostics
    }

    /// A device's technology and TX power must fit its radio profile.
    private static func radioAgreement(_ device: Device, _ limits: RadioLimits) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let radio = device.radio
        if let technology = limits.technology, technology != radio.technology.value {
            diagnostics.append(.error(
                SpecDiagnostics.incompatibleLink,
                "radio profile `\(radio.profile.value)` is `\(technology.rawValue)`, not `\(radio.technology.value.rawValue)`",
                at: radio.technology.range,
                notes: [DiagnosticNote("the profile is named here", at: radio.profile.range)]))
        }
        if let power = radio.txPower {
            let low = limits.minimumTxPower, high = limits.maximumTxPower
            if (low.map { power.value < $0 } ?? false) || (high.map { power.value > $0 } ?? false) {
                let f = ScalarReading.formatNumber
                let range = "\(low.map { f($0.dBm) } ?? "-∞") dBm … \(high.map { f($0.dBm) } ?? "+∞") dBm"
                diagnostics.append(.error(
                    SpecDiagnostics.outOfRange,
                    "`tx-power` \(f(power.value.dBm)) dBm is outside the range of radio `\(radio.profile.value)` (\(range))",
                    at: power.range, notes: [DiagnosticNote("the profile is named here", at: radio.profile.range)]))
            }
        }
        return diagnostics
    }

    /// A catalogue device class's default radio and battery must exist.
    static func deviceClassDefaults(_ catalogue: Catalogue, index: CatalogueIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entry in catalogue.entries {
            guard case .deviceClass(let profile) = entry.details else { continue }
            if let radio = profile.radio, let known = index.ids[.radio],
               let problem = ReferenceChecks.reference(radio, to: Array(known), what: "radio profile") {
                diagnostics.append(problem)
            }
            if let battery = profile.battery, let known = index.ids[.battery],
               let problem = ReferenceChecks.reference(battery, to: Array(known), what: "battery profile") {
                diagnostics.append(problem)
            }
        }
        return diagnostics
    }

    /// Goal scopes against the use case's devices, and contradictions between goals
    /// whose scopes share a device only once resolved.
    static func intent(_ intent: Intent, against useCase: UseCase) -> [Diagnostic] {
        let devices = useCase.network.devices
        let ids = devices.map(\.id.value)
        let classes = devices.map(\.deviceClass.value)
        let tags = devices.flatMap { $0.tags.map(\.value) }
        let unread = useCase.network.unread
        var diagnostics: [Diagnostic] = []
        let context = "in use case `\(useCase.name.value)`"
        for goal in intent.goals {
            guard let scope = goal.scope else { continue }
            for reference in scope.devices {
                if let p = ReferenceChecks.reference(reference, to: ids, what: "device", context: context,
                                                     unread: unread.devices) { diagnostics.append(p) }
            }
            for reference in scope.classes {
                if let p = ReferenceChecks.reference(reference, to: classes, what: "device class", context: context,
                                                     unread: unread.deviceClasses) {
                    diagnostics.append(p)
                }
            }
            for reference in scope.tags {
                if let p = ReferenceChecks.reference(reference, to: tags, what: "tag", context: context,
                                                     unread: unread.tags) { diagnostics.append(p) }
            }
        }
        for pin in intent.flows {
            if let p = ReferenceChecks.reference(pin.device, to: ids, what: "device", context: context) { diagnostics.append(p) }
        }
        diagnostics += Contradictions.find(in: intent.goals) { a, b in
            guard !Contradictions.scopesVisiblyOverlap(a.scope, b.scope) else { return nil }  // reported per document
            let shared = Set(covered(a.scope, devices)).intersection(covered(b.scope, devices))
            return shared.isEmpty ? nil : .devices(shared.sorted())
        }
        return diagnostics
    }

    /// The ids of the devices a scope covers (all devices when unscoped).
    static func covered(_ scope: GoalScope?, _ devices: [Device]) -> [String] {
        guard let scope else { return devices.map(\.id.value) }
        let ids = Set(scope.devices.map(\.value)), classes = Set(scope.classes.map(\.value))
        let tags = Set(scope.tags.map(\.value))
        return devices.filter { device in
            ids.contains(device.id.value) || classes.contains(device.deviceClass.value)
                || !tags.isDisjoint(with: device.tags.map(\.value))
        }.map(\.id.value)
    }
}
