/// Traffic models: ISO/IEEE 11073 classes (Tachtatzis 2012 Table 1), per-sensor rates
/// (Latré 2011 Table 1), streams (Cavallari 2014), Poisson alarms; and the edge tier's
/// processing. ban-numbers.md §3.
extension BuiltinCatalogue {
    static let trafficModels = BuiltinDocument(path: "builtin/models-traffic.yaml", text: """
    # What devices send, and how the edge processes it.
    twin: 1
    kind: catalogue
    name: builtin-models-traffic
    description: Traffic models per ISO/IEEE 11073 class and per sensor, and edge processing.
    models:
      - id: traffic-ieee11073
        title: ISO/IEEE 11073 traffic classes
        description: >-
          Periodic traffic by class - A1/A2 alarms (64 B, 200 ms / 3 s), B patient state,
          C watchdog (64 B per hour, 60 s), D reminders (1632 B), E1/E2 episodic vitals
          (20 B per parameter at 0.5 / 5 Hz, 3 s), F1/F2/F3 ECG (2.4 / 10 / 72 kbps, 300 ms),
          F4/F5 ventilator and SpO2 waveforms (60 / 120 bps, 300 ms).
        family: traffic
        kpis: [delivery-ratio, latency, throughput, lifetime, energy]
        provides: ["traffic", "traffic:ieee11073"]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          Tachtatzis et al. 2012 Table 1, ISO/IEEE 11073 classes (ban-numbers.md §3,
          Application traffic requirements)
      - id: traffic-sensor
        title: Per-sensor constant-rate traffic
        description: >-
          Constant bit rate at the sensor's data rate and packet size - ECG 12 leads 288
          kbps, 6 leads 71 kbps, EMG 320 kbps, EEG 43.2 kbps, SpO2 16 bps, glucose 1600 bps,
          temperature 120 bps, motion 35 kbps, voice 50-100 kbps.
        family: traffic
        kpis: [delivery-ratio, latency, throughput, lifetime, energy]
        provides: ["traffic", "traffic:sensor"]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          Latré et al., A survey on WBAN, Wireless Networks 2011, Table 1 (ban-numbers.md §3,
          Sensor data rates)
      - id: traffic-stream
        title: Audio, video and AR/VR streams
        description: >-
          Frame-paced streams for glasses and headsets - video and VR under 10 Mbps with
          under 100 ms latency, audio about 1 Mbps with under 20 ms.
        family: traffic
        kpis: [throughput, latency, delivery-ratio, lifetime, energy]
        provides: ["traffic", "traffic:stream"]
        validity:
          technologies: [wlan, mmwave, sub-thz, cellular]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          Cavallari et al., IEEE COMST 16(3) 2014, QoS targets table, audio and video/VR rows
          (ban-numbers.md §3)
      - id: traffic-alarm-poisson
        title: Poisson alarms
        description: >-
          Alarms at exponentially distributed intervals (the device's mean alarm interval),
          64 B each, sent at user priority 7.
        family: traffic
        kpis: [delivery-ratio, latency]
        provides: ["traffic:alarm"]
        fidelity: [packet, flow, analytic]
        cost: 0.3
        source: >-
          Tachtatzis et al. 2012 Table 1, classes A1/A2 (64 B per alarm) (ban-numbers.md §3)
      - id: edge-processing
        title: Edge tier processing and backhaul
        description: >-
          Gateway to edge links with their latency, rate and availability from the use case,
          and a deterministic per-message processing delay at each tier (M/D/1 service).
        family: compute
        kpis: [latency, delivery-ratio, availability]
        provides: ["compute"]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          Pollaczek-Khinchine M/D/1 (Kleinrock, Queueing Systems I, 1975, §5.7); link and
          processing figures from the use case
    """)
}
