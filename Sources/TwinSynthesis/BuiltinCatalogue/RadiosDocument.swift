/// Radio profiles the templates name. `provides: ["profile:NAME"]` links an entry to the
/// TwinModels `RadioCatalogue` profile whose TX-level table the twin uses; `requires`
/// names the PHY, MAC and energy models a device with this radio needs whenever the
/// plan models that family for it. Currents: ban-numbers.md §4.
extension BuiltinCatalogue {
    static let radios = BuiltinDocument(path: "builtin/radios.yaml", text: """
    # Radio profiles: technology, bands, TX range, currents, sensitivity and PHY rate.
    twin: 1
    kind: catalogue
    name: builtin-radios
    description: Radio profiles of body-area and wearable radios.
    radios:
      - id: ieee802156-nb-2400
        title: IEEE 802.15.6 NB radio, 2.4 GHz (Tachtatzis model radio)
        description: >-
          The NB model radio of Tachtatzis et al. at 3 V in the 2.4 GHz band, pi/4-DQPSK at
          971.4 kbps; TX levels 0/-6/-12/-18 dBm.
        technology: ban-nb
        bands: [ism-2400, nb-2360]
        tx-power-min: -18 dBm
        tx-power-max: 0 dBm
        tx-current: 11.3 mA
        rx-current: 13.1 mA
        sleep-current: 0.9 uA
        voltage: 3 V
        sensitivity: -87 dBm
        data-rate: 971.4 kbps
        provides: ["profile:ieee802156-nb"]
        requires: ["phy:dqpsk", "mac:ieee802156", "radio-energy:ieee802156-nb"]
        source: >-
          Tachtatzis et al. 2010 Table III currents (ban-numbers.md §4 Transceiver currents);
          971.4 kbps from the NB rate table (§2); sensitivity from Castalia BANRadio.txt (§5)
      - id: ieee802156-nb-900
        title: IEEE 802.15.6 NB radio, 900 MHz
        description: >-
          The same NB radio in the 902-928 MHz band, pi/4-DQPSK at 404.8 kbps; currents as
          the 2.4 GHz model radio (an assumption - Table III gives one radio).
        technology: ban-nb
        bands: [nb-915, nb-868, nb-950]
        tx-power-min: -18 dBm
        tx-power-max: 0 dBm
        tx-current: 11.3 mA
        rx-current: 13.1 mA
        sleep-current: 0.9 uA
        voltage: 3 V
        sensitivity: -87 dBm
        data-rate: 404.8 kbps
        provides: ["profile:ieee802156-nb"]
        requires: ["phy:dqpsk", "mac:ieee802156", "radio-energy:ieee802156-nb"]
        source: >-
          NB rate table, 863-958 MHz row (ban-numbers.md §2); currents of Tachtatzis 2010
          Table III (§4) assumed for this band
      - id: ieee802156-nb-402
        title: IEEE 802.15.6 NB implant radio, MICS 402-405 MHz
        description: >-
          MICS-band NB radio for implants, pi/4-DQPSK at 303.6 kbps; currents as the model
          radio (an assumption).
        technology: ban-nb
        bands: [mics-402]
        tx-power-min: -18 dBm
        tx-power-max: 0 dBm
        tx-current: 11.3 mA
        rx-current: 13.1 mA
        sleep-current: 0.9 uA
        voltage: 3 V
        sensitivity: -87 dBm
        data-rate: 303.6 kbps
        provides: ["profile:ieee802156-nb"]
        requires: ["phy:dqpsk", "mac:ieee802156", "radio-energy:ieee802156-nb"]
        source: >-
          NB rate table, 402-405 MHz row (ban-numbers.md §2); currents of Tachtatzis 2010
          Table III (§4) assumed for this band
      - id: castalia-banradio
        title: Castalia BANRadio (TG6 NB proposal)
        description: >-
          TX 3.0 to 2.9 mW at -10 to -25 dBm, RX 3.1 mW, sleep 0.05 mW; 1024 kbps DQPSK
          (sensitivity -87 dBm) or 512 kbps DBPSK (-91 dBm); 3 V supply assumed.
        technology: ban-nb
        bands: [ism-2400, nb-2360]
        tx-power-min: -25 dBm
        tx-power-max: -10 dBm
        tx-current: 1 mA
        rx-current: 1.0333 mA
        sleep-current: 16.67 uA
        voltage: 3 V
        sensitivity: -87 dBm
        data-rate: 1024 kbps
        provides: ["profile:castalia-banradio"]
        requires: ["phy:dqpsk", "mac:ieee802156", "radio-energy:banradio"]
        source: >-
          Castalia Simulations/Parameters/Radio/BANRadio.txt (ban-numbers.md §4 Transceiver
          currents, §5); currents are powers / 3 V
      - id: cc2420
        title: TI CC2420 (IEEE 802.15.4)
        description: >-
          250 kbps O-QPSK; TX 17.4 mA at 0 dBm, RX 18.8 mA at 3.3 V; eight PA levels from 0
          to -25 dBm.
        technology: ieee802154
        bands: [ism-2400]
        tx-power-min: -25 dBm
        tx-power-max: 0 dBm
        tx-current: 17.4 mA
        rx-current: 18.8 mA
        sleep-current: 424 uA
        voltage: 3.3 V
        sensitivity: -95 dBm
        data-rate: 250 kbps
        provides: ["profile:cc2420"]
        requires: ["phy:oqpsk", "radio-energy:cc2420"]
        source: >-
          Castalia CC2420.txt and CC2420 datasheet currents (ban-numbers.md §4 Transceiver
          currents); sleep 1.4 mW / 3.3 V
      - id: nrf52840-ble
        title: Nordic nRF52840, BLE 1M (DC/DC)
        description: >-
          BLE LE 1M at 1 Mbps; TX 3.83 mA at -40 dBm, 6.40 mA at 0 dBm, 16.40 mA at +8 dBm,
          RX 6.26 mA, DC/DC regulator at 3 V.
        technology: ble
        bands: [ism-2400]
        tx-power-min: -40 dBm
        tx-power-max: 8 dBm
        tx-current: 16.4 mA
        rx-current: 6.26 mA
        sleep-current: 1.5 uA
        voltage: 3 V
        sensitivity: -95 dBm
        data-rate: 1 Mbps
        provides: ["profile:nrf52840-dcdc"]
        requires: ["phy:gfsk", "mac:ble", "radio-energy:nrf52840"]
        source: >-
          Nordic nRF52840 Product Specification, radio current consumption, DC/DC
          (ban-numbers.md §4 Transceiver currents); sleep and sensitivity are placeholders
      - id: nrf52840-802154
        title: Nordic nRF52840, IEEE 802.15.4 (DC/DC)
        description: 802.15.4 O-QPSK at 250 kbps on the nRF52840; RX 6.53 mA.
        technology: ieee802154
        bands: [ism-2400]
        tx-power-min: -40 dBm
        tx-power-max: 8 dBm
        tx-current: 16.4 mA
        rx-current: 6.53 mA
        sleep-current: 1.5 uA
        voltage: 3 V
        sensitivity: -100 dBm
        data-rate: 250 kbps
        provides: ["profile:nrf52840-dcdc"]
        requires: ["phy:oqpsk", "radio-energy:nrf52840"]
        source: >-
          Nordic nRF52840 Product Specification, radio current consumption, 802.15.4 RX 6.53 mA
          (ban-numbers.md §4 Transceiver currents)
      - id: wlan-ax-wearable
        title: Wi-Fi 6 (802.11ax) wearable client
        description: >-
          One spatial stream, 80 MHz, HE-MCS 11 (600.5 Mbps) in the 5 GHz band. Currents are
          order-of-magnitude placeholders for wearable Wi-Fi 6 SoCs.
        technology: wlan
        bands: [wlan-5000, ism-2400]
        tx-power-min: 0 dBm
        tx-power-max: 20 dBm
        tx-current: 280 mA
        rx-current: 60 mA
        sleep-current: 100 uA
        voltage: 3.3 V
        sensitivity: -65 dBm
        data-rate: 600.5 Mbps
        requires: ["phy:wideband", "mac:wideband"]
        source: >-
          IEEE Std 802.11ax-2021 HE-MCS table (MCS 11, 1 SS, 80 MHz, 0.8 us GI = 600.5 Mbps);
          currents are placeholders, not from a read datasheet (ban-numbers.md §3 video row)
      - id: mmwave-60-headset
        title: 60 GHz (802.11ad) headset link
        description: >-
          Single-carrier 802.11ad at SC-MCS 12 (4.62 Gbps) for tethered-quality VR
          over the air. Currents are order-of-magnitude placeholders.
        technology: mmwave
        bands: [mmwave-60]
        tx-power-min: 0 dBm
        tx-power-max: 20 dBm
        tx-current: 400 mA
        rx-current: 350 mA
        sleep-current: 1 mA
        voltage: 3.3 V
        sensitivity: -53 dBm
        data-rate: 4.62 Gbps
        requires: ["phy:wideband", "mac:wideband"]
        source: >-
          IEEE Std 802.11ad-2012 SC-MCS 12 (4620 Mbps); currents are placeholders, not from a
          read datasheet (ban-numbers.md §3 video/VR row)
    """)
}
