/// Reads and writes NIST RTTM speaker turns, the interchange format of diarization scorers.
///
/// Only `SPEAKER` lines matter for diarization:
/// `SPEAKER <file> <channel> <start> <duration> <NA> <NA> <speaker> <NA> <NA>`, whitespace-separated.
/// Other record types (`SPKR-INFO`, `LEXEME`, …), `;;` comments and blank lines are skipped, so references
/// exported by other tools load unchanged. ``RTTMTurns`` writes a session's manifest; this type is the general
/// reader and writer the evaluation needs, keyed by file id because one RTTM file usually covers a whole corpus.
public enum RTTM {
    /// One speaker speaking without interruption: RTTM's turns are the diarizers' turns.
    public typealias Turn = SpeakerTurn

    /// Parses RTTM text into speaker turns grouped by file id, each file's turns in the order they appear.
    ///
    /// Turns of zero duration are kept, since they are valid RTTM; scorers ignore them.
    ///
    /// - Parameter text: The contents of an RTTM file; `\n` and `\r\n` line endings both work.
    /// - Returns: The turns of every file that has at least one `SPEAKER` line.
    /// - Throws: ``MinutesError`` `.invalidInput` naming the 1-based line of the first malformed `SPEAKER` line:
    ///   too few fields, a start that is not a finite number or is negative, or a duration that is not a
    ///   finite number or is negative.
    public static func parse(_ text: String) throws(MinutesError) -> [String: [Turn]] {
        var files: [String: [Turn]] = [:]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, line) in lines.enumerated() {
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard let type = fields.first, type == "SPEAKER" else { continue }
            let lineNumber = offset + 1
            guard fields.count >= 8 else {
                throw MinutesError(
                    .invalidInput,
                    "RTTM line \(lineNumber): a SPEAKER line needs at least 8 fields "
                        + "(SPEAKER file channel start duration <NA> <NA> speaker), found \(fields.count)"
                )
            }
            let start = try seconds(fields[3], named: "start", line: lineNumber)
            let duration = try seconds(fields[4], named: "duration", line: lineNumber)
            let turn = Turn(speaker: String(fields[7]), start: start, end: start + duration)
            files[String(fields[1]), default: []].append(turn)
        }
        return files
    }

    /// Writes turns as RTTM `SPEAKER` lines on channel 1, files in id order, each file's turns as given.
    ///
    /// Times are written with three decimals (milliseconds), as md-eval and pyannote write them, so turns timed
    /// in whole milliseconds survive a round trip through ``parse(_:)``. File ids and speaker labels must not
    /// contain whitespace, which RTTM cannot represent.
    public static func render(_ files: [String: [Turn]]) -> String {
        var output = ""
        for fileID in files.keys.sorted() {
            output += render(files[fileID] ?? [], fileID: fileID)
        }
        return output
    }

    /// Writes one file's turns as RTTM `SPEAKER` lines on channel 1, in the order given.
    public static func render(_ turns: [Turn], fileID: String) -> String {
        var output = ""
        for turn in turns {
            output +=
                "SPEAKER \(fileID) 1 \(Timecode.decimal(turn.start)) \(Timecode.decimal(turn.duration)) "
                + "<NA> <NA> \(turn.speaker) <NA> <NA>\n"
        }
        return output
    }

    /// Reads a non-negative, finite number of seconds; `Double.init` alone would accept `nan` and `inf`.
    private static func seconds(_ field: Substring, named name: String, line: Int) throws(MinutesError) -> Double {
        guard let value = Double(field), value.isFinite else {
            throw MinutesError(.invalidInput, "RTTM line \(line): \(name) '\(field)' is not a number of seconds")
        }
        guard value >= 0 else {
            throw MinutesError(.invalidInput, "RTTM line \(line): \(name) '\(field)' is negative")
        }
        return value
    }
}
