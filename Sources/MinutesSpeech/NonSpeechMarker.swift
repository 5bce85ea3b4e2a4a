import Foundation

/// Whisper's descriptions of sound that is not speech: `[BLANK_AUDIO]`, `(music)`,
/// `[ Silence ]`, `*coughs*`, `♪`.
enum NonSpeechMarker {
    static func matches(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(
            in: .whitespacesAndNewlines.union(.punctuationCharacters.subtracting(["[", "]", "(", ")", "*"]))
        )
        guard let first = trimmed.first, let last = trimmed.last else { return true }
        let pairs: [(Character, Character)] = [("[", "]"), ("(", ")"), ("*", "*")]
        if pairs.contains(where: { first == $0.0 && last == $0.1 }) { return true }
        return trimmed.allSatisfy { $0 == "♪" || $0 == "♫" || $0.isWhitespace }
    }
}
