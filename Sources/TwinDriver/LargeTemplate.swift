/// Builds a valid use-case document of roughly `approximateBytes` bytes: a ward of many
/// patients' sensors (one device block per sensor) on one phone and one bedside hub,
/// at most `maximumDevices` of them (a use case may declare at most 1,024 devices,
/// `DeclaredRanges.devices`), and the rest of the bytes as the story's bullet points.
/// Used by the test that a 5 MB template validates and by `twinc bench`, so both
/// measure the same input.
public enum LargeTemplate {
    static let maximumDevices = 1_000

    public static func make(approximateBytes: Int) -> String {
        var text = """
        twin: 1
        kind: usecase
        name: ward-scale
        title: Ward-scale stress template
        stakeholders: [Clinical engineering]
        story:
          summary: Many sensors report to the ward twin.
          points:
            - Every sensor is checked.
        %POINTS%
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
        // The placeholder line is replaced by the points, so its bytes do not count.
        let placeholder = "%POINTS%\n".utf8.count
        var devices = ""
        var index = 0
        while text.utf8.count - placeholder + devices.utf8.count + tail.utf8.count < approximateBytes, index < maximumDevices {
            index += 1
            devices += """
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
        var points = ""
        var point = 0
        while text.utf8.count - placeholder + points.utf8.count + devices.utf8.count + tail.utf8.count < approximateBytes {
            point += 1
            points += "    - Ward round note \(point) - every sensor of bed \(point % 40 + 1) reported on time and its battery is above its alarm level.\n"
        }
        text = text.replacingOccurrences(of: "%POINTS%\n", with: points) + devices
        return text + tail
    }
}
