/// Where sessions, their timelines, speakers, summaries, stored-export records and enrolled voices live.
///
/// SQLite is the embedded default; PostgreSQL serves several machines.
///
/// Implementations must make each call atomic, one transaction each. The calls that touch a
/// speaker's words are use cases, not rows, so that a forget can never be undone by work
/// that started before it: ``appendSegments(_:to:adding:)`` redacts the words of speakers
/// forgotten when it commits, ``updateSpeakerUnlessForgotten(_:)`` never names a forgotten
/// speaker, ``forgetSpeaker(_:in:)`` redacts everything at once, and
/// ``replaceTimeline(_:)`` refuses a timeline made before a forget. Appends assign indices in the
/// transaction that inserts, so concurrent appends never share an index. Each of these also
/// updates the search index (``MeetingSearch``) in its transaction.
public protocol SessionStore: MeetingSearch {
    func insertSession(_ session: Session) async throws
    func updateSession(_ session: Session) async throws
    func session(_ id: SessionID) async throws -> Session?
    /// All sessions, newest first.
    func sessions() async throws -> [Session]
    /// Deletes the session with everything that belongs to it. Returns false when it was
    /// already gone.
    @discardableResult func deleteSession(_ id: SessionID) async throws -> Bool

    /// Adds `newSpeakers` (a speaker stored already is kept as it is) and appends `segments`
    /// to the end of the timeline, redacting those of speakers forgotten by then.
    ///
    /// - Returns: The segments as stored, with their indices.
    func appendSegments(
        _ segments: [Segment],
        to session: SessionID,
        adding newSpeakers: [Speaker]
    ) async throws
        -> [Segment]
    func segments(of session: SessionID) async throws -> [Segment]
    /// Replaces the session's speakers and whole timeline and drops its summary, all in one
    /// transaction, so a refine that dies halfway leaves the live version as it was.
    ///
    /// Keeps `replacement.live` as the session's live version unless one is kept already.
    ///
    /// - Returns: false, storing nothing, when a speaker was forgotten since the replacement
    ///   was made (``TimelineReplacement/madeWithForgotten``): make it again.
    func replaceTimeline(_ replacement: TimelineReplacement) async throws -> Bool
    /// The session as heard live, kept when its timeline was first replaced; nil before that.
    func liveVersion(of session: SessionID) async throws -> ExportManifest?

    func saveSpeaker(_ speaker: Speaker) async throws
    /// Stores the speaker's name and enrolled voice unless it is forgotten.
    ///
    /// - Returns: false when the speaker is forgotten (or unknown) and nothing changed.
    func updateSpeakerUnlessForgotten(_ speaker: Speaker) async throws -> Bool
    /// Forgets a speaker of the session in one transaction: marked forgotten with name and
    /// enrolled voice cleared, every segment redacted (in the kept live version too), the
    /// voice print deleted, and the summary dropped when any text was redacted.
    ///
    /// - Returns: Whether any text was redacted.
    @discardableResult func forgetSpeaker(_ speaker: SpeakerID, in session: SessionID) async throws -> Bool
    func speakers(of session: SessionID) async throws -> [Speaker]
    /// Every session's speakers linked to an enrolled voice, for forgetting a person everywhere.
    func speakers(linkedTo profile: ProfileID) async throws -> [Speaker]

    func saveSummary(_ summary: Summary?, for session: SessionID) async throws
    /// Stores a summary written from the timeline as it was when `forgotten` were the session's
    /// forgotten speakers, unless another was forgotten since (the summary may quote them).
    ///
    /// - Returns: false, storing nothing, when the forgotten speakers are no longer `forgotten`.
    func saveSummary(
        _ summary: Summary,
        for session: SessionID,
        ifForgottenAre forgotten: Set<SpeakerID>
    )
        async throws -> Bool
    func summary(of session: SessionID) async throws -> Summary?

    func recordExport(_ export: StoredExport) async throws
    func storedExport(_ id: ExportID) async throws -> StoredExport?
    /// Stored exports, newest first; all sessions when `session` is nil.
    func storedExports(of session: SessionID?) async throws -> [StoredExport]
    func deleteExportRecord(_ id: ExportID) async throws

    func saveProfile(_ profile: SpeakerProfile) async throws
    func profile(_ id: ProfileID) async throws -> SpeakerProfile?
    func profiles() async throws -> [SpeakerProfile]
    func deleteProfile(_ id: ProfileID) async throws
}

extension SessionStore {
    /// Appends segments of speakers stored already.
    public func appendSegments(_ segments: [Segment], to session: SessionID) async throws -> [Segment] {
        try await appendSegments(segments, to: session, adding: [])
    }
}
