import Foundation
import Testing
import TwinUnits
@testable import TwinModels
import TwinVocabulary

@Suite("Channel, posture and link budget (ban-numbers.md §1, §5, §7)")
struct ChannelTests {
    @Test("CM3 900 MHz at 100 mm: 15.5·2 + 5.38 = 36.38 dB; shadowing adds σ·z")
    func cm3() {
        let model = OnBodyCM3.hospital900MHz
        #expect(isClose(model.meanLoss(at: .millimeters(100)).dB, 36.38, absolute: 1e-9))
        #expect(isClose(model.loss(at: .millimeters(100), standardNormal: 1).dB, 36.38 + 5.35, absolute: 1e-9))
        #expect(isClose(OnBodyCM3.anechoic2400MHz.meanLoss(at: .millimeters(1000)).dB, 29.3 * 3 - 16.8, absolute: 1e-9))
        #expect(OnBodyCM3.all.count == 5)
    }

    @Test("CM2 deep tissue → body surface: 47.14 dB at 50 mm, +42.6·log10(2) at 100 mm")
    func cm2() {
        let model = InBodyCM2.deepTissueToBodySurface
        #expect(isClose(model.meanLoss(at: .millimeters(50)).dB, 47.14, absolute: 1e-9))
        #expect(isClose(model.meanLoss(at: .millimeters(100)).dB, 47.14 + 42.6 * log10(2), absolute: 1e-9))
        #expect(InBodyCM2.all.map(\.exponent) == [6.26, 4.99, 4.26, 4.22])
    }

    @Test("log-distance: Castalia default 55 dB at 1 m, 79 dB at 10 m")
    func logDistance() {
        let model = LogDistancePathLoss.castaliaDefault
        #expect(isClose(model.meanLoss(at: .meters(1)).dB, 55, absolute: 1e-9))
        #expect(isClose(model.meanLoss(at: .meters(10)).dB, 79, absolute: 1e-9))
        #expect(model.shadowingSigma.dB == 4)
    }

    @Test("Castalia path-loss map is symmetric and matches the file")
    func castaliaMap() {
        #expect(CastaliaPathLossMap.averageLoss(.rightHip, .leftWrist)?.dB == 56)
        #expect(CastaliaPathLossMap.averageLoss(.rightHip, .rightWrist)?.dB == 40)
        #expect(CastaliaPathLossMap.averageLoss(.leftAnkle, .rightAnkle)?.dB == 50)
        #expect(CastaliaPathLossMap.averageLoss(.chest, .rightAnkle)?.dB == 63)
        #expect(CastaliaPathLossMap.averageLoss(.chest, .chest) == nil)
        for a in CastaliaBodyPosition.allCases {
            for b in CastaliaBodyPosition.allCases where a != b {
                #expect(CastaliaPathLossMap.averageLoss(a, b) == CastaliaPathLossMap.averageLoss(b, a))
            }
        }
        #expect(CastaliaPathLossMap.instantaneousLoss(.chest, .leftWrist, fade: Decibels(dB: -10))?.dB == 71)
    }

    @Test("posture extra loss follows the W/2, W/4 derivation")
    func posture() {
        #expect(Posture.walking.meanExtraLoss.dB == 15)
        #expect(Posture.walking.shadowingSigma.dB == 7.5)
        #expect(Posture.running.meanExtraLoss.dB == 21)
        #expect(Posture.standing.extraLoss(standardNormal: 2).dB == 0)
        #expect(Posture.sitting.extraLoss(standardNormal: -3).dB == 0)
    }

    @Test("posture chain: generator rows sum to 0, stationary distribution sums to 1, draws are deterministic")
    func postureChain() throws {
        let chain = PostureChain.wakingDay
        for row in chain.generator { #expect(isClose(row.reduce(0, +), 0, absolute: 1e-15)) }
        let pi = try chain.stationaryDistribution()
        #expect(isClose(pi.values.reduce(0, +), 1, absolute: 1e-12))
        // πQ = 0.
        let q = chain.generator
        let vector = Posture.allCases.map { pi[$0] ?? 0 }
        for column in 0..<q.count {
            let flow = (0..<q.count).reduce(0.0) { $0 + vector[$1] * q[$1][column] }
            #expect(isClose(flow, 0, absolute: 1e-15))
        }
        #expect(chain.nextPosture(from: .standing, uniform: 0.0) == .sitting)
        #expect(chain.nextPosture(from: .standing, uniform: 0.45) == .walking)
        #expect(chain.nextPosture(from: .standing, uniform: 0.999) == .lying)
        #expect(isClose(chain.dwellTime(in: .walking, uniform: 1 - exp(-1)).si, 480, relative: 1e-12))
    }

    @Test("outage Φ((S − P̄rx)/σ): equal levels give 0.5, one σ of margin gives 0.1587")
    func outage() {
        let s = PowerLevel(dBm: -87)
        #expect(isClose(LinkBudget.outageProbability(meanReceived: s, sensitivity: s, sigma: Decibels(dB: 5)), 0.5, absolute: 1e-15))
        let p = LinkBudget.outageProbability(meanReceived: PowerLevel(dBm: -82), sensitivity: s, sigma: Decibels(dB: 5))
        #expect(isClose(p, 0.158655253931457, relative: 1e-12))
        #expect(isClose(ModelMath.standardNormalCDF(-5), 2.866515718791939e-7, relative: 1e-10))
        let margin = LinkBudget.requiredMargin(outage: 0.158655253931457, sigma: Decibels(dB: 5))
        #expect(isClose(margin.dB, 5, absolute: 1e-6))
        // Walking adds 15 dB of mean loss: the same link is now mostly out.
        let walking = LinkBudget.outageProbability(meanReceived: PowerLevel(dBm: -82), sensitivity: s,
                                                   channelSigma: Decibels(dB: 5), posture: .walking)
        #expect(walking > 0.8)
    }

    @Test("kTB: −174 dBm/Hz at 290 K, 1 MHz → −114 dBm; SINR sums interferers linearly")
    func noiseAndSINR() {
        let n = LinkBudget.thermalNoise(bandwidth: .hertz(1))
        #expect(isClose(n.dBm, -173.975, absolute: 1e-3))
        #expect(isClose(LinkBudget.thermalNoise(bandwidth: .megahertz(1)).dBm, -113.975, absolute: 1e-3))
        let noise = PowerLevel(dBm: -100)
        let sinr = LinkBudget.sinr(signal: PowerLevel(dBm: -80), noise: noise, interferers: [PowerLevel(dBm: -100)])
        #expect(isClose(sinr.dB, 20 - 10 * log10(2), absolute: 1e-9))
        #expect(isClose(LinkBudget.totalPower([PowerLevel(dBm: 0), PowerLevel(dBm: 0)])?.dBm ?? 0, 10 * log10(2), absolute: 1e-9))
    }
}
