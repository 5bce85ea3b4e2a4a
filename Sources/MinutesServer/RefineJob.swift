import MinutesCore

/// The `refine_session` job: a finished session transcribed and diarized again.
///
/// The recording is the one sent with the request (the attachment) or the one in the server's
/// recordings directory. Its status and results are read like a meeting job's.
enum RefineJob {
    static let kind = "refine_session"

    struct Payload: Codable, Equatable {
        var sessionID: SessionID
        var speakerCount: Int?

        private enum CodingKeys: String, CodingKey {
            case sessionID = "session_id"
            case speakerCount = "speaker_count"
        }
    }
}
