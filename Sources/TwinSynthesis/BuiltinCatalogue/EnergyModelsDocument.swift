/// Radio energy state machines (802.15.6 NB radio of Tachtatzis, CC2420, nRF52840,
/// Castalia BANRadio, first-order radio), the Tachtatzis scheduled-access lifetime
/// model, and battery drain models (linear, Peukert). ban-numbers.md §4, §8A.
extension BuiltinCatalogue {
    static let energyModels = BuiltinDocument(path: "builtin/models-energy.yaml", text: """
    # Energy per radio state, lifetime, and battery drain.
    twin: 1
    kind: catalogue
    name: builtin-models-energy
    description: Radio energy state machines, the scheduled-access lifetime model and battery models.
    models:
      - id: tachtatzis-lifetime
        title: Tachtatzis scheduled-access lifetime model
        description: >-
          Closed-form average current of an IEEE 802.15.6 NB device in scheduled access
          per allocation interval - TX airtime of the payload, guard-time listening, two
          wake-ups, beacon and B-Ack reception, standby - and the lifetime Q / I.
        family: energy
        kpis: [lifetime, energy]
        provides: ["radio-energy", "radio-energy:ieee802156-nb", "lifetime"]
        requires: ["mac:scheduled", battery, traffic]
        validity:
          technologies: [ban-nb]
        fidelity: [analytic]
        cost: 1
        source: >-
          Tachtatzis et al. 2012 (ADHOCNETS 2011, LNICST 89) eqs. 1-3, Table 3; Tachtatzis
          2010 eqs. 1-7, 14 and Table III (ban-numbers.md §8A, reproduced to 1e-4)
      - id: energy-ieee802156-nb-radio
        title: IEEE 802.15.6 NB radio state machine
        description: >-
          Per-state draw of the NB model radio at 3 V - TX 11.3/9.0/7.5/7.0 mA at
          0/-6/-12/-18 dBm, RX 13.1 mA, RX listen 13.8 mA, sleep 0.9 uA, wake-up 8.9 mA for
          3.13 ms - integrated over the simulated state sequence.
        family: energy
        kpis: [lifetime, energy]
        provides: ["radio-energy", "radio-energy:ieee802156-nb"]
        requires: [mac]
        validity:
          technologies: [ban-nb]
        fidelity: [packet, flow]
        cost: 1.5
        source: >-
          Tachtatzis et al. 2010 Table III, 802.15.6 NB model radio (ban-numbers.md §4,
          Transceiver currents)
      - id: energy-banradio
        title: Castalia BANRadio state machine
        description: >-
          TG6 NB proposal radio - TX 3.0/2.96/2.93/2.9/2.9 mW at -10/-12/-15/-20/-25 dBm, RX
          3.1 mW, sleep 0.05 mW, 1024 kbps DQPSK or 512 kbps DBPSK.
        family: energy
        kpis: [lifetime, energy]
        provides: ["radio-energy", "radio-energy:banradio"]
        requires: [mac]
        validity:
          technologies: [ban-nb]
        fidelity: [packet, flow]
        cost: 1.5
        source: >-
          Castalia Simulations/Parameters/Radio/BANRadio.txt (ban-numbers.md §4 Transceiver
          currents, §5)
      - id: energy-cc2420
        title: CC2420 state machine
        description: >-
          TX 57.42 mW at 0 dBm down to 29.04 mW at -25 dBm, RX 62 mW, sleep 1.4 mW (datasheet
          currents x 3.3 V, as in Castalia).
        family: energy
        kpis: [lifetime, energy]
        provides: ["radio-energy", "radio-energy:cc2420"]
        requires: [mac]
        validity:
          technologies: [ieee802154]
        fidelity: [packet, flow]
        cost: 1.5
        source: >-
          Castalia Simulations/Parameters/Radio/CC2420.txt; CC2420 datasheet currents; Xiao et
          al. JSAC 2009 Table I (ban-numbers.md §4 Transceiver currents)
      - id: energy-nrf52840
        title: nRF52840 state machine
        description: >-
          DC/DC at 3 V - TX 3.83 mA at -40 dBm, 6.40 mA at 0 dBm, 16.40 mA at +8 dBm, RX 6.26
          mA (BLE 1M) - with connection-event wake-ups.
        family: energy
        kpis: [lifetime, energy]
        provides: ["radio-energy", "radio-energy:nrf52840"]
        requires: [mac]
        validity:
          technologies: [ble, ieee802154]
        fidelity: [packet, flow, analytic]
        cost: 1
        source: >-
          Nordic nRF52840 Product Specification, radio current consumption, DC/DC
          (ban-numbers.md §4 Transceiver currents)
      - id: energy-first-order
        title: First-order radio energy model
        description: >-
          E_tx(k,d) = E_elec k + eps_amp k d^2 and E_rx(k) = E_elec k with E_elec 50 nJ/bit,
          eps_amp 100 pJ/bit/m2; a coarse fallback for radios without a state table.
        family: energy
        kpis: [lifetime, energy]
        provides: ["radio-energy"]
        requires: [traffic]
        fidelity: [flow, analytic]
        cost: 2
        source: >-
          Heinzelman, Chandrakasan, Balakrishnan, HICSS 2000 (ban-numbers.md §4, First-order
          radio model)
      - id: linear-battery
        title: Linear battery
        description: An ideal coulomb counter - lifetime t = C / I, plus self-discharge.
        family: battery
        kpis: [lifetime, energy]
        provides: ["battery"]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          ns-3 energy framework BasicEnergySource (ban-numbers.md §4, Battery models)
      - id: peukert-battery
        title: Peukert battery
        description: >-
          Rate-capacity effect by Peukert's law t = H (C/(I H))^k, k about 1.0-1.3, rated at
          a 20 h discharge.
        family: battery
        kpis: [lifetime, energy]
        provides: ["battery", "battery:peukert"]
        fidelity: [packet, flow, analytic]
        cost: 0.8
        source: >-
          Peukert's law t = H (C/(I H))^k (ban-numbers.md §4, Battery models)
    """)
}
