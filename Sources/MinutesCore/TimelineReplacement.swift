/// A session's speakers and timeline as a refined pass left them, for
/// ``SessionStore/replaceTimeline(_:)`` to store in one transaction.
public struct TimelineReplacement: Sendable, Equatable {
    public var session: SessionID
    /// Every speaker of the session afterwards (saved over the stored ones).
    public var speakers: [Speaker]
    /// The whole new timeline; indices are assigned from 0 in this order.
    public var segments: [Segment]
    /// The session as heard live, kept readable (``SessionStore/liveVersion(of:)``) the first
    /// time its timeline is replaced; later refines keep the first one.
    public var live: ExportManifest

    public init(session: SessionID, speakers: [Speaker], segments: [Segment], live: ExportManifest) {
        self.session = session
        self.speakers = speakers
        self.segments = segments
        self.live = live
    }

    /// This replacement after speakers the store knows as forgotten were forgotten while it was
    /// being made: they stay forgotten, and their segments redacted, whatever it says.
    public func keeping(forgotten: Set<SpeakerID>) -> TimelineReplacement {
        var kept = self
        kept.speakers = speakers.map { speaker in
            guard forgotten.contains(speaker.id) else { return speaker }
            var speaker = speaker
            speaker.name = nil
            speaker.profile = nil
            speaker.isForgotten = true
            return speaker
        }
        kept.segments = segments.enumerated().map { index, segment in
            var segment = segment
            segment.index = index
            return segment.speaker.map(forgotten.contains) == true ? segment.redacted : segment
        }
        return kept
    }
}
