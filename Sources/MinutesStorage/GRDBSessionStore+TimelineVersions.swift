import GRDB
import MinutesCore

/// Refine's one transaction, the live version it keeps, and forgetting, which reaches both.
extension GRDBSessionStore {
    public func replaceTimeline(_ replacement: TimelineReplacement) async throws -> Bool {
        let session = replacement.session.rawValue
        let live = try JSONText.encode(replacement.live)
        let replaced = try await writer.write { db in
            guard try Self.forgottenSpeakers(of: replacement.session, db) == replacement.madeWithForgotten else {
                return false
            }
            try db.execute(
                sql: """
                    INSERT INTO timeline_versions (session_id, version, manifest) VALUES (?, 'live', ?)
                    ON CONFLICT (session_id, version) DO NOTHING
                    """,
                arguments: [session, live]
            )
            try db.execute(sql: "DELETE FROM segments WHERE session_id = ?", arguments: [session])
            for speaker in replacement.speakers {
                try Self.save(speaker, db)
            }
            for (index, segment) in replacement.segments.enumerated() {
                var segment = segment
                segment.index = index
                try Self.insert(segment, words: try JSONText.encode(segment.words), into: replacement.session, db)
            }
            try db.execute(sql: "DELETE FROM summaries WHERE session_id = ?", arguments: [session])
            return true
        }
        try await writer.eraseFreedPages()
        return replaced
    }

    public func liveVersion(of session: SessionID) async throws -> ExportManifest? {
        try await json(
            ExportManifest.self,
            sql: "SELECT manifest FROM timeline_versions WHERE session_id = ? AND version = 'live'",
            [session.rawValue]
        )
    }

    @discardableResult
    public func forgetSpeaker(_ speaker: SpeakerID, in session: SessionID) async throws -> Bool {
        let (id, who) = (session.rawValue, speaker.rawValue)
        let redacted = try await writer.write { db in
            let profile = try String.fetchOne(
                db,
                sql: "SELECT profile_id FROM speakers WHERE session_id = ? AND id = ?",
                arguments: [id, who]
            )
            try db.execute(
                sql:
                    "UPDATE speakers SET forgotten = 1, name = NULL, profile_id = NULL WHERE session_id = ? AND id = ?",
                arguments: [id, who]
            )
            try db.execute(
                sql: """
                    UPDATE segments SET text = ?, words = '[]', search_text = ''
                    WHERE session_id = ? AND speaker_id = ? AND (text <> ? OR words <> '[]')
                    """,
                arguments: [Segment.redactedText, id, who, Segment.redactedText]
            )
            let redacted = db.changesCount > 0
            if let profile {
                try db.execute(sql: "DELETE FROM profiles WHERE id = ?", arguments: [profile])
            }
            if redacted {
                try db.execute(sql: "DELETE FROM summaries WHERE session_id = ?", arguments: [id])
                try Self.optimizeSearchIndex(db)
            }
            let liveQuery = "SELECT manifest FROM timeline_versions WHERE session_id = ? AND version = 'live'"
            if let text = try String.fetchOne(db, sql: liveQuery, arguments: [id]) {
                var live = try JSONText.decode(ExportManifest.self, from: text)
                live.forget(speaker)
                try db.execute(
                    sql: "UPDATE timeline_versions SET manifest = ? WHERE session_id = ? AND version = 'live'",
                    arguments: [try JSONText.encode(live), id]
                )
            }
            return redacted
        }
        try await writer.eraseFreedPages()
        return redacted
    }
}
