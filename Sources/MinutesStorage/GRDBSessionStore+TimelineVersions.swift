import GRDB
import MinutesCore

/// Refine's one transaction, and the live version it keeps.
extension GRDBSessionStore {
    public func replaceTimeline(_ replacement: TimelineReplacement) async throws {
        let session = replacement.session.rawValue
        let live = try JSONText.encode(replacement.live)
        try await writer.write { db in
            let forgotten = try String.fetchAll(
                db,
                sql: "SELECT id FROM speakers WHERE session_id = ? AND forgotten = 1",
                arguments: [session]
            )
            let kept = replacement.keeping(forgotten: Set(forgotten.map(SpeakerID.init(rawValue:))))
            try db.execute(
                sql: """
                    INSERT INTO timeline_versions (session_id, version, manifest) VALUES (?, 'live', ?)
                    ON CONFLICT (session_id, version) DO NOTHING
                    """,
                arguments: [session, live]
            )
            try db.execute(sql: "DELETE FROM segments WHERE session_id = ?", arguments: [session])
            for speaker in kept.speakers {
                try Self.save(speaker, db)
            }
            for segment in kept.segments {
                try Self.insert(segment, words: try JSONText.encode(segment.words), into: replacement.session, db)
            }
            try db.execute(sql: "DELETE FROM summaries WHERE session_id = ?", arguments: [session])
        }
        try await writer.eraseFreedPages()
    }

    public func liveVersion(of session: SessionID) async throws -> ExportManifest? {
        try await json(
            ExportManifest.self,
            sql: "SELECT manifest FROM timeline_versions WHERE session_id = ? AND version = 'live'",
            [session.rawValue]
        )
    }

    public func saveLiveVersion(_ manifest: ExportManifest) async throws {
        let text = try JSONText.encode(manifest)
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO timeline_versions (session_id, version, manifest) VALUES (?, 'live', ?)
                    ON CONFLICT (session_id, version) DO UPDATE SET manifest = excluded.manifest
                    """,
                arguments: [manifest.session.id.rawValue, text]
            )
        }
        try await writer.eraseFreedPages()
    }
}
