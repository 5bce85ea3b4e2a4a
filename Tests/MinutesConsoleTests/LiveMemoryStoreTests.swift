import Foundation
import MinutesCore
import Synchronization
import Testing

/// A ``SessionStore`` in memory for the live meeting's tests.
///
/// The console tests do not link MinutesStorage (its SQLite store is what the app uses), and
/// the orchestrator only needs the protocol's behaviour: atomic calls, indices on append.
/// `@unchecked Sendable` is safe: every access goes through the `Mutex`.
final class LiveMemoryStore: SessionStore, @unchecked Sendable {
    private struct Contents {
        var sessions: [SessionID: Session] = [:]
        var segments: [SessionID: [Segment]] = [:]
        var speakers: [SessionID: [Speaker]] = [:]
        var summaries: [SessionID: Summary] = [:]
        var exports: [ExportID: StoredExport] = [:]
        var profiles: [ProfileID: SpeakerProfile] = [:]
        var liveVersions: [SessionID: ExportManifest] = [:]
    }

    private let contents = Mutex(Contents())

    func insertSession(_ session: Session) async throws {
        try contents.withLock { contents in
            guard contents.sessions[session.id] == nil else {
                throw MinutesError(.conflict, "session \(session.id) exists")
            }
            contents.sessions[session.id] = session
        }
    }

    func updateSession(_ session: Session) async throws {
        contents.withLock { $0.sessions[session.id] = session }
    }

    func session(_ id: SessionID) async throws -> Session? {
        contents.withLock { $0.sessions[id] }
    }

    /// Hits of what was said: segments holding every word of an alternative, newest meeting
    /// first (phrases, prefixes and exclusions are the real stores' business).
    func search(_ query: SearchQuery) async throws -> [SearchHit] {
        contents.withLock { contents in
            let sessions = contents.sessions.values.sorted { $0.startedAt > $1.startedAt }
            return sessions.flatMap { session in
                (contents.segments[session.id] ?? []).compactMap { segment -> SearchHit? in
                    let words = Set(SearchText.indexed(segment.text).split(separator: " ").map(String.init))
                    let found = query.expression.alternatives.contains { terms in
                        terms.filter { !$0.isExcluded }.allSatisfy { words.isSuperset(of: $0.words) }
                    }
                    guard found else { return nil }
                    let speaker = contents.speakers[session.id]?.first { $0.id == segment.speaker }
                    return SearchHit(
                        session: session.id,
                        title: session.title,
                        startedAt: session.startedAt,
                        kind: .said,
                        at: segment.start,
                        speaker: speaker?.displayName,
                        text: segment.text,
                        marking: query.expression
                    )
                }
            }.prefix(query.limit).map { $0 }
        }
    }

    func sessions() async throws -> [Session] {
        contents.withLock { $0.sessions.values.sorted { $0.startedAt > $1.startedAt } }
    }

    func deleteSession(_ id: SessionID) async throws -> Bool {
        contents.withLock { contents in
            contents.segments[id] = nil
            contents.speakers[id] = nil
            contents.summaries[id] = nil
            contents.liveVersions[id] = nil
            return contents.sessions.removeValue(forKey: id) != nil
        }
    }

    func appendSegments(
        _ segments: [Segment],
        to session: SessionID,
        adding newSpeakers: [Speaker]
    ) async throws
        -> [Segment]
    {
        contents.withLock { contents in
            var speakers = contents.speakers[session, default: []]
            speakers += newSpeakers.filter { new in !speakers.contains { $0.id == new.id } }
            contents.speakers[session] = speakers
            let forgotten = Set(speakers.filter(\.isForgotten).map(\.id))
            var stored = contents.segments[session, default: []]
            let indexed = segments.enumerated().map { offset, segment in
                var segment = segment.speaker.map(forgotten.contains) == true ? segment.redacted : segment
                segment.index = stored.count + offset
                return segment
            }
            stored += indexed
            contents.segments[session] = stored
            return indexed
        }
    }

    func forgetSpeaker(_ speaker: SpeakerID, in session: SessionID) async throws -> Bool {
        contents.withLock { contents in
            guard let index = contents.speakers[session]?.firstIndex(where: { $0.id == speaker }) else { return false }
            if let profile = contents.speakers[session]?[index].profile { contents.profiles[profile] = nil }
            contents.speakers[session]?[index].isForgotten = true
            contents.speakers[session]?[index].name = nil
            contents.speakers[session]?[index].profile = nil
            let segments = contents.segments[session, default: []]
            let redacted = segments.map { $0.speaker == speaker ? $0.redacted : $0 }
            contents.segments[session] = redacted
            contents.liveVersions[session]?.forget(speaker)
            let changed = redacted != segments
            if changed { contents.summaries[session] = nil }
            return changed
        }
    }

    func segments(of session: SessionID) async throws -> [Segment] {
        contents.withLock { $0.segments[session] ?? [] }
    }

