/// Builds a valid use-case document of roughly `approximateBytes` bytes: a ward of many
/// patients' sensors (one device block per sensor) on one phone and one bedside hub.
/// Used by the test that a 5 MB template validates and by `twinc bench`, so both
/// measure the same input.
public enum LargeTemplate {
    public static func make(approximateBytes: Int) -> String {
        var text = """
        twin: 1
        kind: usecase
        name: ward-scale
        title: Ward-scale stress template
        stakeholders: [Clinical engineering]
        story:
          summary: Many sensors report to the ward twin.
          points: [Every sensor is checked.]
        requirements: [Real-time monitoring of network state]
        benefits: [Continuous monitoring and real-time insights]
        applications:
          - id: network-view
            special: [Live topology]
        network:
          devices:

        """
        let tail = """
          gateways:
            - id: phone
              kind: phone
              placement: hip-right
              technologies: [ban-nb, ble]
            - id: bedside-hub
              kind: bedside-hub
              placement: off-body
              distance: 1.5 m
              technologies: [ban-nb, ble]
          edge:
            - id: ward-mec
              tier: extreme-mec
              processing-delay: 2 ms
          links:
            - id: phone-mec
              from: phone
              to: ward-mec
              technology: wlan
              latency: 5 ms
              rate: 100 Mbps
            - id: hub-mec
              from: bedside-hub
              to: ward-mec
              technology: ethernet
              latency: 1 ms
              rate: 1 Gbps

        """
        var index = 0
        while text.utf8.count + tail.utf8.count < approximateBytes {
            index += 1
            text += """
                - id: sensor-\(index)
                  class: temperature
                  description: Skin temperature sensor number \(index), episodic class E1 reports
                  placement: upper-arm-left
                  tags: [vital, episodic]
                  radio: {profile: ieee802156-nb-2400, technology: ban-nb, band: ism-2400, tx-power: -15 dBm}
                  battery: {profile: cr2032}
                  traffic: {class: E1, sampling: 0.5 Hz}
                  priority: 5
                  gateway: {primary: phone, backup: bedside-hub}

            """
        }
        return text + tail
    }
}
