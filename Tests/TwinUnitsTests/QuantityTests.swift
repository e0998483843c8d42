import Testing
import TwinUnits

@Suite struct QuantityParsingTests {
    @Test(arguments: [
        ("250 ms", Dimension.time, 0.25),
        ("30 d", .time, 2_592_000),
        ("2 s", .time, 2),
        ("-10 dBm", .powerLevel, -10),
        ("3 mW", .power, 0.003),
        ("225 mAh", .charge, 810),
        ("18720 J", .energy, 18720),
        ("2.4 kbps", .dataRate, 2400),
        ("64 B", .dataSize, 512),
        ("2.4 GHz", .frequency, 2.4e9),
        ("250 Hz", .frequency, 250),
        ("99.9 %", .ratio, 0.999),
        ("30 cm", .distance, 0.3),
        ("2.4kbps", .dataRate, 2400),
        ("1e3 ms", .time, 1),
        ("11.3 mA", .current, 0.0113),
    ])
    func parsesValueAndDimension(text: String, dimension: Dimension, si: Double) throws {
        let quantity = try Quantity.parse(text).get()
        #expect(quantity.dimension == dimension)
        #expect(abs(quantity.value - si) <= 1e-9 * max(1, abs(si)))
    }

    @Test func rejectsMissingNumberAndUnit() throws {
        #expect(Quantity.parse("fast") == .failure(.missingNumber))
        #expect(Quantity.parse("250") == .failure(.missingUnit))
        #expect(try Quantity.parse("4", defaultDimension: .count).get() == Quantity(4, .count))
    }

    @Test func suggestsTheNearestUnit() {
        #expect(Quantity.parse("250 MS") == .failure(.unknownUnit("MS", suggestion: "ms")))
        #expect(Quantity.parse("5 mAhh") == .failure(.unknownUnit("mAhh", suggestion: "mAh")))
    }

    @Test func typedMeasuresOnlyAcceptTheirDimension() throws {
        let charge = try Quantity.parse("560 mAh").get()
        #expect(Time(charge) == nil)
        let capacity = try #require(Charge(charge))
        let lifetime = capacity / Current.milliamperes(1)
        #expect(abs(lifetime.hours - 560) < 1e-9)
        #expect(abs((Current.milliamperes(11.3) * Voltage.volts(3)).milliwatts - 33.9) < 1e-9)
    }

    @Test func decibelArithmetic() {
        let rx = PowerLevel(dBm: 0) - Decibels(dB: 60)
        #expect(rx.dBm == -60)
        #expect(abs(PowerLevel(dBm: 0).power.milliwatts - 1) < 1e-12)
        #expect(abs(PowerLevel(Power.milliwatts(10)).dBm - 10) < 1e-12)
        #expect((PowerLevel(dBm: -80) - PowerLevel(dBm: -95)).dB == 15)
    }
}

@Suite struct ThresholdTests {
    @Test func parsesOperatorStatisticAndBound() throws {
        let t = try Threshold.parse("p99 <= 250 ms").get()
        #expect(t.statistic == .percentile(99))
        #expect(t.op == .lessOrEqual)
        #expect(t.bound == Quantity(0.25, .time))
        #expect(t.isMet(by: 0.2))
        #expect(!t.isMet(by: 0.3))
        let d = try Threshold.parse(">= 99.9 %").get()
        #expect(d.statistic == .mean && d.op == .greaterOrEqual)
        #expect(abs(d.bound.value - 0.999) < 1e-12)
    }

    @Test func rejectsBadThresholds() {
        #expect(Threshold.parse("about 250 ms") == .failure(.missingOperator))
        #expect(Threshold.parse("p100 <= 1 s") == .failure(.badStatistic("p100")))
        #expect(Threshold.parse("<= fast") == .failure(.badQuantity(.missingNumber)))
    }

    @Test func nearestNameIsDeterministic() {
        #expect(nearestName(to: "latncy", among: ["lifetime", "latency", "energy"]) == "latency")
        #expect(nearestName(to: "zzzzzz", among: ["latency"]) == nil)
        #expect(editDistance("kitten", "sitting") == 3)
    }
}

@Suite struct QuantityFormattingTests {
    @Test(arguments: [
        ("250 ms", "250 ms"), ("30 d", "30 d"), ("90 min", "1.5 h"), ("6.4 mA", "6.4 mA"),
        ("99.9 %", "99.9 %"), ("-10 dBm", "-10 dBm"), ("225 mAh", "225 mAh"), ("2.4 kbps", "2.4 kbps"),
        ("64 B", "64 B"), ("2.4 GHz", "2.4 GHz"), ("30 cm", "30 cm"), ("0.9 uA", "900 nA"), ("2.5 uA", "2.5 µA"),
    ])
    func picksAReadableUnit(input: String, expected: String) throws {
        #expect(try Quantity.parse(input).get().formatted == expected)
    }

    @Test func significantDigits() {
        #expect(significant(0.14411234) == "0.1441")
        #expect(significant(21.3425) == "21.34")
        #expect(significant(1234567) == "1234567")
        #expect(significant(-0.00001) == "-0.00001")
    }
}