    func replaceTimeline(_ replacement: TimelineReplacement) async throws -> Bool {
        contents.withLock { contents in
            let id = replacement.session
            let forgotten = Set(contents.speakers[id, default: []].filter(\.isForgotten).map(\.id))
            guard forgotten == replacement.madeWithForgotten else { return false }
            contents.liveVersions[id] = contents.liveVersions[id] ?? replacement.live
            contents.segments[id] = replacement.segments.enumerated().map { index, segment in
                var segment = segment
                segment.index = index
                return segment
            }
            var speakers = contents.speakers[id, default: []]
            for speaker in replacement.speakers {
                speakers.removeAll { $0.id == speaker.id }
                speakers.append(speaker)
            }
            contents.speakers[id] = speakers
            contents.summaries[id] = nil
            return true
        }
    }

    func liveVersion(of session: SessionID) async throws -> ExportManifest? {
        contents.withLock { $0.liveVersions[session] }
    }

    func saveSpeaker(_ speaker: Speaker) async throws {
        contents.withLock { contents in
            var speakers = contents.speakers[speaker.session, default: []]
            if let index = speakers.firstIndex(where: { $0.id == speaker.id }) {
                speakers[index] = speaker
            } else {
                speakers.append(speaker)
            }
            contents.speakers[speaker.session] = speakers
        }
    }

    func updateSpeakerUnlessForgotten(_ speaker: Speaker) async throws -> Bool {
        contents.withLock { contents in
            guard let index = contents.speakers[speaker.session]?.firstIndex(where: { $0.id == speaker.id }),
                contents.speakers[speaker.session]?[index].isForgotten == false
            else { return false }
            contents.speakers[speaker.session]?[index].name = speaker.name
            contents.speakers[speaker.session]?[index].profile = speaker.profile
            return true
        }
    }

    func speakers(of session: SessionID) async throws -> [Speaker] {
        contents.withLock { $0.speakers[session] ?? [] }
    }

    func speakers(linkedTo profile: ProfileID) async throws -> [Speaker] {
        contents.withLock { $0.speakers.values.flatMap { $0 }.filter { $0.profile == profile } }
    }

    func saveSummary(_ summary: Summary?, for session: SessionID) async throws {
        contents.withLock { $0.summaries[session] = summary }
    }

    func saveSummary(
        _ summary: Summary,
        for session: SessionID,
        ifForgottenAre forgotten: Set<SpeakerID>
    )
        async throws -> Bool
    {
        contents.withLock { contents in
            guard Set(contents.speakers[session, default: []].filter(\.isForgotten).map(\.id)) == forgotten else {
                return false
            }
            contents.summaries[session] = summary
            return true
        }
    }

    func summary(of session: SessionID) async throws -> Summary? {
        contents.withLock { $0.summaries[session] }
    }

    func recordExport(_ export: StoredExport) async throws {
        contents.withLock { $0.exports[export.id] = export }
    }

    func storedExport(_ id: ExportID) async throws -> StoredExport? {
        contents.withLock { $0.exports[id] }
    }

    func storedExports(of session: SessionID?) async throws -> [StoredExport] {
        contents.withLock { contents in
            contents.exports.values.filter { session == nil || $0.session == session }
                .sorted { $0.createdAt > $1.createdAt }
        }
    }

    func deleteExportRecord(_ id: ExportID) async throws {
        _ = contents.withLock { $0.exports.removeValue(forKey: id) }
    }

    func saveProfile(_ profile: SpeakerProfile) async throws {
        contents.withLock { $0.profiles[profile.id] = profile }
    }

    func profile(_ id: ProfileID) async throws -> SpeakerProfile? {
        contents.withLock { $0.profiles[id] }
    }

    func profiles() async throws -> [SpeakerProfile] {
        contents.withLock { $0.profiles.values.sorted { $0.name < $1.name } }
    }

    func deleteProfile(_ id: ProfileID) async throws {
        _ = contents.withLock { $0.profiles.removeValue(forKey: id) }
    }
}

/// The test store behaves as the orchestrator expects a store to.
struct LiveMemoryStoreTests {
    @Test func appendsAreIndexedInOrder() async throws {
        // Given a session
        let store = LiveMemoryStore()
        let id = SessionID(rawValue: "ses_11111111aaaa")
        try await store.insertSession(
            Session(id: id, title: "t", language: "en", persona: "general", startedAt: Date())
        )

        // When two batches are appended
        _ = try await store.appendSegments([Segment(start: 0, end: 1, speaker: nil, text: "a")], to: id)
        let second = try await store.appendSegments(
            [Segment(start: 1, end: 2, speaker: nil, text: "b"), Segment(start: 2, end: 3, speaker: nil, text: "c")],
            to: id
        )

        // Then indices continue across batches
        #expect(second.map(\.index) == [1, 2])
        #expect(try await store.segments(of: id).map(\.text) == ["a", "b", "c"])
    }
}
