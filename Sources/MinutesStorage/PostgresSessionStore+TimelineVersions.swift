import MinutesCore
import PostgresNIO

/// Refine's one transaction, and the live version it keeps.
extension PostgresSessionStore {
    /// Locks the session's row first, so an append or a forget from another machine waits for it.
    public func replaceTimeline(_ replacement: TimelineReplacement) async throws {
        let session = replacement.session.rawValue
        let live = try JSONText.encode(replacement.live)
        try await pool.transaction { statements in
            try await statements.rows("SELECT id FROM sessions WHERE id = \(session) FOR UPDATE")
            let forgotten = try await statements.rows(
                "SELECT id FROM speakers WHERE session_id = \(session) AND forgotten = 1"
            ).map { SpeakerID(rawValue: try $0.decode(String.self)) }
            let kept = replacement.keeping(forgotten: Set(forgotten))
            try await statements.rows(
                """
                INSERT INTO timeline_versions (session_id, version, manifest) VALUES (\(session), 'live', \(live))
                ON CONFLICT (session_id, version) DO NOTHING
                """
            )
            try await statements.rows("DELETE FROM segments WHERE session_id = \(session)")
            for speaker in kept.speakers {
                try await statements.rows(Self.saving(speaker))
            }
            for segment in kept.segments {
                let words = try JSONText.encode(segment.words)
                try await statements.rows(Self.insertion(of: segment, words: words, into: replacement.session))
            }
            try await statements.rows("DELETE FROM summaries WHERE session_id = \(session)")
        }
    }

    public func liveVersion(of session: SessionID) async throws -> ExportManifest? {
        try await pool.rows(
            "SELECT manifest FROM timeline_versions WHERE session_id = \(session.rawValue) AND version = 'live'"
        ).first.map { try JSONText.decode(ExportManifest.self, from: try $0.decode(String.self)) }
    }

    public func saveLiveVersion(_ manifest: ExportManifest) async throws {
        let text = try JSONText.encode(manifest)
        try await pool.rows(
            """
            INSERT INTO timeline_versions (session_id, version, manifest)
            VALUES (\(manifest.session.id.rawValue), 'live', \(text))
            ON CONFLICT (session_id, version) DO UPDATE SET manifest = excluded.manifest
            """
        )
    }
}
