import Foundation

/// A text transcript read by ``TranscriptParser``: its turns and whatever its header said.
public struct ParsedTranscript: Hashable, Sendable {
    /// From a `# title: …` header line.
    public var title: String?
    /// From a `# date: 2026-03-04` header line: the meeting's day (midnight UTC) or instant.
    public var date: Date?
    /// From a `# participants: A, B` header line: people who may be named as owners.
    public var participants: [String]
    public var turns: [SummaryInput.Turn]

    public init(title: String? = nil, date: Date? = nil, participants: [String] = [], turns: [SummaryInput.Turn]) {
        self.title = title
        self.date = date
        self.participants = participants
        self.turns = turns
    }

    /// The summarizer input, dated by the header's date or else by `fallbackDate`.
    public func summaryInput(fallbackDate: Date) -> SummaryInput {
        SummaryInput(turns: turns, meetingDate: date ?? fallbackDate, participants: participants)
    }
}
