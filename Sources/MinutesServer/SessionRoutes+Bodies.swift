import Hummingbird
import MinutesCore

extension SessionRoutes {
    struct CreateRequest: Decodable {
        var title: String?
        var language: String?
        var persona: String?

        private enum CodingKeys: String, CodingKey {
            case title, language, persona
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            title = try container.decodeIfPresent(String.self, forKey: .title)
            language = try container.decodeIfPresent(String.self, forKey: .language)
            persona = try container.decodeIfPresent(String.self, forKey: .persona)
            if let title, !(1...200).contains(title.unicodeScalars.count) {
                throw APIError.badRequest("invalid_value", "'title' must be 1 to 200 characters")
            }
            if let language, !(2...8).contains(language.unicodeScalars.count) {
                throw APIError.badRequest("invalid_value", "'language' must be a language code such as 'en', or 'auto'")
            }
        }
    }

    struct AppendRequest: Decodable {
        var sessionID: String
        /// A base64 WAV chunk.
        var content: String

        private enum CodingKeys: String, CodingKey {
            case sessionID = "session_id"
            case content
        }
    }

    struct AppendResponse: ResponseEncodable {
        var sessionID: SessionID
        var chunkStart: Double
        var chunkDuration: Double
        var segments: [Segment]
        var newSpeakers: [SpeakerView]
    }

    struct LabelRequest: Decodable {
        var speakerID: String
        /// An empty name clears it.
        var name: String

        private enum CodingKeys: String, CodingKey {
            case speakerID = "speaker_id"
            case name
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            speakerID = try container.decode(String.self, forKey: .speakerID)
            name = try container.decode(String.self, forKey: .name)
            guard name.unicodeScalars.count <= 100 else {
                throw APIError.badRequest("invalid_value", "'name' must be at most 100 characters")
            }
        }
    }

    /// `POST /sessions/{id}/refine`: optionally the recording (base64 WAV) when the server does
    /// not have it, and the number of speakers when known.
    struct RefineRequest: Decodable {
        var audio: String?
        var speakers: Int?
    }

    struct ForgetRequest: Decodable {
        var speakerID: String

        private enum CodingKeys: String, CodingKey {
            case speakerID = "speaker_id"
        }
    }

    struct SessionView: ResponseEncodable {
        var session: Session
        var speakers: [SpeakerView]
        var segments: [Segment]
        var summary: Summary?
    }
}
