/// PHY error models (DBPSK, DQPSK, GFSK/BLE, O-QPSK, wideband links) with the 802.15.6 NB
/// rate table, and MAC models (802.15.6 CSMA/CA by user priority, 802.15.6 scheduled
/// access, BLE connection events, 802.15.4 CSMA/CA). ban-numbers.md §2, §5, §8A.
extension BuiltinCatalogue {
    static let phyMacModels = BuiltinDocument(path: "builtin/models-phy-mac.yaml", text: """
    # Bit-error, airtime and medium-access models.
    twin: 1
    kind: catalogue
    name: builtin-models-phy-mac
    description: PHY error models with the IEEE 802.15.6 NB rate table, and MAC models.
    models:
      - id: phy-dbpsk
        title: IEEE 802.15.6 NB pi/2-DBPSK
        description: >-
          Differential BPSK bit-error rate BER = 0.5 exp(-(BN/R) SNR), packet success
          (1-BER)^bits; the NB rate table R = Rs log2(M)/S 51/63 (121.4, 242.9, 485.7 kbps
          at 2.4 GHz; 101.2, 202.4 kbps at 900 MHz; 75.9, 151.8 kbps in MICS).
        family: phy
        kpis: [delivery-ratio, latency, throughput]
        provides: ["phy", "phy:dbpsk"]
        validity:
          technologies: [ban-nb]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          Castalia Radio.cc DIFFBPSK formula (ban-numbers.md §5, Radio); NB rate table
          (ban-numbers.md §2, Narrowband PHY; Tachtatzis 2010 Table I)
      - id: phy-dqpsk
        title: IEEE 802.15.6 NB pi/4-DQPSK
        description: >-
          Differential QPSK bit-error rate from Castalia's 32-point table (6.0 to 12.2 dB);
          971.4 kbps at 2.4 GHz, 404.8 kbps at 900 MHz, 303.6 kbps in MICS.
        family: phy
        kpis: [delivery-ratio, latency, throughput]
        provides: ["phy", "phy:dqpsk"]
        validity:
          technologies: [ban-nb]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          Castalia Radio.cc DIFFQPSK lookup table (ban-numbers.md §5 Radio and §8D); NB rate
          table (ban-numbers.md §2, Narrowband PHY)
      - id: phy-gfsk-ble
        title: BLE LE 1M GFSK
        description: >-
          Non-coherent FSK bit-error rate BER = 0.5 exp(-0.5 (BN/R) SNR) at 1 Mbps; LE 1M
          packet airtime (preamble, access address, header, payload, MIC, CRC).
        family: phy
        kpis: [delivery-ratio, latency, throughput]
        provides: ["phy", "phy:gfsk"]
        validity:
          technologies: [ble]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          Castalia Radio.cc FSK formula (ban-numbers.md §5, Radio); Bluetooth Core
          Specification v5.x Vol 6 Part B §2.1 (LE 1M packet format)
      - id: phy-oqpsk-802154
        title: IEEE 802.15.4 2.4 GHz O-QPSK
        description: >-
          Coherent PSK bit-error rate BER = 0.5 erfc(sqrt(SNR BN/R)) at 250 kbps with 6
          octets of PHY overhead per frame (CC2420-class radios).
        family: phy
        kpis: [delivery-ratio, latency, throughput]
        provides: ["phy", "phy:oqpsk"]
        validity:
          technologies: [ieee802154]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          Castalia Radio.cc PSK formula (ban-numbers.md §5, Radio); IEEE Std 802.15.4-2006
          §6.3 and §6.5
      - id: wideband-link
        title: Wideband link (WLAN, mmWave) as a rate-limited queue
        description: >-
          Links that are not body-area radios (802.11ax WLAN, 60 GHz mmWave, cellular,
          Ethernet) as an M/D/1 queue at the radio's PHY rate with the channel model's
          packet error rate; carries both PHY and MAC.
        family: phy
        kpis: [delivery-ratio, latency, throughput]
        provides: ["phy", "phy:wideband", "mac", "mac:wideband"]
        validity:
          technologies: [wlan, mmwave, sub-thz, cellular, ethernet]
        fidelity: [packet, flow, analytic]
        cost: 1
        source: >-
          Pollaczek-Khinchine M/D/1 mean wait W = rho/(2 mu (1-rho)) (Kleinrock, Queueing
          Systems I, 1975, §5.7); video/VR QoS row of Cavallari et al., IEEE COMST 2014
          (ban-numbers.md §3)
      - id: ieee802156-mac
        title: IEEE 802.15.6 CSMA/CA by user priority
        description: >-
          Beacon-mode superframes with contention in the random-access phase: CWmin/CWmax by
          user priority (16/64 for UP0 down to 1/4 for UP7), CW doubled after every second
          failure; Castalia BaselineBANMac defaults (10 ms slots, 32-slot beacon period,
          RAP1 of 8 slots, 2 tries).
        family: mac
        kpis: [delivery-ratio, latency, throughput]
        provides: ["mac", "mac:csma-ca", "mac:ieee802156"]
        requires: [phy]
        validity:
          technologies: [ban-nb]
        fidelity: [packet, flow]
        cost: 2
        source: >-
          Castalia BaselineBANMac.h CWmin/CWmax and BaselineBANMac.ned parameters
          (ban-numbers.md §2 Contention, §5 BaselineBANMac parameters); IEEE Std 802.15.6-2012
      - id: ieee802156-scheduled-access
        title: IEEE 802.15.6 scheduled (m-periodic) access
        description: >-
          Allocation slots of (1+L) ms, nSlots per superframe, one allocation every m
          superframes; worst-case latency is the allocation interval P = m nSlots Tslot.
        family: mac
        kpis: [latency, lifetime, energy, delivery-ratio]
        provides: ["mac", "mac:scheduled", "mac:ieee802156"]
        requires: [phy]
        validity:
          technologies: [ban-nb]
        fidelity: [packet, flow, analytic]
        cost: 1.5
        source: >-
          Tachtatzis et al. 2012 (ADHOCNETS 2011, LNICST 89) eqs. 1-3 and Table 3; allocation
          slots Tslot = 1 ms + L ms (ban-numbers.md §2 MAC and §8A)
      - id: ble-connection-events
        title: BLE connection events
        description: >-
          The peripheral wakes at each connection event (interval 7.5 ms to 4 s in 1.25 ms
          steps), exchanges data and empty packets separated by T_IFS = 150 us, and
          sleeps; worst-case wait (1 + latency) x interval.
        family: mac
        kpis: [latency, lifetime, energy, delivery-ratio, throughput]
        provides: ["mac", "mac:ble"]
        requires: [phy]
        validity:
          technologies: [ble]
        fidelity: [packet, flow, analytic]
        cost: 1
        source: >-
          Bluetooth Core Specification v5.x Vol 6 Part B §4.5.1-4.5.2 (connection events) and
          §4.1 (T_IFS)
      - id: ieee802154-csma
        title: IEEE 802.15.4 unslotted CSMA/CA
        description: >-
          Binary exponential backoff (macMinBE 3, macMaxBE 5, 4 backoffs) with 320 us
          backoff periods and CCA, for CC2420-class sensors.
        family: mac
        kpis: [delivery-ratio, latency, throughput]
        provides: ["mac", "mac:csma-ca"]
        requires: [phy]
        validity:
          technologies: [ieee802154]
        fidelity: [packet, flow]
        cost: 1.5
        source: >-
          IEEE Std 802.15.4-2006 §7.5.1.4 CSMA-CA algorithm; Castalia's 802.15.4 MAC
          comparisons (ban-numbers.md §5)
    """)
}
