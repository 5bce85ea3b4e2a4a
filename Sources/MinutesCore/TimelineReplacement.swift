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

    /// The speakers that were forgotten when it was made: the store refuses it if that
    /// changed before it commits, since a careful pass over the old state may have given a
    /// newly forgotten speaker's words to someone else.
    public var madeWithForgotten: Set<SpeakerID> {
        Set(live.speakers.filter(\.isForgotten).map(\.id))
    }
}
