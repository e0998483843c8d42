import Testing
@testable import TwinReport

/// How the charts lay themselves out: marker labels that would overprint go to another
/// row, labels keep off links, text reads on its background, axes fit the data within
/// what a ratio can take, a fault's window, the dot plot's size and zoom.
@Suite struct ChartLayoutTests {
    @Test func markerLabelsOfCloseBoundsGoToSeparateRows() {
        let markers = [(ChartMarker(at: 20, label: "a-lifetime mean ≥ 20 d"), 100.0),
                       (ChartMarker(at: 30, label: "b-lifetime mean ≥ 30 d"), 108.0),
                       (ChartMarker(at: 900, label: "far away"), 480.0)]
        let labels = MarkerLabels(markers.map { ($0.0, $0.1) }, plotLeft: 60, plotRight: 500, width: 600)
        #expect(labels.rows == 2)
        #expect(labels.placed.map(\.row).sorted() == [0, 0, 1])
        #expect(labels.topMargin > MarkerLabels(markers.prefix(1).map { ($0.0, $0.1) }, plotLeft: 60, plotRight: 500, width: 600).topMargin)
        // No label is crossed by the line of a marker whose label is higher up, and no
        // label leaves the canvas.
        for item in labels.placed {
            let width = TextWidth.estimate(item.marker.label, size: MarkerLabels.font)
            let low = item.anchor == .start ? item.textX : item.textX - width
            #expect(low >= 0 && low + width <= 600)
            for other in labels.placed where other.row > item.row {
                #expect(!(other.lineX > low - 2 && other.lineX < low + width + 2))
            }
        }
    }

