import MinutesCore

/// One final caption on the timeline.
///
/// The speaker is kept as an id and looked up at render time, so renaming a speaker
/// renames every line they said.
public struct TimelineEntry: Hashable, Sendable {
    /// The segment's index in the session.
    public var segmentIndex: Int
    /// Seconds from the start of the session.
    public var start: Double
    public var end: Double
    public var speaker: SpeakerID?
    public var text: String

    public init(segmentIndex: Int, start: Double, end: Double, speaker: SpeakerID?, text: String) {
        self.segmentIndex = segmentIndex
        self.start = start
        self.end = end
        self.speaker = speaker
        self.text = text
    }

    /// The entry for a segment the engine appended.
    public init(_ segment: Segment) {
        self.init(
            segmentIndex: segment.index,
            start: segment.start,
            end: segment.end,
            speaker: segment.speaker,
            text: segment.text
        )
    }
}
