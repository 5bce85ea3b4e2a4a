import Foundation
import Logging

/// The one place that changes sessions: every surface (console, CLI, server) goes through it,
/// so the rules (stable speaker ids, redaction on forget, export retention) hold everywhere.
///
/// It is an actor, but its methods suspend at every store call, so calls on one session
/// interleave. What holds anyway is the store's: each use case that touches a speaker's words
/// (append, name, forget, refine) is one transaction that checks whether the speaker is
/// forgotten when it commits, so no append, label or refine that began before a forget can
/// store the forgotten speaker's words in the clear or their name again. Stored exports and
/// cached summaries are rebuilt after the commit.
public actor SessionOrchestrator {
    /// What an append produced: the stored segments and the voices heard for the first time
    /// (the console asks "who is this?" for each).
    public struct AppendResult: Sendable {
        public var segments: [Segment]
        public var newSpeakers: [Speaker]
    }

    let store: any SessionStore
    let archive: any ExportArchive
    private let retention: RetentionPolicy
    let clock: any WallClock
    let logger: Logger
    let summaryCache: (any SummaryCache)?
    /// Sessions a refine is running on, so a second one waits its turn by saying so.
    var refining: Set<SessionID> = []

    /// - Parameter summaryCache: cached LLM answers, which forgetting a speaker must clear
    ///   because they may quote them; nil when there is none.
    public init(
        store: any SessionStore,
        archive: any ExportArchive,
        retention: RetentionPolicy = RetentionPolicy(days: RetentionPolicy.defaultDays),
        clock: any WallClock = SystemWallClock(),
        summaryCache: (any SummaryCache)? = nil,
        logger: Logger
    ) {
        self.store = store
        self.archive = archive
        self.retention = retention
        self.clock = clock
        self.summaryCache = summaryCache
        self.logger = logger
    }

    // MARK: Sessions

    public func createSession(
        title: String,
        language: String = "en",
        persona: String = "general",
        id: SessionID = .random()
    ) async throws -> Session {
        let session = Session(id: id, title: title, language: language, persona: persona, startedAt: clock.now())
        try await store.insertSession(session)
        logger.info("session created", metadata: ["session.id": "\(id)"])
        return session
    }

    /// The session, or a `.notFound` error naming the id.
    public func session(_ id: SessionID) async throws -> Session {
        guard let session = try await store.session(id) else { throw MinutesError.unknownSession(id.rawValue) }
        return session
    }

    public func sessions() async throws -> [Session] {
        try await store.sessions()
    }

    /// Every stored meeting's words, decisions and action items that match (``MeetingSearch``).
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        try await store.search(query)
    }

    /// Marks the meeting as over (the console calls this on quit).
    public func endSession(_ id: SessionID) async throws {
        var session = try await session(id)
        guard session.endedAt == nil else { return }
        session.endedAt = clock.now()
        try await store.updateSession(session)
    }

    /// Marks a moment of the meeting, `seconds` from its start, so exports point to it.
    ///
    /// - Returns: The session's bookmarks, ascending; marking the same moment twice keeps one.
    @discardableResult
    public func bookmark(_ id: SessionID, at seconds: Double) async throws -> [Double] {
        guard seconds.isFinite, seconds >= 0 else {
            throw MinutesError(.invalidInput, "a bookmark needs a time of zero or more seconds, not \(seconds)")
        }
        var session = try await session(id)
        guard !session.bookmarks.contains(seconds) else { return session.bookmarks }
        session.bookmarks = (session.bookmarks + [seconds]).sorted()
        try await store.updateSession(session)
        return session.bookmarks
    }

    /// Deletes the session, its timeline and its stored export files.
    ///
    /// Deleting a session that is already gone is not an error: the result is `false`.
    @discardableResult
    public func deleteSession(_ id: SessionID) async throws -> Bool {
        for export in try await store.storedExports(of: id) {
            try archive.remove(named: export.fileName)
        }
        let deleted = try await store.deleteSession(id)
        logger.info("session deleted", metadata: ["session.id": "\(id)", "existed": "\(deleted)"])
        return deleted
    }

    /// Recreates a session from a manifest (a stored or exported JSON file).
    public func importManifest(_ manifest: ExportManifest) async throws -> Session {
        let id = manifest.session.id
        guard SessionID(parsing: id.rawValue) != nil else {
            throw MinutesError(.invalidInput, "the manifest's session id '\(id)' is not a Minutes session id")
        }
        if try await store.session(id) != nil {
            throw MinutesError(.conflict, "session \(id) already exists; delete it first to import it again")
        }
        try await store.insertSession(manifest.session)
        for speaker in manifest.speakers {
            var speaker = speaker
            speaker.session = id
            try await store.saveSpeaker(speaker)
        }
        _ = try await store.appendSegments(manifest.segments, to: id)
        try await store.saveSummary(manifest.summary, for: id)
        return manifest.session
    }

    // MARK: Timeline

    /// Adds segments to the end of the timeline, creating a speaker for every cluster label not seen before in this
    /// session.
    ///
    /// Text by a forgotten speaker is stored redacted.
    ///
    /// - Throws: `.conflict` when the session has ended.
    public func append(_ drafts: [SegmentDraft], to id: SessionID) async throws -> AppendResult {
        guard try await session(id).endedAt == nil else {
            // A refine may be replacing the ended session's timeline; speech arriving now
            // would be dropped by it or land after a meeting that is over.
            throw MinutesError.sessionEnded(id)
        }
        var speakers = try await store.speakers(of: id)
        var newSpeakers: [Speaker] = []
        var segments: [Segment] = []
        for draft in drafts {
            var speaker: Speaker?
            if let cluster = draft.cluster {
                if let known = speakers.first(where: { $0.cluster == cluster }) {
                    speaker = known
                } else {
                    let created = Speaker.new(cluster: cluster, session: id, existing: speakers)
                    speakers.append(created)
                    newSpeakers.append(created)
                    speaker = created
                }
            }
            let segment = Segment(
                start: draft.start,
                end: draft.end,
                speaker: speaker?.id,
                text: draft.text,
                words: draft.words,
                language: draft.language
            )
            segments.append(speaker?.isForgotten == true ? segment.redacted : segment)
        }
        let stored = try await store.appendSegments(segments, to: id, adding: newSpeakers)
        logger.debug(
            "segments appended",
            metadata: ["session.id": "\(id)", "segments": "\(stored.count)", "new_speakers": "\(newSpeakers.count)"]
        )
        return AppendResult(segments: stored, newSpeakers: newSpeakers)
    }

    public func timeline(_ id: SessionID) async throws -> [Segment] {
        _ = try await session(id)
        return try await store.segments(of: id)
    }

    public func speakers(_ id: SessionID) async throws -> [Speaker] {
        _ = try await session(id)
        return try await store.speakers(of: id).sorted { $0.ordinal < $1.ordinal }
    }

    // MARK: Speakers

    /// Gives a speaker a name; an empty name clears it.
    @discardableResult
    public func labelSpeaker(_ speakerID: SpeakerID, in id: SessionID, name: String) async throws -> Speaker {
        var speaker = try await speaker(speakerID, in: id)
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        speaker.name = trimmed.isEmpty ? nil : trimmed
        try await saveNameAndVoice(of: speaker)
        return speaker
    }

    /// Stores a speaker's name and enrolled voice, refusing when a forget came first.
    func saveNameAndVoice(of speaker: Speaker) async throws {
        guard try await store.updateSpeakerUnlessForgotten(speaker) else {
            throw MinutesError(.conflict, "speaker \(speaker.id) was forgotten and cannot be named again")
        }
    }

    /// Forgets a speaker: their text is redacted in every segment and every stored export of the session, their name is
    /// cleared, and the enrolled voice print linked to them is deleted.
    ///
    /// The stored summary is dropped too, since it may quote them; it can be built again from the redacted timeline.
    /// Forgetting twice changes nothing more.
    @discardableResult
    public func forgetSpeaker(_ speakerID: SpeakerID, in id: SessionID) async throws -> Speaker {
        _ = try await speaker(speakerID, in: id)
        try await store.forgetSpeaker(speakerID, in: id)
        try await summaryCache?.removeCachedSummaries(of: id)
        try await rewriteStoredExports(of: id)
        logger.info("speaker forgotten", metadata: ["session.id": "\(id)", "speaker.id": "\(speakerID)"])
        return try await speaker(speakerID, in: id)
    }

    private func speaker(_ speakerID: SpeakerID, in id: SessionID) async throws -> Speaker {
        _ = try await session(id)
        guard let speaker = try await store.speakers(of: id).first(where: { $0.id == speakerID }) else {
            throw MinutesError.unknownSpeaker(speakerID.rawValue, in: id)
        }
        return speaker
    }

    // MARK: Summaries

    /// Builds the session's summary with `summarizer`, stores it and returns it.
    /// - Parameter persona: how to read the meeting; the session's own persona by default.
    /// - Throws: `.empty` ("nothing to summarize") for a session without speech.
    public func summarize(
        _ id: SessionID,
        with summarizer: any Summarizer,
        persona: String? = nil,
        maxPoints: Int = 5
    ) async throws -> SummaryOutcome {
        let manifest = try await manifest(id)
        guard manifest.segments.contains(where: { $0.text != Segment.redactedText && !$0.text.isEmpty }) else {
            throw MinutesError(.empty, "nothing to summarize: session \(id) has no transcribed speech")
        }
        let outcome = try await summarizer.summarize(
            manifest,
            persona: persona ?? manifest.session.persona,
            maxPoints: maxPoints
        )
        guard try await store.saveSummary(outcome.summary, for: id, ifForgottenAre: Self.forgotten(in: manifest)) else {
            try await summaryCache?.removeCachedSummaries(of: id)
            throw MinutesError(
                .conflict,
                "a speaker of session \(id) was forgotten while its summary was written; build it again"
            )
        }
        logger.info("summary built", metadata: ["session.id": "\(id)", "source": "\(outcome.summary.source)"])
        return outcome
    }

    public func saveSummary(_ summary: Summary, for id: SessionID) async throws {
        _ = try await session(id)
        try await store.saveSummary(summary, for: id)
    }

    public func summary(_ id: SessionID) async throws -> Summary? {
        _ = try await session(id)
        return try await store.summary(of: id)
    }

    // MARK: Exports

    /// Everything known about the session, as exports render it.
    public func manifest(_ id: SessionID) async throws -> ExportManifest {
        let session = try await session(id)
        return ExportManifest(
            session: session,
            speakers: try await store.speakers(of: id),
            segments: try await store.segments(of: id),
            summary: try await store.summary(of: id)
        )
    }

    public func export(_ id: SessionID, format: ExportFormat) async throws -> String {
        format.render(try await manifest(id))
    }

    /// Writes the session's manifest to the export storage directory, records it, then
    /// prunes exports older than the retention period (never the one just written).
    public func storeExport(_ id: SessionID) async throws -> StoredExport {
        let text = try await export(id, format: .json)
        let exportID = ExportID.random()
        let record = StoredExport(
            id: exportID,
            session: id,
            format: .json,
            fileName: "\(id)-\(exportID).json",
            byteCount: text.utf8.count,
            createdAt: clock.now()
        )
        try archive.write(Data(text.utf8), named: record.fileName)
        do {
            try await store.recordExport(record)
        } catch {
            try? archive.remove(named: record.fileName)
            throw error
        }
        logger.info("export stored", metadata: ["session.id": "\(id)", "export.id": "\(exportID)"])
        _ = try await prune(policy: retention, keeping: exportID)
        return record
    }

    public func storedExports(of session: SessionID? = nil) async throws -> [StoredExport] {
        try await store.storedExports(of: session)
    }

    /// A stored export's record and its bytes.
    public func storedExport(_ id: ExportID) async throws -> (record: StoredExport, data: Data) {
        guard let record = try await store.storedExport(id) else { throw MinutesError.unknownExport(id.rawValue) }
        do {
            return (record, try archive.read(named: record.fileName))
        } catch {
            throw MinutesError(
                .storage,
                "the file of export \(id) is missing from \(archive.location) (\(record.fileName))",
                cause: error
            )
        }
    }

    /// Deletes stored exports older than `days` (or the configured retention when nil).
    /// - Returns: the exports removed.
    @discardableResult
    public func sweepExports(olderThanDays days: Int? = nil) async throws -> [StoredExport] {
        try await prune(policy: days.map { RetentionPolicy(days: $0) } ?? retention, keeping: nil)
    }

    private func prune(policy: RetentionPolicy, keeping kept: ExportID?) async throws -> [StoredExport] {
        guard let cutoff = policy.cutoff(now: clock.now()) else { return [] }
        let expired = try await store.storedExports(of: nil).filter { $0.createdAt < cutoff && $0.id != kept }
        for export in expired {
            try archive.remove(named: export.fileName)
            try await store.deleteExportRecord(export.id)
        }
        if !expired.isEmpty {
            logger.info("exports pruned", metadata: ["count": "\(expired.count)", "days": "\(policy.days ?? -1)"])
        }
        return expired
    }

    /// Renders every stored export of the session again from the current (redacted) state.
    ///
    /// Two rewrites can overlap (a refine's and a forget's), and the one that read the state
    /// before a forget may write last; so each rewrite looks again after writing, and writes
    /// again while a speaker was forgotten since it read.
    func rewriteStoredExports(of id: SessionID) async throws {
        var manifest = try await manifest(id)
        while true {
            for export in try await store.storedExports(of: id) {
                let text = export.format.render(manifest)
                try archive.write(Data(text.utf8), named: export.fileName)
                var updated = export
                updated.byteCount = text.utf8.count
                try await store.recordExport(updated)
            }
            let now = try await self.manifest(id)
            guard Self.forgotten(in: now) != Self.forgotten(in: manifest) else { return }
            manifest = now
        }
    }

    private static func forgotten(in manifest: ExportManifest) -> Set<SpeakerID> {
        Set(manifest.speakers.filter(\.isForgotten).map(\.id))
    }
}