    @Test func lifetimeGoalsCloseTogetherDoNotOverprint() throws {
        let rows = [BarRow(category: "pump", bars: [Bar(segments: [BarSegment(value: 40 * 86_400, colour: Palette.series(0))])])]
        let labels = ["patch-lifetime mean ≥ 25 d", "pump-lifetime mean ≥ 30 d", "watch-lifetime mean ≥ 35 d"]
        let chart = BarChart(plot: "t:lifetime", title: "lifetime", axis: AxisSpec(label: "Lifetime", unit: .time(maximum: 40 * 86_400)),
                             rows: rows, markers: zip([25.0, 30, 35], labels).map { ChartMarker(at: $0 * 86_400, label: $1) },
                             logarithmic: true).svg()
        // Each label's box from its x, y and anchor in the SVG.
        func box(_ label: String) throws -> (low: Double, high: Double, y: Double) {
            let end = try #require(chart.range(of: ">\(label)</text>"))
            let element = String(chart[..<end.lowerBound].split(separator: "<text").last ?? "")
            func attribute(_ name: String) -> String? {
                element.range(of: " \(name)=\"").map { String(element[$0.upperBound...].prefix { $0 != "\"" }) }
            }
            let x = try #require(attribute("x").flatMap(Double.init)), y = try #require(attribute("y").flatMap(Double.init))
            let width = TextWidth.estimate(label, size: MarkerLabels.font)
            let low = attribute("text-anchor") == "end" ? x - width : x
            return (low, low + width, y)
        }
        let boxes = try labels.map(box)
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let apart = boxes[i].y != boxes[j].y || boxes[i].high <= boxes[j].low || boxes[j].high <= boxes[i].low
                #expect(apart, "\(labels[i]) and \(labels[j]) overprint")
            }
        }
        #expect(Set(boxes.map(\.y)).count > 1, "three labels within 70 px need a second row")
    }

    @Test func bodyMapLabelsKeepOffLinks() {
        var placement = LabelPlacement(width: 400, height: 400)
        let link = LabelPlacement.Segment(x1: 100, y1: 100, x2: 300, y2: 100)
        placement.reserve(link)
        let spot = placement.place(nearX: 100, y: 100, width: 60, height: 15, preferRight: true)
        let left = spot.anchor == .start ? spot.x : spot.anchor == .end ? spot.x - 60 : spot.x - 30
        #expect(link.length(inside: .init(x: left, y: spot.y, width: 60, height: 15)) == 0)
        #expect(abs(link.length(inside: .init(x: 150, y: 90, width: 20, height: 20)) - 20) < 1e-9)
    }

    @Test func devicesOnTheSameSpotAreSpreadApart() {
        let devices = [BodyMap.Device(id: "ar", x: 0, y: 1.6, inBody: false, detail: ""),
                       BodyMap.Device(id: "vr", x: 0, y: 1.6, inBody: false, detail: ""),
                       BodyMap.Device(id: "ecg", x: 0, y: 1.2, inBody: false, detail: "")]
        let spread = BodyMap.spread(devices, apart: 0.05)
        #expect(spread[0].x == 0 && spread[2].x == 0, "apart ones stay put")
        #expect(abs(spread[1].x - spread[0].x) >= 0.05)
    }

    @Test func labelTextReadsOnItsBackground() {
        #expect(Palette.text(on: "#edc948") == Palette.ink, "ink on yellow")
        #expect(Palette.text(on: Palette.severity("medium")) == Palette.ink, "ink on amber")
        #expect(Palette.text(on: "#4e79a7") == "#ffffff", "white on blue")
        #expect(Palette.text(on: Palette.bad) == "#ffffff", "white on red")
        #expect(Palette.text(on: "not a colour") == Palette.ink)
        #expect(Markup.badge("6.5 Medium", colour: Palette.severity("medium")).contains("color:\(Palette.ink)"))
    }

    @Test func ratioAxesFitTheDataWithinZeroToHundredPercent() {
        let delivery = AxisSpec(label: "Delivery ratio", unit: .percent, limits: 0...100, minimumSpan: 1)
        let flat = delivery.scale(minimum: 100, maximum: 100)
        #expect(flat.lower == 99 && flat.upper == 100, "flat data at 100 %: just below it, not 90-110 %")
        let dip = delivery.scale(minimum: 71.3, maximum: 99.2)
        #expect(dip.lower == 70 && dip.upper == 100)
        #expect(delivery.scale(minimum: 0, maximum: 3).lower == 0)
        // A fixed range is drawn exactly, ticks at whole steps inside it.
        let window = AxisSpec(label: "Time", unit: .none, range: -25...72).scale(minimum: 0, maximum: 1, ticks: 7)
        #expect(window.lower == -25 && window.upper == 72)
        #expect(window.ticks.allSatisfy { $0 >= -25 && $0 <= 72 } && window.ticks.contains(0))
    }

    @Test func linesAreCutAtTheWindowsEnds() {
        let points: [(x: Double, y: Double?)] = [(0, 0), (10, 10), (20, nil), (30, 30)]
        let cut = LineChart.cut(points, to: 5...25)
        #expect(cut.map(\.x) == [5, 10, 20, 25])
        #expect(cut[0].y == 5 && cut[1].y == 10 && cut[2].y == nil && cut[3].y == nil, "a gap stays a gap")
    }

    @Test func aFaultsWindowHoldsItsOutage() throws {
        let minutes = (1...480).map { Double($0) * 60 }
        let window = try #require(ResilienceSection.window(around: 21_600, recovery: 3.3, times: minutes, sampleInterval: 60))
        #expect(window == -300...900, "5 samples before, 15 after")
        // A finer trace near the fault gives a finer window, still 6 recoveries long.
        let fine = (0...600).map { 21_300 + Double($0) }
        #expect(ResilienceSection.window(around: 21_600, recovery: 8, times: fine, sampleInterval: 60) == -16...48)
        // A fault after the trace's end has no window (the whole run is drawn).
        #expect(ResilienceSection.window(around: 21_600, recovery: 3.3, times: Array(minutes.prefix(120)), sampleInterval: 60) == nil)
    }

    @Test func theDotPlotIsCompactAndZoomedToTheMeans() {
        let rows = (0..<12).map { index in
            DotPlot.Row(category: "device-\(index)", marks: (0..<3).map { series in
                DotPlot.Mark(value: 0.97 + 0.002 * Double(index) + 0.001 * Double(series), interval: 0.5...1, tooltip: "")
            }, summary: "97 %")
        }
        let svg = DotPlot(plot: "t:dots", title: "dots", axis: AxisSpec(label: "Delivery ratio", unit: .percent, limits: 0...100, minimumSpan: 1),
                          series: ["baseline", "gateway-failure-phone", "jamming"], rows: rows).svg()
        let height = svg.split(separator: "viewBox=\"0 0 ")[1].split(separator: "\"")[0].split(separator: " ")[1]
        #expect((Double(height) ?? 1e9) < 520, "12 devices × 3 scenarios in \(height) px")
        #expect(!svg.contains(">0</text>") && svg.contains(">100</text>"), "the axis is zoomed to the means")
        #expect(svg.contains(">gateway-failure-phone</text>"), "legend names whole")
        #expect(svg.contains("fill=\"none\" stroke="), "intervals past the axis end in a chevron")
    }

    @Test func textWidthsFollowTheLetters() {
        #expect(TextWidth.estimate("mmm", size: 12) > TextWidth.estimate("iii", size: 12) * 2)
        #expect(TextWidth.estimate("ecg", size: 12, bold: true) > TextWidth.estimate("ecg", size: 12))
        #expect(ChartFrame.shortened("gateway-failure-phone", toWidth: 60, size: 12).hasSuffix("…"))
        #expect(ChartFrame.shortened("phone", toWidth: 60, size: 12) == "phone")
    }
}
