import Hummingbird
import MinutesCore

extension SingleShotRoutes {
    struct TranscribeRequest: Decodable {
        /// Base64 WAV.
        var content: String
        var language: String?
    }

    struct TranscribeResponse: ResponseEncodable {
        struct Segment: Codable {
            var start: Double
            var end: Double
            var text: String
            var words: [Word]
        }

        var language: String
        var duration: Double
        var segments: [Segment]
    }

    struct DiarizeRequest: Decodable {
        var content: String
        /// The number of voices when known.
        var speakers: Int?

        private enum CodingKeys: String, CodingKey {
            case content, speakers
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            content = try container.decode(String.self, forKey: .content)
            speakers = try container.decodeIfPresent(Int.self, forKey: .speakers)
            if let speakers, !(1...32).contains(speakers) {
                throw APIError.badRequest("invalid_value", "'speakers' must be between 1 and 32")
            }
        }
    }

    struct DiarizeResponse: ResponseEncodable {
        struct Turn: Codable {
            var start: Double
            var end: Double
            var speaker: String
        }

        var duration: Double
        var speakers: Int
        var segments: [Turn]
    }

    struct SummarizeRequest: Decodable {
        /// `Speaker: words` lines (or Minutes' txt export, or a JSON manifest).
        var transcript: String
        var maxPoints: Int?
        var persona: String?

        private enum CodingKeys: String, CodingKey {
            case transcript
            case maxPoints = "max_points"
            case persona
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            transcript = try container.decode(String.self, forKey: .transcript)
            maxPoints = try container.decodeIfPresent(Int.self, forKey: .maxPoints)
            persona = try container.decodeIfPresent(String.self, forKey: .persona)
            if let maxPoints, !(0...50).contains(maxPoints) {
                throw APIError.badRequest("invalid_value", "'max_points' must be between 0 and 50")
            }
        }
    }

    struct SpeakRequest: Decodable {
        var text: String
        /// An espeak-ng voice (`en-us`, `en-gb+f3`).
        var voice: String?

        private enum CodingKeys: String, CodingKey {
            case text, voice
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            voice = try container.decodeIfPresent(String.self, forKey: .voice)
            guard (1...5_000).contains(text.unicodeScalars.count) else {
                throw APIError.badRequest("invalid_value", "'text' must be 1 to 5000 characters")
            }
        }
    }

    struct SpeakResponse: ResponseEncodable {
        /// Base64 WAV, 16-bit PCM.
        var content: String
        var sampleRate: Int
        var duration: Double
    }
}
