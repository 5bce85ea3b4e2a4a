/// One recognized word with its timing and the recognizer's confidence.
public struct Word: Hashable, Sendable, Codable {
    public var text: String
    /// Seconds from the start of the session.
    public var start: Double
    public var end: Double
    /// The recognizer's probability for the word, 0…1.
    public var confidence: Double

    public init(text: String, start: Double, end: Double, confidence: Double) {
        self.text = text
        self.start = start
        self.end = end
        self.confidence = confidence
    }
}
