import TwinDiagnostics
import TwinUnits
import TwinVocabulary
import TwinYAML

/// Builds a `UseCase` from a reader opened on the document root with
/// `UseCaseShapes.document`. Every field is read before any is checked for absence, so
/// one pass reports every problem; a value is built only when its required parts are.
enum UseCaseReader {
    static func read(_ r: inout MappingReader, file: String) -> UseCase? {
        let name = r.identifier("name")
        let title = r.text("title")
        let description = r.text("description")
        let stakeholders = r.texts("stakeholders")
        let story = r.object("story") { s -> UserStory? in
            let summary = s.text("summary")
            let points = s.texts("points")
            guard let summary else { return nil }
            return UserStory(summary: summary, points: points)
        }
        let requirements = r.texts("requirements")
        let benefits = r.texts("benefits")
        let applications = r.objects("applications", application)
        let network = r.object("network", network)
        let activity = r.enumeration("activity", as: ActivityProfileName.self)
        guard let name, let title, let story, let network else { return nil }
        return UseCase(
            file: file, name: name, title: title, description: description, stakeholders: stakeholders,
            story: story, requirements: requirements, benefits: benefits, applications: applications,
            network: network, activity: activity)
    }

    static func application(_ r: inout MappingReader) -> ApplicationUse? {
        let id = r.enumeration("id", as: ApplicationKind.self)
        let title = r.text("title")
        let special = r.texts("special")
        let models = r.identifiers("models")
        let methods = r.identifiers("methods")
        guard let id else { return nil }
        return ApplicationUse(id: id, title: title, special: special, models: models, methods: methods)
    }

    static func network(_ r: inout MappingReader) -> BodyNetwork? {
        let devices = r.objects("devices", device)
        let gateways = r.objects("gateways", gateway)
        let edge = r.objects("edge", edgeTier)
        let links = r.objects("links", link)
        var network = BodyNetwork(devices: devices, gateways: gateways, edge: edge, links: links)
        network.unread.devices = unreadIDs(r.pair("devices")?.value, read: devices.map(\.id.value))
        network.unread.gateways = unreadIDs(r.pair("gateways")?.value, read: gateways.map(\.id.value))
        network.unread.edge = unreadIDs(r.pair("edge")?.value, read: edge.map(\.id.value))
        // Sets, not the arrays: a file of tens of thousands of broken entries is looked
        // up once per entry, and an array's `contains` made that quadratic (80,000
        // broken devices took 20 s). Entries beyond the declared size were not read
        // (TS009 at the key): their ids, classes and tags are known, so goals naming
        // them are no errors, but their references are not checked (one error each).
        let unreadDevices = Set(network.unread.devices)
        let checkedEntries = DeclaredRanges.devices.bounds.upperBound
        for (index, entry) in (r.pair("devices")?.value.sequence ?? []).enumerated() {
            guard let id = rawText(entry, "id"), unreadDevices.contains(id) else { continue }
            network.unread.deviceClasses += rawText(entry, "class").map { [$0] } ?? []
            network.unread.tags += entryValue(entry, "tags")?.sequence?.compactMap(\.scalar?.text) ?? []
            guard index < checkedEntries else { continue }
            network.unread.classReferences += located(entry, "class").map { [$0] } ?? []
            network.unread.radioProfiles += entryValue(entry, "radio").flatMap { located($0, "profile") }.map { [$0] } ?? []
            network.unread.batteryProfiles += entryValue(entry, "battery").flatMap { located($0, "profile") }.map { [$0] } ?? []
            if let assignment = entryValue(entry, "gateway") {
                for key in ["primary", "backup"] {
                    guard let node = entryValue(assignment, key), let text = node.scalar?.text else { continue }
                    network.unread.gatewayReferences.append(.init(device: id, gateway: Located(text, at: node.range)))
                }
            }
        }
        let unreadGateways = Set(network.unread.gateways)
        for entry in (r.pair("gateways")?.value.sequence ?? []).prefix(DeclaredRanges.gateways.bounds.upperBound) {
            guard let id = rawText(entry, "id"), unreadGateways.contains(id) else { continue }
            network.unread.batteryProfiles += entryValue(entry, "battery").flatMap { located($0, "profile") }.map { [$0] } ?? []
        }
        return network
    }

    /// The plain text of `key` in `entry`, where it is written.
    private static func located(_ entry: Node, _ key: String) -> Located<String>? {
        guard let node = entryValue(entry, key), let text = node.scalar?.text else { return nil }
        return Located(text, at: node.range)
    }

    /// The `id`s written in the entries of `list` that are not among those that read.
    private static func unreadIDs(_ list: Node?, read: [String]) -> [String] {
        let known = Set(read)
        return (list?.sequence ?? []).compactMap { rawText($0, "id") }.filter { !known.contains($0) }
    }

