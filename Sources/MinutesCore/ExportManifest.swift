import Foundation

/// The versioned JSON description of a session: what `export --format json` writes, what
/// stored exports hold, and what `sessions import` reads back.
///
/// Schema `minutes.manifest` version 1 (documented in README): keys are snake_case, times
/// are seconds from the start of the session, dates are ISO-8601 UTC, absent optional
/// values are omitted. Readers must reject a newer `schema_version` than they know.
public struct ExportManifest: Hashable, Sendable, Codable {
    public static let schemaName = "minutes.manifest"
    public static let currentSchemaVersion = 1

    public var schema: String
    public var schemaVersion: Int
    public var session: Session
    /// Seconds from the start of the session to the end of its last segment.
    public var duration: Double
    /// Speakers in the order they were first heard.
    public var speakers: [Speaker]
    public var segments: [Segment]
    public var summary: Summary?

    public init(session: Session, speakers: [Speaker], segments: [Segment], summary: Summary?) {
        self.schema = Self.schemaName
        self.schemaVersion = Self.currentSchemaVersion
        self.session = session
        self.duration = segments.map(\.end).max() ?? 0
        self.speakers = speakers.sorted { $0.ordinal < $1.ordinal }
        self.segments = segments.sorted { $0.index < $1.index }
        self.summary = summary
    }

    /// A manifest for a bare transcript that belongs to no stored session (the `transcribe`
    /// command's JSON and subtitle output): speakers unknown, segments in order.
    public static func transcript(_ drafts: [SegmentDraft], title: String) -> ExportManifest {
        let segments = drafts.enumerated().map { index, draft in
            Segment(
                index: index,
                start: draft.start,
                end: draft.end,
                speaker: nil,
                text: draft.text,
                words: draft.words,
                language: draft.language
            )
        }
        let session = Session(
            id: SessionID(rawValue: "ses_000000000000"),
            title: title,
            startedAt: Date(timeIntervalSince1970: 0)
        )
        return ExportManifest(session: session, speakers: [], segments: segments, summary: nil)
    }

    /// The label to put before a segment's text, or nil for a bare transcript (no speakers
    /// at all), where "Unknown:" on every line would only be noise.
    public func speakerLabel(of id: SpeakerID?) -> String? {
        speakers.isEmpty && id == nil ? nil : displayName(of: id)
    }

    /// The display name of `id`, or "Unknown" for segments without a speaker.
    public func displayName(of id: SpeakerID?) -> String {
        guard let id, let speaker = speakers.first(where: { $0.id == id }) else { return "Unknown" }
        return speaker.displayName
    }

    /// Pretty, key-sorted JSON with a trailing newline: stable bytes for the same session.
    public func jsonText() -> String {
        let data = (try? Self.encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a manifest, refusing other schemas and newer versions with a clear message.
    public static func decode(_ data: Data) throws -> ExportManifest {
        struct Header: Decodable {
            var schema: String?
            var schemaVersion: Int?
        }
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw MinutesError(.invalidInput, "not a JSON manifest: the file is not valid JSON", cause: error)
        }
        guard header.schema == schemaName, let version = header.schemaVersion else {
            throw MinutesError(.invalidInput, "not a Minutes manifest: expected \"schema\": \"\(schemaName)\"")
        }
        guard version <= currentSchemaVersion else {
            throw MinutesError(
                .invalidInput,
                "manifest schema version \(version) is newer than this Minutes understands (\(currentSchemaVersion)); upgrade Minutes"
            )
        }
        do {
            return try decoder.decode(ExportManifest.self, from: data)
        } catch {
            throw MinutesError(
                .invalidInput,
                "the manifest is incomplete or has values of the wrong type",
                cause: error
            )
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}

extension ExportManifest {
    /// Redacts the speaker's segments and marks them forgotten, as forgetting does to every
    /// copy of a timeline that is kept.
    public mutating func forget(_ speakerID: SpeakerID) {
        segments = segments.map { $0.speaker == speakerID ? $0.redacted : $0 }
        speakers = speakers.map { speaker in
            guard speaker.id == speakerID else { return speaker }
            var speaker = speaker
            speaker.name = nil
            speaker.profile = nil
            speaker.isForgotten = true
            return speaker
        }
    }
}
