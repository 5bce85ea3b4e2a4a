/// What saving a speaker does when the session already holds one with its id, in the SQL that
/// SQLite and PostgreSQL both read.
enum SpeakerConflict {
    /// `replacing`: the stored speaker is overwritten (labels, refines); otherwise it is kept
    /// as it is (a voice an append saw as new, which a forget may have reached meanwhile).
    static func clause(replacing: Bool) -> String {
        guard replacing else { return "ON CONFLICT (session_id, id) DO NOTHING" }
        return """
            ON CONFLICT (session_id, id) DO UPDATE SET
                cluster = excluded.cluster, ordinal = excluded.ordinal, name = excluded.name,
                profile_id = excluded.profile_id, forgotten = excluded.forgotten
            """
    }
}