    private static func entryValue(_ entry: Node, _ key: String) -> Node? {
        entry.mapping?.first { $0.key.scalar?.text == key }?.value
    }

    private static func rawText(_ entry: Node, _ key: String) -> String? {
        entryValue(entry, key)?.scalar?.text
    }

    static func device(_ r: inout MappingReader) -> Device? {
        let id = r.identifier("id")
        let deviceClass = r.identifier("class")
        let description = r.text("description")
        let placement = r.enumeration("placement", as: Placement.self)
        let tags = r.identifiers("tags")
        let radio = r.object("radio", radio)
        let battery = r.object("battery", battery)
        let traffic = r.object("traffic", traffic)
        let priority = r.integer("priority")
        if priority == nil, case .string? = r.pair("priority")?.value.scalar?.value {
            r.addNote("a device's `priority` is its IEEE 802.15.6 user priority, an integer from 0 (background) "
                      + "to 7 (emergency); goals in an intent use words (`critical`, `high`, `medium`, `low`)",
                      toProblemsWith: "priority")
        }
        let gateway = r.object("gateway") { g -> GatewayAssignment? in
            let primary = g.identifier("primary")
            let backup = g.identifier("backup")
            guard let primary else { return nil }
            return GatewayAssignment(primary: primary, backup: backup)
        }
        let relay = r.identifier("relay")
        guard let id, let deviceClass, let placement, let radio, let traffic, let priority, let gateway else {
            return nil
        }
        return Device(
            id: id, deviceClass: deviceClass, description: description, placement: placement, tags: tags,
            radio: radio, battery: battery, traffic: traffic, priority: priority, gateway: gateway, relay: relay)
    }

    static func radio(_ r: inout MappingReader) -> RadioSettings? {
        let profile = r.identifier("profile")
        let technology = r.enumeration("technology", as: Technology.self)
        let band = r.enumeration("band", as: Band.self)
        let txPower = r.powerLevel("tx-power")
        guard let profile, let technology else { return nil }
        return RadioSettings(profile: profile, technology: technology, band: band, txPower: txPower)
    }

    static func battery(_ r: inout MappingReader) -> BatterySettings? {
        let profile = r.identifier("profile")
        let capacity = r.measure("capacity", as: Charge.self)
        let voltage = r.measure("voltage", as: Voltage.self)
        guard profile != nil || capacity != nil else { return nil }
        return BatterySettings(profile: profile, capacity: capacity, voltage: voltage)
    }

    static func traffic(_ r: inout MappingReader) -> TrafficSettings? {
        let trafficClass = r.enumeration("class", as: TrafficClass.self)
        let rate = r.measure("rate", as: DataRate.self)
        let packetSize = r.measure("packet-size", as: DataSize.self)
        let sampling = r.measure("sampling", as: Frequency.self)
        let alarmInterval = r.measure("alarm-interval", as: Time.self)
        let latency = r.measure("latency", as: Time.self)
        guard trafficClass != nil || rate != nil else { return nil }
        return TrafficSettings(
            trafficClass: trafficClass, rate: rate, packetSize: packetSize, sampling: sampling,
            alarmInterval: alarmInterval, latency: latency)
    }

    static func gateway(_ r: inout MappingReader) -> Gateway? {
        let id = r.identifier("id")
        let kind = r.enumeration("kind", as: GatewayKind.self)
        let description = r.text("description")
        let placement = r.enumeration("placement", as: Placement.self)
        let distance = r.measure("distance", as: Distance.self)
        let technologies = r.enumerations("technologies", as: Technology.self)
        let battery = r.object("battery", battery)
        guard let id, let kind else { return nil }
        return Gateway(
            id: id, kind: kind, description: description, placement: placement, distance: distance,
            technologies: technologies, battery: battery)
    }

    static func edgeTier(_ r: inout MappingReader) -> EdgeTier? {
        let id = r.identifier("id")
        let tier = r.enumeration("tier", as: EdgeTierKind.self)
        let description = r.text("description")
        let processingDelay = r.measure("processing-delay", as: Time.self)
        let availability = r.measure("availability", as: Ratio.self)
        guard let id, let tier else { return nil }
        return EdgeTier(
            id: id, tier: tier, description: description, processingDelay: processingDelay,
            availability: availability)
    }

    static func link(_ r: inout MappingReader) -> Link? {
        let id = r.identifier("id")
        let from = r.identifier("from")
        let to = r.identifier("to")
        let technology = r.enumeration("technology", as: Technology.self)
        let latency = r.measure("latency", as: Time.self)
        let rate = r.measure("rate", as: DataRate.self)
        let availability = r.measure("availability", as: Ratio.self)
        let distance = r.measure("distance", as: Distance.self)
        guard let id, let from, let to, let technology, let latency, let rate else { return nil }
        return Link(
            id: id, from: from, to: to, technology: technology, latency: latency, rate: rate,
            availability: availability, distance: distance)
    }
}
