import Foundation
import Hummingbird
import MinutesCore
import MinutesPipeline

extension MeetingRoutes {
    /// A name and recordings of that person: JSON with base64 `content` (or several in
    /// `contents`), or multipart/form-data with a `name` field and one or more files.
    struct EnrollRequest {
        var name: String
        var recordings: [Data]
        var replace: Bool

        private struct JSONBody: Decodable {
            var name: String
            var content: String?
            var contents: [String]?
            var replace: Bool?
        }

        init(_ request: Request, context: MinutesRequestContext) async throws {
            if try request.isMultipart(accepting: .jsonOrMultipart) {
                let form = try MultipartForm(
                    data: try await request.bodyData(context: context),
                    contentType: request.headers[.contentType] ?? ""
                )
                guard let name = form.field("name") else {
                    throw APIError.badRequest("missing_field", "the form needs a 'name' field")
                }
                self.name = name
                recordings = form.files.map(\.data)
                replace = form.field("replace") == "true"
            } else {
                let body = try Request.decodeJSON(JSONBody.self, from: try await request.bodyData(context: context))
                name = body.name
                let encoded = (body.content.map { [$0] } ?? []) + (body.contents ?? [])
                recordings = try encoded.map { try AudioContent.bytes(fromBase64: $0, field: "content") }
                replace = body.replace ?? false
            }
            guard !recordings.isEmpty else {
                throw APIError.badRequest("missing_field", "send at least one recording ('content' or a file part)")
            }
            guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, name.unicodeScalars.count <= 100 else {
                throw APIError.badRequest("invalid_value", "'name' must be 1 to 100 characters")
            }
        }
    }

    struct EnrollResponse: ResponseEncodable {
        var profileID: ProfileID
        var name: String
        var voicePrints: Int
    }

    /// A recording to process: JSON with base64 `content`, or multipart/form-data with the
    /// file and the same fields as form fields.
    struct ProcessRequest {
        var audio: Data
        var title: String?
        var language: String?
        var speakers: Int?

        private struct JSONBody: Decodable {
            var content: String
            var title: String?
            var language: String?
            var speakers: Int?
        }

        init(_ request: Request, context: MinutesRequestContext) async throws {
            if try request.isMultipart(accepting: .jsonOrMultipart) {
                let form = try MultipartForm(
                    data: try await request.bodyData(context: context),
                    contentType: request.headers[.contentType] ?? ""
                )
                guard let file = form.files.first else {
                    throw APIError.badRequest("missing_field", "the form needs the recording as a file part")
                }
                audio = file.data
                title = form.field("title")
                language = form.field("language")
                speakers = try form.field("speakers").map { text in
                    guard let number = Int(text) else {
                        throw APIError.badRequest("wrong_type", "'speakers' must be a number")
                    }
                    return number
                }
            } else {
                let body = try Request.decodeJSON(JSONBody.self, from: try await request.bodyData(context: context))
                audio = try AudioContent.bytes(fromBase64: body.content, field: "content")
                title = body.title
                language = body.language
                speakers = body.speakers
            }
            if let speakers, !(1...32).contains(speakers) {
                throw APIError.badRequest("invalid_value", "'speakers' must be between 1 and 32")
            }
            if let title, !(1...200).contains(title.unicodeScalars.count) {
                throw APIError.badRequest("invalid_value", "'title' must be 1 to 200 characters")
            }
        }
    }

    /// Where a meeting's job is: `queued`, `running` (with stage and progress), `done` or
    /// `failed` (with the reason).
    struct MeetingStatus: ResponseEncodable {
        var meetingID: JobID
        var status: String
        var stage: String?
        var progress: Double
        var attempts: Int
        var maxAttempts: Int
        /// Why the last attempt failed; kept after a successful retry too.
        var reason: String?
        var createdAt: Date
        var updatedAt: Date

        init(_ job: Job) {
            meetingID = job.id
            status = job.state.rawValue
            stage = job.state == .running ? job.stage : nil
            progress = job.progress
            attempts = job.attempts
            maxAttempts = job.maxAttempts
            reason = job.failureReason
            createdAt = job.createdAt
            updatedAt = job.updatedAt
        }
    }

    /// A processed meeting: the diarized transcript with speaker labels, the speakers, the
    /// summary with its action items, and how long each stage took.
    struct MeetingResults: ResponseEncodable {
        struct Line: Codable {
            var start: Double
            var end: Double
            var speakerID: SpeakerID?
            var speaker: String
            var text: String
        }

        var meetingID: JobID
        var sessionID: SessionID
        var title: String
        var speakers: [SpeakerView]
        var transcript: [Line]
        var summary: Summary?
        var actionItems: [ActionItem]
        var timings: [RecordedMeetingOutcome.StageTiming]

        init(meetingID: JobID, result: MeetingJob.Result, manifest: ExportManifest) {
            let speakers = manifest.speakers.sorted { $0.ordinal < $1.ordinal }
            let names = Dictionary(uniqueKeysWithValues: speakers.map { ($0.id, $0.displayName) })
            self.meetingID = meetingID
            sessionID = result.sessionID
            title = manifest.session.title
            self.speakers = speakers.map(SpeakerView.init)
            transcript = manifest.segments.map {
                Line(
                    start: $0.start,
                    end: $0.end,
                    speakerID: $0.speaker,
                    speaker: $0.speaker.flatMap { names[$0] } ?? "Unknown",
                    text: $0.text
                )
            }
            summary = manifest.summary
            actionItems = manifest.summary?.actionItems ?? []
            timings = result.timings
        }
    }
}
