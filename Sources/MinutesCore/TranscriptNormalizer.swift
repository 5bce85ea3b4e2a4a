import Foundation

/// Puts transcripts into the comparable form WER is computed on: lowercase words without
/// punctuation, numbers as digits, common spelling variants unified.
public enum TranscriptNormalizer {
    public static func words(_ text: String) -> [String] {
        var cleaned = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "'" {
                cleaned.append(character)
            } else if character == "%" {
                cleaned += " percent "
            } else {
                cleaned.append(" ")
            }
        }
        let raw = cleaned.split(separator: " ").map { $0.trimmingCharacters(in: ["'"]) }.filter { !$0.isEmpty }
        return numbersAsDigits(raw.map { spellings[$0] ?? $0 }).filter { !fillers.contains($0) }
    }

    /// Hesitations that references leave out and recognizers sometimes write.
    private static let fillers: Set<String> = ["uh", "um", "hmm", "mm", "er", "ah"]

    /// Spelling variants that are the same word.
    private static let spellings: [String: String] = [
        "mr": "mister", "mrs": "missus", "dr": "doctor", "ok": "okay", "st": "saint",
    ]

    private static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    private static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90,
    ]

    private static let scales: [String: Int] = ["hundred": 100, "thousand": 1_000]

    /// Turns runs of number words ("twenty five", "three hundred and five" without the
    /// "and") into digits, so "25" and "twenty five" compare equal.
    private static func numbersAsDigits(_ words: [String]) -> [String] {
        var output: [String] = []
        var value: Int?
        for word in words {
            if let small = units[word] ?? tens[word] {
                if let current = value, canExtend(current, with: small) {
                    value = current + small
                } else {
                    if let current = value { output.append(String(current)) }
                    value = small
                }
            } else if let scale = scales[word], let current = value, current > 0, current < scale {
                value = current * scale
            } else {
                if let current = value { output.append(String(current)) }
                value = nil
                output.append(word)
            }
        }
        if let current = value { output.append(String(current)) }
        return output
    }

    /// "three hundred" takes any 1–99 after it; "twenty" takes a single digit.
    private static func canExtend(_ current: Int, with small: Int) -> Bool {
        let rest = current % 100
        if rest == 0 && current > 0 { return true }
        return small < 10 && small > 0 && rest >= 20 && rest % 10 == 0
    }
}
