import Foundation
import Logging
import MinutesCore
import MinutesSummary

/// The fixed meetings under `Transcripts/`, and helpers to summarize them the same way every time.
enum Fixtures {
    /// The transcripts with an answer key and a golden summary.
    static let meetings = ["planning", "standup", "sales"]
    /// Meetings scored and kept as goldens but not held to the recall bar (see the report in each key).
    static let extraMeetings = ["review", "incident"]

    static let summarizer = OfflineSummarizer(logger: Logger(label: "minutes.summary.tests"))

    /// A Wednesday, for tables that resolve dates: 2026-03-04 10:00 UTC.
    static let wednesday = Date(timeIntervalSince1970: 1_772_618_400)

    static func text(_ name: String, extension fileExtension: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: fileExtension, subdirectory: "Transcripts")
        else {
            throw FixtureError("missing fixture Transcripts/\(name).\(fileExtension)")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func input(_ name: String) throws -> SummaryInput {
        try TranscriptParser().parse(try text(name, extension: "txt")).summaryInput(fallbackDate: wednesday)
    }

    /// Pretty, key-sorted, snake_case JSON with a trailing newline, as the manifest encodes summaries.
    static func json(_ summary: Summary) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(summary), as: UTF8.self) + "\n"
    }

    /// A one-line input for phrasing tables: `lines` are `Speaker: text`, dated Wednesday 2026-03-04.
    static func conversation(_ lines: [String], participants: [String] = []) throws -> SummaryInput {
        let body = lines.joined(separator: "\n")
        return try TranscriptParser().parse(body).summaryInput(fallbackDate: wednesday).with(participants: participants)
    }
}

extension SummaryInput {
    func with(participants extra: [String]) -> SummaryInput {
        var copy = self
        copy.participants += extra
        return copy
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
