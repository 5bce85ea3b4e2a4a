/// A caption for the utterance being spoken: shown dim while partial, replaced in place by
/// the final one at the pause.
public struct LiveCaption: Sendable, Equatable {
    /// Counts utterances from 0, so the console knows which line to replace.
    public var utterance: Int
    /// Seconds from the start of the session.
    public var start: Double
    public var end: Double
    /// Words two successive decodes agreed on: they never change once shown.
    public var stableText: String
    /// The newest decode's words after the stable ones: may still change.
    public var tentativeText: String
    /// True for the caption decoded after the pause; its text is what gets stored.
    public var isFinal: Bool
    /// Word timings of the final caption (empty for partials).
    public var words: [Word]
    /// The language the final caption was heard in (detected per utterance with `auto`).
    public var language: String?

    public init(
        utterance: Int,
        start: Double,
        end: Double,
        stableText: String,
        tentativeText: String,
        isFinal: Bool,
        words: [Word] = [],
        language: String? = nil
    ) {
        self.utterance = utterance
        self.start = start
        self.end = end
        self.stableText = stableText
        self.tentativeText = tentativeText
        self.isFinal = isFinal
        self.words = words
        self.language = language
    }

    /// Everything to display.
    public var text: String {
        [stableText, tentativeText].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
