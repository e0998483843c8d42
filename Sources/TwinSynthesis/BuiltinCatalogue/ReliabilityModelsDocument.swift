/// Failure models: exponential and Weibull component failures, battery depletion as a
/// failure, gateway loss with fail-over. ban-numbers.md §7 (Zhao & Xing, RESS 2023).
extension BuiltinCatalogue {
    static let reliabilityModels = BuiltinDocument(path: "builtin/models-reliability.yaml", text: """
    # Component failures, battery depletion and gateway fail-over.
    twin: 1
    kind: catalogue
    name: builtin-models-reliability
    description: Failure and recovery models for devices, batteries and gateways.
    models:
      - id: exponential-failure
        title: Exponential component failures
        description: >-
          Constant failure rate per component (sensor, radio, MCU, gateway) with repair;
          availability A = MTBF / (MTBF + MTTR); evaluated as a CTMC or by injection.
        family: reliability
        kpis: [availability, recovery-time]
        provides: ["reliability", "failure:device", "failure:gateway"]
        fidelity: [packet, flow, analytic]
        cost: 1
        source: >-
          Zhao & Xing, Reliability Engineering & System Safety 236:109305 (2023), exponential
          component failures and CTMC evaluation (ban-numbers.md §7, Node failure)
      - id: weibull-failure
        title: Weibull component failures
        description: >-
          Wear-out failures with a Weibull time to failure (shape above 1), sampled per
          component; simulation only.
        family: reliability
        kpis: [availability, recovery-time]
        provides: ["reliability", "failure:device", "failure:gateway"]
        fidelity: [packet, flow]
        cost: 1.5
        source: >-
          Zhao & Xing, RESS 236:109305 (2023), Weibull component failures (ban-numbers.md §7,
          Node failure)
      - id: battery-depletion
        title: Battery depletion as a failure
        description: >-
          A device fails when its battery is empty; network lifetime is the time until the
          first device dies.
        family: reliability
        kpis: [lifetime, availability]
        provides: ["failure:battery"]
        requires: [battery, radio-energy]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          ban-numbers.md §7, suggested runtime model (battery depletion as a failure, network
          lifetime = time until the first node dies)
      - id: gateway-failover
        title: Gateway loss and fail-over
        description: >-
          A gateway fails; its devices detect the loss after missed beacons or a supervision
          timeout, re-associate with their backup gateway and resume; recovery time is
          detection plus association.
        family: reliability
        kpis: [recovery-time, availability, delivery-ratio]
        provides: ["failover", "failure:gateway"]
        requires: [reliability, mac]
        fidelity: [packet, flow, analytic]
        cost: 1.5
        source: >-
          Zhao & Xing, RESS 236:109305 (2023), relay functional dependence (ban-numbers.md §7);
          BLE supervision timeout, Bluetooth Core v5.x Vol 6 Part B §4.5.2
    """)
}
