/// Splits transcript lines into consecutive chunks that each fit a model's context window.
///
/// Lines are kept whole and in order, so every chunk reads like a stretch of the meeting; a single
/// line too long for any chunk (a long monologue without pauses) is cut between words, and each
/// piece keeps the line's `[hh:mm:ss] Speaker:` label so the model still knows who is talking.
/// Sizes use ``LLMPrompt/estimatedTokens(_:)``.
enum LLMTranscriptChunker {
    /// - Parameters:
    ///   - lines: the transcript, one turn a line.
    ///   - budget: the most estimated tokens one chunk may hold; at least 16.
    /// - Returns: one chunk when everything fits, otherwise several, none empty.
    static func chunks(of lines: [String], budget: Int) -> [[String]] {
        let budget = max(16, budget)
        var chunks: [[String]] = []
        var current: [String] = []
        var used = 0
        for line in lines.flatMap({ pieces(of: $0, budget: budget) }) {
            let cost = LLMPrompt.estimatedTokens(line) + 1
            if used + cost > budget, !current.isEmpty {
                chunks.append(current)
                current = []
                used = 0
            }
            current.append(line)
            used += cost
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    /// `line` itself when it fits in `budget`, otherwise pieces of it that do, each with its label.
    private static func pieces(of line: String, budget: Int) -> [String] {
        guard LLMPrompt.estimatedTokens(line) + 1 > budget else { return [line] }
        let label = labelPrefix(of: line)
        let body = line.dropFirst(label.count)
        // Bytes, as the estimate counts them; leave room for the label and the line break.
        let room = max(8, (budget - 1) * 3 - label.utf8.count - 2)
        var pieces: [String] = []
        var piece = ""
        for word in body.split(separator: " ") {
            if !piece.isEmpty, piece.utf8.count + 1 + word.utf8.count > room {
                pieces.append(label + piece)
                piece = ""
            }
            if word.utf8.count > room {
                // A "word" longer than a chunk (pasted data): cut it by characters.
                var rest = Substring(word)
                while !rest.isEmpty {
                    var take = rest.startIndex
                    var bytes = 0
                    while take < rest.endIndex, bytes + rest[take].utf8.count <= room {
                        bytes += rest[take].utf8.count
                        take = rest.index(after: take)
                    }
                    if take == rest.startIndex { take = rest.index(after: take) }
                    pieces.append(label + rest[..<take])
                    rest = rest[take...]
                }
                continue
            }
            piece += piece.isEmpty ? String(word) : " " + word
        }
        if !piece.isEmpty { pieces.append(label + piece) }
        return pieces
    }

    /// `[00:01:02] Alice: ` or `Alice: `, up to and including the space after the first colon that
    /// follows the time stamp; empty when there is none.
    private static func labelPrefix(of line: String) -> String {
        var searchStart = line.startIndex
        if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
            searchStart = close
        }
        guard let colon = line[searchStart...].firstIndex(of: ":") else { return "" }
        let afterColon = line.index(after: colon)
        guard afterColon < line.endIndex, line[afterColon] == " " else { return "" }
        return String(line[...afterColon])
    }
}
