import Foundation
import MinutesCore
import MinutesPipeline

/// The `process_meeting` job: what the upload route enqueues and the worker runs.
enum MeetingJob {
    static let kind = "process_meeting"

    /// What the uploader said about the recording (the recording itself is the attachment).
    struct Payload: Codable, Equatable {
        var title: String
        var language: String
        var speakerCount: Int?

        private enum CodingKeys: String, CodingKey {
            case title, language
            case speakerCount = "speaker_count"
        }
    }

    /// What a finished job points to.
    struct Result: Codable, Equatable {
        var sessionID: SessionID
        var timings: [RecordedMeetingOutcome.StageTiming]

        private enum CodingKeys: String, CodingKey {
            case sessionID = "session_id"
            case timings
        }
    }

    /// The session a job stores its meeting as, the same on every attempt: a retried job
    /// replaces what an interrupted attempt left instead of adding a second session.
    static func sessionID(of job: JobID) -> SessionID {
        SessionID(rawValue: SessionKind.prefix + job.rawValue.dropFirst(JobKind.prefix.count))
    }

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
