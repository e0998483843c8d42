/// Battery cell profiles. `provides: ["profile:NAME"]` links an entry to the TwinModels
/// `BatteryProfile` whose Peukert exponent and rated discharge time the twin uses.
/// ban-numbers.md §4 "Batteries".
extension BuiltinCatalogue {
    static let batteries = BuiltinDocument(path: "builtin/batteries.yaml", text: """
    # Battery cells: capacity, voltage, chemistry, self-discharge.
    twin: 1
    kind: catalogue
    name: builtin-batteries
    description: Battery cell profiles for body devices and gateways.
    batteries:
      - id: cr2032
        title: CR2032 lithium coin cell
        description: 225 mAh at 3 V, primary lithium manganese dioxide coin cell.
        capacity: 225 mAh
        voltage: 3 V
        chemistry: li-mno2
        rechargeable: false
        self-discharge: 1 %
        provides: ["profile:cr2032"]
        source: >-
          CR2032 225 mAh at 3 V, Panasonic datasheet (ban-numbers.md §4, Batteries)
      - id: coin-560
        title: 560 mAh coin cell
        description: The 560 mAh coin cell Tachtatzis et al. assume for 802.15.6 lifetimes.
        capacity: 560 mAh
        voltage: 3 V
        chemistry: li-mno2
        rechargeable: false
        provides: ["profile:coin-560mah"]
        source: >-
          560 mAh coin cell assumed by Tachtatzis et al. 2012 (ban-numbers.md §4 Batteries,
          §8A)
      - id: alkaline-aa
        title: Alkaline AA
        description: >-
          About 2.5 Ah at 1.5 V, the insulin pump's cell; strong rate-capacity effect
          (Peukert k 1.2). Placeholder capacity.
        capacity: 2500 mAh
        voltage: 1.5 V
        chemistry: alkaline
        rechargeable: false
        self-discharge: 2 %
        provides: ["profile:aa-alkaline"]
        source: >-
          Insulin pump on one AA, about 2.5 Ah, placeholder (ban-numbers.md §4, Batteries)
      - id: li-ion-300
        title: Smartwatch Li-ion cell
        description: About 300 mAh at 3.7 V, rechargeable. Placeholder capacity.
        capacity: 300 mAh
        voltage: 3.7 V
        chemistry: li-ion
        rechargeable: true
        self-discharge: 3 %
        provides: ["profile:smartwatch-liion"]
        source: >-
          Smartwatch about 300 mAh Li-ion, placeholder (ban-numbers.md §4, Batteries)
      - id: li-ion-3600
        title: VR headset Li-ion pack
        description: About 3.6 Ah at 3.7 V, rechargeable. Placeholder capacity.
        capacity: 3600 mAh
        voltage: 3.7 V
        chemistry: li-ion
        rechargeable: true
        self-discharge: 3 %
        provides: ["profile:vr-headset-liion"]
        source: >-
          VR headset about 3.6 Ah, placeholder (ban-numbers.md §4, Batteries)
      - id: pacemaker-li-i2
        title: Pacemaker lithium-iodine cell
        description: >-
          2.8 V lithium-iodine cell, about 0.9 Ah (10 uA for 10 years), under 2 % per year
          self-discharge.
        capacity: 900 mAh
        voltage: 2.8 V
        chemistry: li-iodine
        rechargeable: false
        self-discharge: 2 %
        provides: ["profile:pacemaker-li-i2"]
        source: >-
          Li/I2 pacemaker cell 2.8 V, 10-year life, under 2 %/year (PMC1502062); 0.9 Ah
          computed from 10 uA for 10 years (ban-numbers.md §4, Batteries)
      - id: castalia-2aa
        title: Castalia default 2 x AA
        description: Castalia's default node battery, 18720 J at 3 V (1733 mAh).
        capacity: 1733.3 mAh
        voltage: 3 V
        chemistry: alkaline
        rechargeable: false
        provides: ["profile:castalia-2aa"]
        source: >-
          Castalia ResourceManager initialEnergy = 18720 J (ban-numbers.md §4)
    """)
}
