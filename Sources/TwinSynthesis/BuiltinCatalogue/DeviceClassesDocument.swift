/// The built-in device classes (docs/documents.md lists them) with default placement,
/// radio, battery, traffic and user priority. Traffic defaults follow ban-numbers.md §3.
extension BuiltinCatalogue {
    static let deviceClasses = BuiltinDocument(path: "builtin/device-classes.yaml", text: """
    # Device classes and their defaults.
    twin: 1
    kind: catalogue
    name: builtin-device-classes
    description: Body devices of the seed's use cases.
    device-classes:
      - id: ecg-patch
        title: ECG patch
        description: Chest ECG patch, 3-lead waveform (ISO/IEEE 11073 class F1).
        placements: [chest]
        traffic: {class: F1, packet-size: 64 B}
        radio: ieee802156-nb-2400
        battery: coin-560
        priority: 6
      - id: temperature
        title: Temperature sensor
        description: Skin temperature, episodic (class E1).
        placements: [chest, upper-arm-left, upper-arm-right, wrist-left, wrist-right, ear-left, ear-right]
        traffic: {class: E1, sampling: 0.5 Hz}
        radio: ieee802156-nb-2400
        battery: cr2032
        priority: 5
      - id: blood-pressure
        title: Blood-pressure sensor
        description: Cuff or cuff-less blood pressure, episodic (class E1).
        placements: [upper-arm-left, upper-arm-right, wrist-left, wrist-right]
        traffic: {class: E1, sampling: 0.5 Hz}
        radio: ieee802156-nb-2400
        battery: cr2032
        priority: 5
      - id: pulse-oximeter
        title: Pulse oximeter
        description: SpO2 waveform (class F5).
        placements: [wrist-left, wrist-right, hand-left, hand-right, ear-left, ear-right]
        traffic: {class: F5, packet-size: 32 B}
        radio: ieee802156-nb-2400
        battery: cr2032
        priority: 6
      - id: insulin-pump
        title: Insulin pump
        description: Insulin pump with episodic status (class E1) and emergency alarms.
        placements: [abdomen, waist, hip-left, hip-right, upper-arm-left, upper-arm-right]
        traffic: {class: E1, sampling: 0.5 Hz, alarm-interval: 6 h}
        radio: ieee802156-nb-2400
        battery: alkaline-aa
        priority: 7
      - id: glucose
        title: Continuous glucose monitor
        description: Glucose sensor, 1600 bps with 16-bit samples.
        placements: [abdomen, upper-arm-left, upper-arm-right]
        traffic: {rate: 1600 bps, packet-size: 64 B}
        radio: ieee802156-nb-2400
        battery: cr2032
        priority: 6
      - id: smartwatch
        title: Smartwatch
        description: Wrist-worn consumer device reporting activity and heart-rate summaries over BLE.
        placements: [wrist-left, wrist-right]
        traffic: {rate: 1 kbps, packet-size: 20 B}
        radio: nrf52840-ble
        battery: li-ion-300
        priority: 3
      - id: ar-glasses
        title: AR glasses
        description: Augmented-reality glasses with a video stream over WLAN.
        placements: [head]
        traffic: {rate: 8 Mbps, packet-size: 1400 B, latency: 100 ms}
        radio: wlan-ax-wearable
        priority: 4
      - id: vr-glasses
        title: VR glasses
        description: Virtual-reality headset with rendered scenes over 60 GHz.
        placements: [head]
        traffic: {rate: 8 Mbps, packet-size: 1400 B, latency: 20 ms}
        radio: mmwave-60-headset
        battery: li-ion-3600
        priority: 4
      - id: smart-tshirt
        title: Smart T-shirt
        description: Garment with ECG and respiration electrodes (class F1).
        placements: [chest, back, abdomen]
        traffic: {class: F1, packet-size: 64 B}
        radio: ieee802156-nb-2400
        priority: 6
      - id: microphone
        title: Microphone
        description: Throat or collar microphone for voice, 50-100 kbps.
        placements: [head, chest]
        traffic: {rate: 64 kbps, packet-size: 160 B, latency: 20 ms}
        radio: nrf52840-ble
        priority: 4
      - id: motion
        title: Motion sensor (IMU)
        description: Inertial sensor for gait, falls and man-down detection, 35 kbps raw.
        placements: [ankle-left, ankle-right, wrist-left, wrist-right, waist, thigh-left, thigh-right, chest]
        traffic: {rate: 35 kbps, packet-size: 128 B, sampling: 100 Hz}
        radio: ieee802156-nb-2400
        battery: cr2032
        priority: 5
      - id: gaming-controller
        title: Gaming controller
        description: Hand-held controller with high-rate input reports over BLE.
        placements: [hand-left, hand-right]
        traffic: {rate: 64 kbps, packet-size: 32 B, sampling: 250 Hz, latency: 8 ms}
        radio: nrf52840-ble
        priority: 5
      - id: pacemaker
        title: Pacemaker
        description: Implanted pacemaker reporting events over the MICS band.
        placements: [in-body]
        traffic: {class: C, alarm-interval: 24 h}
        radio: ieee802156-nb-402
        battery: pacemaker-li-i2
        priority: 7
        implantable: true
      - id: eeg-headband
        title: EEG headband
        description: 12-lead EEG at 43.2 kbps.
        placements: [head]
        traffic: {rate: 43.2 kbps, packet-size: 128 B}
        radio: ieee802156-nb-2400
        battery: cr2032
        priority: 5
    """)
}
