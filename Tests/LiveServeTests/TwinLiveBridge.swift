import TwinLive

enum TwinLiveBridge {
    static func parse(_ text: String) -> Double? { RFC3339.parse(text)?.secondsSinceEpoch }
}
