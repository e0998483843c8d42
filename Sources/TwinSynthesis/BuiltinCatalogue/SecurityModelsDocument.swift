import TwinModels
import TwinVocabulary

/// Threat models (jamming, eavesdropping, spoofing, replay, node capture, DoS) with the
/// IEEE 802.15.6 security levels and CVSS v3.1 scoring, and attack detectors.
/// ban-numbers.md §6.
extension BuiltinCatalogue {
    /// A threat's CVSS v3.1 vector and base score as the catalogue cites them: taken from
    /// `Threat.unmitigatedVector`, the one vector the runtime's residual scores use.
    private static func cvss(_ threat: Threat) -> String {
        let vector = threat.unmitigatedVector
        return "\(vector) = \(vector.baseScore)"
    }

    static let securityModels = BuiltinDocument(path: "builtin/models-security.yaml", text: """
    # Threats, protection levels, exposure scoring and detection.
    twin: 1
    kind: catalogue
    name: builtin-models-security
    description: Threat models, IEEE 802.15.6 security levels, CVSS v3.1 exposure and detectors.
    models:
      - id: ieee802156-security-levels
        title: IEEE 802.15.6 security levels
        description: >-
          Level 0 unsecured, level 1 authentication only (MIC), level 2 authentication and
          encryption (AES-128 CCM); the level sets the frame overhead and which threats are
          mitigated.
        family: security
        kpis: [security-protect]
        provides: ["security-level"]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          IEEE Std 802.15.6-2012 security levels; Toorani, LNCS 8976 (2015), arXiv 1501.02601
          (ban-numbers.md §6)
      - id: cvss-exposure
        title: CVSS v3.1 exposure
        description: >-
          Base score of each threat under the chosen security level - ISS, impact,
          exploitability, Roundup - e.g. jamming AV:A/AC:L/A:H 6.5, eavesdropping 6.5,
          replay AV:A/AC:H/I:H 5.3, node capture AV:P 6.8.
        family: security
        kpis: [security-protect]
        provides: ["cvss", "exposure"]
        requires: ["security-level", "threat-model"]
        fidelity: [analytic]
        cost: 1
        source: >-
          FIRST CVSS v3.1 specification; MITRE Rubric for Applying CVSS to Medical Devices
          (FDA-qualified 2020) (ban-numbers.md §6, Quantitative scoring and check values)
      - id: threat-jamming
        title: Jamming (constant, random, reactive)
        description: >-
          A jammer raises the noise floor at the victim receivers during an attack window;
          countered by channel hopping, TX power control and relaying.
        family: security
        kpis: [security-detect, security-protect, delivery-ratio]
        provides: ["threat-model", "threat:jamming", "interference"]
        requires: [channel]
        fidelity: [packet, flow, analytic]
        cost: 1
        source: >-
          ban-numbers.md §6 threats table (PHY, jamming); \(cvss(.jamming))
      - id: threat-eavesdropping
        title: Eavesdropping
        description: Passive capture of frames; exposed unless level 2 encrypts the payload.
        family: security
        kpis: [security-protect]
        provides: ["threat-model", "threat:eavesdropping"]
        requires: ["security-level"]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          ban-numbers.md §6 threats table (eavesdropping, level 2 encryption); \(cvss(.eavesdropping))
      - id: threat-spoofing
        title: Spoofing and impersonation
        description: >-
          Forged frames from a fake sensor or hub; mitigated by the MIC (level 1 or 2) and
          authenticated association.
        family: security
        kpis: [security-protect, security-detect]
        provides: ["threat-model", "threat:spoofing"]
        requires: ["security-level"]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          ban-numbers.md §6 threats table (spoofing, MIC); Toorani 2015 association attacks;
          \(cvss(.spoofing))
      - id: threat-replay
        title: Replay
        description: Recorded frames re-sent later; mitigated by CCM nonces and frame counters.
        family: security
        kpis: [security-protect, security-detect]
        provides: ["threat-model", "threat:replay"]
        requires: ["security-level"]
        fidelity: [packet, flow, analytic]
        cost: 0.5
        source: >-
          ban-numbers.md §6 threats table (replay, nonces/frame counters); \(cvss(.replay))
      - id: threat-node-capture
        title: Node capture and tamper
        description: >-
          Physical capture of a device and its keys; mitigated by key refresh and
          revocation.
        family: security
        kpis: [security-protect]
        provides: ["threat-model", "threat:node-capture"]
        requires: ["security-level"]
        fidelity: [flow, analytic]
        cost: 0.5
        source: >-
          ban-numbers.md §6 threats table (node capture); \(cvss(.nodeCapture))
      - id: threat-denial-of-service
        title: Denial of service at the MAC
        description: >-
          Beacon forgery and back-off abuse that starve legitimate devices; mitigated by
          rate limits and EAP protection.
        family: security
        kpis: [security-protect, security-detect, delivery-ratio]
        provides: ["threat-model", "threat:denial-of-service"]
        requires: [mac]
        fidelity: [packet, flow, analytic]
        cost: 1
        source: >-
          ban-numbers.md §6 threats table (DoS, beacon or back-off abuse); \(cvss(.denialOfService))
      - id: jamming-detector
        title: Jamming detector (PDR / signal-strength consistency)
        description: >-
          Flags jamming when the packet delivery ratio collapses while the received signal
          strength stays high, evaluated over a sliding window of the device's packets.
        family: security
        kpis: [security-detect]
        provides: ["detect:jamming"]
        requires: ["threat:jamming", phy]
        fidelity: [packet, flow]
        cost: 1.5
        source: >-
          Xu, Trappe, Zhang, Wood, The feasibility of launching and detecting jamming attacks
          in wireless networks, ACM MobiHoc 2005; RSSI above -90 dBm gives PRR of at least 95 %
          (Xiao et al. JSAC 2009, ban-numbers.md §7)
      - id: intrusion-detector
        title: MAC intrusion detector
        description: >-
          Counts MIC failures, stale frame counters and abnormal back-off or beacon
          patterns to detect spoofing, replay, DoS and jamming.
        family: security
        kpis: [security-detect]
        provides: ["detect:spoofing", "detect:replay", "detect:denial-of-service", "detect:jamming"]
        requires: ["security-level", mac]
        fidelity: [packet]
        cost: 3
        source: >-
          IEEE Std 802.15.6-2012 CCM nonce and frame counter, MIC (ban-numbers.md §6 threats
          table countermeasures)
    """)
}
