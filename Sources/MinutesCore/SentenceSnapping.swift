/// Moves speaker changes inside a run of words to the nearest sentence end, when one is close.
///
/// A sentence said by one person stays theirs: word times from a recognizer are heuristic,
/// and a change found two words into a sentence is far more often a timing error than a
/// person who spoke two words and stopped. Changes with no sentence end near them stay where
/// the voices put them (an interruption, crosstalk).
enum SentenceSnapping {
    /// How far a change may move, in words and in seconds.
    static let reachInWords = 3
    static let reachInSeconds = 1.5

    /// `labels[i]` is the speaker of `words[i]`; returns the labels with changes moved.
    static func snap(_ labels: [String?], words: [Word]) -> [String?] {
        precondition(labels.count == words.count)
        var snapped = labels
        var index = 1
        while index < snapped.count {
            guard snapped[index] != snapped[index - 1] else {
                index += 1
                continue
            }
            if let boundary = nearestSentenceBoundary(to: index, in: words, labels: snapped), boundary != index {
                if boundary > index {
                    // The earlier speaker finishes their sentence.
                    for moved in index..<boundary { snapped[moved] = snapped[index - 1] }
                } else {
                    // The later speaker's sentence starts where it does.
                    for moved in boundary..<index { snapped[moved] = snapped[index] }
                }
                index = max(boundary, index) + 1
            } else {
                index += 1
            }
        }
        return snapped
    }

    /// The position nearest `change` (a word index: the boundary falls before it) where a
    /// sentence ends just before, within reach and with no other speaker change in between.
    private static func nearestSentenceBoundary(to change: Int, in words: [Word], labels: [String?]) -> Int? {
        for distance in 0...reachInWords {
            for candidate in Set([change - distance, change + distance]).sorted()
            where candidate >= 0 && candidate <= words.count
                && isSentenceBoundary(before: candidate, in: words)
                && abs(time(at: candidate, in: words) - time(at: change, in: words)) <= reachInSeconds
                && hasNoOtherChange(between: candidate, and: change, labels: labels)
            {
                return candidate
            }
        }
        return nil
    }

    /// Whether a sentence ends before word `index`: the first word, the end, or after a word
    /// ending in a full stop, a question or an exclamation mark.
    private static func isSentenceBoundary(before index: Int, in words: [Word]) -> Bool {
        if index == 0 || index == words.count { return true }
        guard let last = words[index - 1].text.last else { return false }
        return last == "." || last == "?" || last == "!"
    }

    private static func time(at index: Int, in words: [Word]) -> Double {
        index < words.count ? words[index].start : words[words.count - 1].end
    }

    /// True when the labels change nowhere between the two positions except at `change`.
    private static func hasNoOtherChange(between candidate: Int, and change: Int, labels: [String?]) -> Bool {
        let low = min(candidate, change)
        let high = max(candidate, change)
        var position = low + 1
        while position < high {
            if position != change, position < labels.count, labels[position] != labels[position - 1] { return false }
            position += 1
        }
        return true
    }
}
