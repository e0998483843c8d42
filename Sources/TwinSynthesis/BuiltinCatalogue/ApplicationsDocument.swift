import TwinVocabulary

/// The seed's four twin applications ("DT-BAN Design from a Modeling Perspective",
/// slides 14–15) and the KPIs each evaluates. `requires` are what the application needs
/// for every device it watches; goals add KPI-specific needs (see `CapabilityDemands`).
extension BuiltinCatalogue {
    static let applications = BuiltinDocument(path: "builtin/applications.yaml", text: """
    # The seed's four twin applications and the KPIs each can evaluate.
    twin: 1
    kind: catalogue
    name: builtin-applications
    description: The four digital-twin applications of the seed talk.
    applications:
      - id: network-view
        title: Network View
        description: >-
          The live state of the BAN - topology, link quality, queues, energy - and the
          per-device KPIs as time series.
        application: network-view
        kpis: [delivery-ratio, latency, throughput, availability]
        provides: ["view:topology", "view:time-series"]
        requires: [channel, phy, mac, traffic]
        cost: 1
      - id: resilience
        title: Network Resilience Evaluation & Optimization
        description: >-
          Injects faults (device or gateway failure, link degradation, posture change,
          battery depletion), measures KPI degradation and recovery time, and finds the
          configuration that survives them.
        application: resilience
        kpis: [recovery-time, availability, delivery-ratio, latency]
        provides: ["fault-injection"]
        requires: [reliability]
        cost: 1
      - id: energy
        title: Energy Analysis
        description: >-
          Per-device energy by radio state, battery lifetime, the device that dies
          first and the knob that extends it.
        application: energy
        kpis: [lifetime, energy]
        provides: ["view:energy"]
        requires: [radio-energy, battery]
        cost: 1
      - id: security
        title: Network Security Assessment & Optimization
        description: >-
          Threat exposure under each IEEE 802.15.6 security level, detection of active
          attacks, and the cheapest protection that meets the intent.
        application: security
        kpis: [security-protect, security-detect]
        provides: ["view:exposure"]
        requires: [security-level]
        cost: 1
    """)
}
