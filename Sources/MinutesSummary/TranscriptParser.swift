import Foundation
import MinutesCore

/// Reads a plain-text transcript, one `Speaker: words` line per turn, into summarizer input.
///
/// Accepted lines:
/// - `[hh:mm:ss] Speaker: text`, as Minutes' own txt export writes them (`[mm:ss]` and fractions
///   such as `[00:01:02.500]` too);
/// - `Speaker: text`, as people type them;
/// - header comments `# title: …`, `# date: 2026-03-04` and `# participants: A, B`; other `#` lines
///   and blank lines are ignored;
/// - a line with no speaker continues the turn before it (wrapped text).
///
/// A speaker label is up to five words of letters, digits, spaces and `.'-_()`, starting with a
/// letter and followed by ": ", so a wrapped line such as "10:30 works for me" continues the turn
/// before it. A line like "Note: …" cannot be told from a speaker and is read as one.
/// A JSON manifest (`export --format json`) is accepted by ``summaryInput(from:fallbackDate:)`` too.
public struct TranscriptParser: Sendable {
    public init() {}

    /// The shapes a transcript line may take, for error messages and `--help` text.
    public static let acceptedShapes = """
        `[hh:mm:ss] Speaker: text` (Minutes' txt export), `Speaker: text`, header lines `# title: …`, \
        `# date: yyyy-MM-dd`, `# participants: A, B`; a line without a speaker continues the previous turn
        """

    /// Reads `text`.
    ///
    /// - Throws: ``MinutesError`` `.empty` for a file with no lines, `.invalidInput` when no line is a
    ///   speaker line, text comes before the first speaker line, or a header is malformed. Messages
    ///   name line numbers, never transcript text.
    public func parse(_ text: String) throws -> ParsedTranscript {
        var transcript = ParsedTranscript(turns: [])
        var sawContent = false
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
        {
            let lineNumber = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            sawContent = true
            if line.hasPrefix("#") {
                try readHeader(line, lineNumber: lineNumber, into: &transcript)
                continue
            }
            if let turn = Self.turn(from: line) {
                transcript.turns.append(turn)
            } else if let last = transcript.turns.indices.last {
                transcript.turns[last].text += " " + line
            } else {
                throw MinutesError(
                    .invalidInput,
                    "line \(lineNumber) comes before any speaker line; "
                        + "a transcript's lines look like: \(Self.acceptedShapes)"
                )
            }
        }
        guard sawContent else {
            throw MinutesError(.empty, "nothing to summarize: the transcript is empty")
        }
        guard !transcript.turns.isEmpty else {
            throw MinutesError(.invalidInput, "no line looks like a transcript line; accepted: \(Self.acceptedShapes)")
        }
        return transcript
    }

    /// Reads a JSON manifest or a text transcript, whichever `data` holds.
    ///
    /// - Parameter fallbackDate: the meeting date when a text transcript has no `# date:` header.
    /// - Throws: ``MinutesError`` `.invalidInput` for data that is neither (or not UTF-8), and the
    ///   errors of ``parse(_:)`` and `ExportManifest.decode`.
    public func summaryInput(from data: Data, fallbackDate: Date) throws -> SummaryInput {
        let firstByte = data.first {
            !(UInt8(ascii: " ") == $0 || UInt8(ascii: "\n") == $0 || UInt8(ascii: "\r") == $0
                || UInt8(ascii: "\t") == $0)
        }
        if firstByte == UInt8(ascii: "{") {
            return SummaryInput(manifest: try ExportManifest.decode(data))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MinutesError(.invalidInput, "the transcript is not UTF-8 text or a JSON manifest")
        }
        return try parse(text).summaryInput(fallbackDate: fallbackDate)
    }

    // MARK: - Lines

    private func readHeader(_ line: String, lineNumber: Int, into transcript: inout ParsedTranscript) throws {
        let body = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
        guard let colon = body.firstIndex(of: ":") else { return }
        let key = body[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        switch key {
        case "title":
            transcript.title = value.isEmpty ? nil : value
        case "date":
            guard let date = Self.date(from: value) else {
                throw MinutesError(
                    .invalidInput,
                    "line \(lineNumber): the date header must look like `# date: 2026-03-04` or an ISO-8601 date-time"
                )
            }
            transcript.date = date
        case "participants":
            transcript.participants = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        default:
            break
        }
    }

    /// `[00:01:02] Alice: text` or `Alice: text`, or `nil` when the line has no speaker label.
    static func turn(from line: String) -> SummaryInput.Turn? {
        var rest = Substring(line)
        var start: Double?
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            guard let seconds = seconds(from: rest[rest.index(after: rest.startIndex)..<close]) else { return nil }
            start = seconds
            rest = rest[rest.index(after: close)...].drop { $0 == " " || $0 == "\t" }
        }
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let label = rest[..<colon].trimmingCharacters(in: .whitespaces)
        let afterColon = rest[rest.index(after: colon)...]
        guard afterColon.isEmpty || afterColon.first == " " || afterColon.first == "\t", isSpeakerLabel(label) else {
            return nil
        }
        return SummaryInput.Turn(speaker: label, text: afterColon.trimmingCharacters(in: .whitespaces), start: start)
    }

    private static func isSpeakerLabel(_ label: String) -> Bool {
        guard let first = label.first, first.isLetter, label.count <= 40 else { return false }
        guard label.split(separator: " ").count <= 5 else { return false }
        return label.allSatisfy { $0.isLetter || $0.isNumber || " .'-_()\u{2019}".contains($0) }
    }

    /// `01:02:03`, `02:03`, `01:02:03.500`, `01:02:03,500`.
    private static func seconds(from text: Substring) -> Double? {
        let parts = text.replacingOccurrences(of: ",", with: ".").split(separator: ":")
        guard (2...3).contains(parts.count) else { return nil }
        var total = 0.0
        for part in parts {
            guard let value = Double(part), value >= 0 else { return nil }
            total = total * 60 + value
        }
        return total
    }

    private static func date(from text: String) -> Date? {
        let parts = text.split(separator: "-")
        if text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2]), let calendarDay = CalendarDay(year: year, month: month, day: day)
        {
            return Date(timeIntervalSince1970: Double(calendarDay.ordinal) * 86_400)
        }
        return try? Date(text, strategy: .iso8601)
    }
}
