import MinutesCore
import PostgresNIO

/// Refine's one transaction, the live version it keeps, and forgetting, which reaches both.
extension PostgresSessionStore {
    /// Locks the session's row first, so an append or a forget from another machine waits for it.
    public func replaceTimeline(_ replacement: TimelineReplacement) async throws -> Bool {
        let session = replacement.session.rawValue
        let live = try JSONText.encode(replacement.live)
        return try await pool.transaction { statements in
            try await statements.rows("SELECT id FROM sessions WHERE id = \(session) FOR UPDATE")
            guard
                try await Self.forgottenSpeakers(of: replacement.session, statements) == replacement.madeWithForgotten
            else { return false }
            try await statements.rows(
                """
                INSERT INTO timeline_versions (session_id, version, manifest) VALUES (\(session), 'live', \(live))
                ON CONFLICT (session_id, version) DO NOTHING
                """
            )
            try await statements.rows("DELETE FROM segments WHERE session_id = \(session)")
            for speaker in replacement.speakers {
                try await statements.rows(Self.saving(speaker))
            }
            for (index, segment) in replacement.segments.enumerated() {
                var segment = segment
                segment.index = index
                let words = try JSONText.encode(segment.words)
                try await statements.rows(Self.insertion(of: segment, words: words, into: replacement.session))
            }
            try await statements.rows("DELETE FROM summaries WHERE session_id = \(session)")
            return true
        }
    }

    public func liveVersion(of session: SessionID) async throws -> ExportManifest? {
        try await pool.rows(
            "SELECT manifest FROM timeline_versions WHERE session_id = \(session.rawValue) AND version = 'live'"
        ).first.map { try JSONText.decode(ExportManifest.self, from: try $0.decode(String.self)) }
    }

    /// Locks the session's row first, as appends and refines do, so none of them interleaves.
    @discardableResult
    public func forgetSpeaker(_ speaker: SpeakerID, in session: SessionID) async throws -> Bool {
        let (id, who) = (session.rawValue, speaker.rawValue)
        let redacted = Segment.redactedText
        return try await pool.transaction { statements in
            try await statements.rows("SELECT id FROM sessions WHERE id = \(id) FOR UPDATE")
            let profile =
                try await statements.rows(
                    "SELECT profile_id FROM speakers WHERE session_id = \(id) AND id = \(who)"
                ).first?.decode(String?.self) ?? nil
            try await statements.rows(
                "UPDATE speakers SET forgotten = 1, name = NULL, profile_id = NULL WHERE session_id = \(id) AND id = \(who)"
            )
            let changed = try await statements.rows(
                """
                UPDATE segments SET text = \(redacted), words = '[]', search_text = ''
                WHERE session_id = \(id) AND speaker_id = \(who) AND (text <> \(redacted) OR words <> '[]')
                RETURNING idx
                """
            )
            if let profile {
                try await statements.rows("DELETE FROM profiles WHERE id = \(profile)")
            }
            if !changed.isEmpty {
                try await statements.rows("DELETE FROM summaries WHERE session_id = \(id)")
            }
            let kept = try await statements.rows(
                "SELECT manifest FROM timeline_versions WHERE session_id = \(id) AND version = 'live'"
            )
            if let text = try kept.first?.decode(String.self) {
                var live = try JSONText.decode(ExportManifest.self, from: text)
                live.forget(speaker)
                let manifest = try JSONText.encode(live)
                try await statements.rows(
                    "UPDATE timeline_versions SET manifest = \(manifest) WHERE session_id = \(id) AND version = 'live'"
                )
            }
            return !changed.isEmpty
        }
    }
}
