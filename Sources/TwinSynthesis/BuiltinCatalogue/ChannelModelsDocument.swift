/// Channel and body-mobility models: IEEE 802.15.6 CM3 (on-body) and CM2 (implant),
/// Castalia's measured on-body map, posture/mobility fading, off-body log-distance.
/// Numbers and their provenance: ban-numbers.md §1, §5, §7.
extension BuiltinCatalogue {
    static let channelModels = BuiltinDocument(path: "builtin/models-channel.yaml", text: """
    # Path loss and fading between a body device and its gateway.
    twin: 1
    kind: catalogue
    name: builtin-models-channel
    description: Channel models for on-body, in-body and off-body links, and body-motion fading.
    models:
      - id: ieee802156-cm3-channel
        title: IEEE 802.15.6 CM3 on-body path loss
        description: >-
          Body surface to body surface path loss PL(d) = a log10(d) + b + N with d in mm
          and N ~ N(0, sigmaN); hospital-room rows at 900 MHz (a 15.5, b 5.38, sigma 5.35)
          and 2.4 GHz (a 6.6, b 36.1, sigma 3.8).
        family: channel
        kpis: [delivery-ratio, latency, availability]
        provides: ["channel", "channel:on-body"]
        validity:
          bands: [nb-868, nb-915, nb-950, nb-2360, ism-2400]
          bodies: [on-body]
        fidelity: [packet, flow, analytic]
        cost: 1
        source: >-
          IEEE P802.15-08-0780 TG6 channel model, CM3 (Dolmans & Fort, IEEE 802.15-08-0418):
          900 MHz row verified, 2.4 GHz row widely reproduced (ban-numbers.md §1, CM3 table)
      - id: ieee802156-cm2-implant
        title: IEEE 802.15.6 CM2 implant path loss
        description: >-
          Implant to body surface path loss in the MICS band, PL(d) = PL(d0) + 10 n
          log10(d/d0) + S with d0 = 50 mm; deep tissue PL(d0) 47.14 dB, n 4.26, sigma 7.85 dB.
        family: channel
        kpis: [delivery-ratio, latency, availability]
        provides: ["channel", "channel:in-body"]
        validity:
          bands: [mics-402]
          bodies: [in-body]
        fidelity: [packet, flow, analytic]
        cost: 1
        source: >-
          Sayrafian-Pour, Yang, Hagedorn, Terrill, Yazdandoost, IEEE PIMRC 2009, Table 1, deep
          tissue to body surface (ban-numbers.md §1, in-body CM1/CM2 table)
      - id: castalia-pathloss-map
        title: Castalia measured on-body path-loss map
        description: >-
          Average path loss between six on-body positions measured by NICTA (right hip,
          wrists, ankles, chest hub), as shipped with Castalia's BAN simulations. Valid only
          when both ends sit at mapped positions.
        family: channel
        kpis: [delivery-ratio, latency, availability]
        provides: ["channel", "channel:on-body"]
        validity:
          bands: [nb-2360, ism-2400]
          bodies: [on-body]
          placements: [chest, hip-right, wrist-left, wrist-right, ankle-left, ankle-right]
        fidelity: [packet, flow, analytic]
        cost: 0.8
        source: >-
          Castalia Simulations/Parameters/WirelessChannel/BANmodels/pathLossMap.txt, NICTA
          measurements (ban-numbers.md §1, Castalia's measured on-body map)
      - id: log-distance-offbody
        title: Log-distance off-body path loss
        description: >-
          Log-normal shadowing PL(d) = PLd0 + 10 eta log10(d/d0) + X for links that leave
          the body (device to an off-body hub, gateway to edge); PLd0 55 dB at 1 m, eta 2.4,
          sigma 4 dB, bidirectional sigma 1 dB.
        family: channel
        kpis: [delivery-ratio, latency, availability, throughput]
        provides: ["channel", "channel:off-body"]
        validity:
          bodies: [off-body]
        fidelity: [packet, flow, analytic]
        cost: 1
        source: >-
          Castalia WirelessChannel.ned lognormal defaults, user manual §4.1 (ban-numbers.md §5,
          Channel); along-torso variant PL0 35.2 dB, n 3.11 (Reusens et al. 2009, §1)
      - id: posture-fading
        title: Posture and mobility fading
        description: >-
          The wearer's activity (the use case's or intent's `activity:` profile, from
          published time budgets) as a posture Markov chain; each posture bout draws a body
          shadow, and a fast fade with the posture's coherence time (Castalia's NICTA
          distribution while moving, a mild lognormal at rest) moves every link, correlated
          across the wearer's links.
        family: mobility
        kpis: [delivery-ratio, availability, recovery-time]
        provides: ["mobility", "fading"]
        requires: [channel]
        validity:
          bodies: [on-body, off-body]
        fidelity: [packet, flow, analytic]
        cost: 2
        source: >-
          Castalia/NICTA TemporalModel.txt; Smith et al. Electron. Lett. 45(24) 2009 (coherence
          20-70 ms moving); Smith et al. IEEE TAP 59(11) 2011 (sleep outage); Pedersen et al.
          J Gerontol A 2013 and Chappel et al. IJERPH 2016 (time budgets) (docs/sources-radio.md §1-2)
      - id: castalia-temporal-fading
        title: Castalia temporal fading
        description: >-
          Castalia's measured temporal model: 129 quantised fade pdfs indexed by the last
          fade (-31 to +11 dB) and the time since it was drawn; packet level only.
        family: mobility
        kpis: [delivery-ratio, availability]
        provides: ["fading"]
        requires: [channel]
        validity:
          bands: [nb-2360, ism-2400]
          bodies: [on-body]
        fidelity: [packet]
        cost: 3
        source: >-
          Castalia temporalModelParametersFile (ban-numbers.md §5, Temporal model)
    """)
}
