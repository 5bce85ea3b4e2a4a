import Foundation
import MinutesCore

/// A hand-labelled list of the action items a careful reader takes from a transcript, and the
/// scoring of a summarizer's items against it.
///
/// Matching is by owner (case- and accent-insensitive) plus significant-word overlap of the texts:
/// at least two shared words, and at least 30% of the shorter text's words. Each key item matches
/// one found item at most (best overlaps first), so a duplicate counts against precision. The words
/// are compared with this file's own stopword list and suffix stripping, independent of the
/// library's, so the scoring does not share the code it scores.
struct AnswerKey {
    struct Item: Hashable {
        let owner: String
        let due: String?
        let gist: String
    }

    let items: [Item]

    /// Reads `owner | due | gist` lines; `#` lines are comments, `-` means no due date.
    init(parsing text: String) throws {
        items = try text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            let fields = trimmed.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3 else { throw FixtureError("bad answer key line: \(trimmed)") }
            return Item(owner: fields[0], due: fields[1] == "-" ? nil : fields[1], gist: fields[2])
        }
    }

    struct Score {
        let matches: [(key: Item, found: ActionItem)]
        let missed: [Item]
        let spurious: [ActionItem]
        let keyCount: Int
        let foundCount: Int

        var recall: Double { keyCount == 0 ? 1 : Double(matches.count) / Double(keyCount) }
        var precision: Double { foundCount == 0 ? 1 : Double(matches.count) / Double(foundCount) }
        /// Of the matched items, how many have the key's due date (both none counts as right).
        var dueAccuracy: Double {
            matches.isEmpty ? 1 : Double(matches.filter { $0.key.due == $0.found.due }.count) / Double(matches.count)
        }

        var report: String {
            var lines = [
                String(
                    format: "recall %.2f (%d/%d)  precision %.2f (%d/%d)  due dates right %.2f",
                    recall,
                    matches.count,
                    keyCount,
                    precision,
                    matches.count,
                    foundCount,
                    dueAccuracy
                )
            ]
            lines += missed.map { "  missed:   \($0.owner) | \($0.due ?? "-") | \($0.gist)" }
            lines += spurious.map { "  spurious: \($0.owner ?? "nobody") | \($0.due ?? "-") | \($0.text)" }
            lines += matches.filter { $0.key.due != $0.found.due }.map {
                "  due: key \($0.key.due ?? "-") found \($0.found.due ?? "-") | \($0.found.text)"
            }
            return lines.joined(separator: "\n")
        }
    }

    func score(_ found: [ActionItem]) -> Score {
        var candidates: [(key: Int, found: Int, shared: Int, ratio: Double)] = []
        for (keyIndex, item) in items.enumerated() {
            let keyWords = Self.words(item.gist)
            for (foundIndex, action) in found.enumerated() where Self.sameOwner(item.owner, action.owner) {
                let foundWords = Self.words(action.text)
                let shared = keyWords.intersection(foundWords).count
                let ratio = Double(shared) / Double(max(1, min(keyWords.count, foundWords.count)))
                if shared >= 2, ratio >= 0.3 {
                    candidates.append((keyIndex, foundIndex, shared, ratio))
                }
            }
        }
        candidates.sort { ($0.shared, $0.ratio, -$0.key, -$0.found) > ($1.shared, $1.ratio, -$1.key, -$1.found) }
        var usedKeys = Set<Int>()
        var usedFound = Set<Int>()
        var pairs: [(key: Int, found: Int)] = []
        for candidate in candidates where !usedKeys.contains(candidate.key) && !usedFound.contains(candidate.found) {
            usedKeys.insert(candidate.key)
            usedFound.insert(candidate.found)
            pairs.append((candidate.key, candidate.found))
        }
        pairs.sort { $0.key < $1.key }
        return Score(
            matches: pairs.map { (items[$0.key], found[$0.found]) },
            missed: items.indices.filter { !usedKeys.contains($0) }.map { items[$0] },
            spurious: found.indices.filter { !usedFound.contains($0) }.map { found[$0] },
            keyCount: items.count,
            foundCount: found.count
        )
    }

    static func sameOwner(_ key: String, _ found: String?) -> Bool {
        guard let found else { return false }
        let fold = { (text: String) in text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        return fold(key) == fold(found)
    }

    /// Significant words: lowercased, no function words, crude suffixes removed.
    static func words(_ text: String) -> Set<String> {
        let pieces = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        return Set(
            pieces.compactMap { piece -> String? in
                let word = piece.trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
                guard word.count > 1, !stopwords.contains(word) else { return nil }
                var stem = Substring(word)
                for suffix in ["ation", "ing", "ed", "es", "s", "e"]
                where stem.count > suffix.count + 3 && stem.hasSuffix(suffix) {
                    stem = stem.dropLast(suffix.count)
                    break
                }
                return String(stem)
            }
        )
    }

    private static let stopwords: Set<String> = [
        "the", "a", "an", "and", "or", "to", "of", "for", "in", "on", "at", "by", "with", "from", "it", "that",
        "this", "is", "are", "be", "as", "up", "out", "about", "into", "over", "re", "me", "you", "your", "our",
        "we", "i", "my", "their", "them", "there", "then", "so", "if", "when", "what", "whether", "which", "all",
        "any", "get", "do", "make", "take", "have", "just", "also", "will", "would", "can", "could", "should",
        "one", "not", "no", "yes", "back", "after", "before", "per", "its", "it's", "is", "was", "were",
    ]
}
