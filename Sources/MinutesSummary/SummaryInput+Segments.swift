import Foundation
import MinutesCore

extension SummaryInput {
    /// The input for a stored or exported session: its segments with the speakers' display names,
    /// dated by the session's start.
    public init(manifest: ExportManifest) {
        self.init(
            segments: manifest.segments,
            speakers: manifest.speakers,
            meetingDate: manifest.session.startedAt
        )
    }

    /// The input for `segments`, naming each by its speaker's display name ("Unknown" without one).
    ///
    /// Redacted and empty segments are left out. A segment whose text has no sentence punctuation
    /// but has word timings is cut at pauses of at least `pause` seconds, because for speech-to-text
    /// output without punctuation a pause is the best sentence boundary there is.
    ///
    /// - Parameters:
    ///   - segments: the timeline, in any order (it is sorted by start).
    ///   - speakers: the session's speakers, for display names.
    ///   - meetingDate: when the meeting took place.
    ///   - pause: the silence, in seconds, that ends a sentence in unpunctuated text.
    public init(segments: [Segment], speakers: [Speaker], meetingDate: Date, pause: Double = 0.8) {
        var names: [SpeakerID: String] = [:]
        for speaker in speakers {
            names[speaker.id] = speaker.displayName
        }
        let ordered = segments.sorted { ($0.start, $0.index) < ($1.start, $1.index) }
        var turns: [Turn] = []
        for segment in ordered {
            let text = segment.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, text != Segment.redactedText else { continue }
            let speaker = segment.speaker.flatMap { names[$0] } ?? "Unknown"
            for piece in Self.pieces(of: segment, text: text, pause: pause) {
                turns.append(Turn(speaker: speaker, text: piece.text, start: piece.start))
            }
        }
        let participants = speakers.sorted { $0.ordinal < $1.ordinal }.map(\.displayName)
        self.init(turns: turns, meetingDate: meetingDate, participants: participants)
    }

    private static func pieces(of segment: Segment, text: String, pause: Double) -> [(text: String, start: Double)] {
        let punctuated = text.contains { $0 == "." || $0 == "?" || $0 == "!" }
        guard !punctuated, segment.words.count > 1 else { return [(text, segment.start)] }
        var pieces: [(text: String, start: Double)] = []
        var current: [String] = []
        var currentStart = segment.words[0].start
        var previousEnd = segment.words[0].start
        for word in segment.words {
            let written = word.text.trimmingCharacters(in: .whitespaces)
            guard !written.isEmpty else { continue }
            if !current.isEmpty, word.start - previousEnd >= pause {
                pieces.append((current.joined(separator: " "), currentStart))
                current = []
                currentStart = word.start
            }
            current.append(written)
            previousEnd = word.end
        }
        if !current.isEmpty { pieces.append((current.joined(separator: " "), currentStart)) }
        return pieces.isEmpty ? [(text, segment.start)] : pieces
    }
}
