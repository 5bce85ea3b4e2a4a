import Foundation
import MinutesCore

/// Turns a model's answer into a ``Summary``, or says precisely why it cannot.
///
/// The structure is strict: one JSON object with every key of the output contract and the right
/// type for each, because an answer missing `action_items` is more likely truncated or confused
/// than a meeting without any. Values are forgiving where a wrong one is easy to set aside: a
/// `due` that is not a real `YYYY-MM-DD` day or an `at` that is not a time becomes `nil` rather than
/// failing the whole summary. Text is trimmed to one line and capped in length, empty entries and
/// repeats are dropped, and lists are cut to the sizes the offline summarizer uses, so an LLM summary
/// looks like any other in exports. A JSON object wrapped in prose or Markdown fences is accepted,
/// as several endpoints ignore `response_format`.
struct LLMSummaryValidator: Sendable {
    /// Why an answer was rejected, in words the model can act on; never contains the answer's text.
    struct Problem: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Longest key point, decision or question kept, in characters.
    static let maxTextLength = 400
    /// Longest topic kept, in characters.
    static let maxTopicLength = 60
    /// Most action items kept.
    static let maxActionItems = 50

    let maxPoints: Int
    /// ``Summary/source`` of the summaries made.
    let source: String

    /// - Throws: ``Problem`` when `content` is not the summary JSON the prompt asked for.
    func summary(from content: String) throws -> Summary {
        guard let text = Self.jsonObjectText(in: content) else {
            throw Problem(content.isEmpty ? "the answer was empty" : "the answer contains no JSON object")
        }
        let value: LLMJSONValue
        do {
            value = try JSONDecoder().decode(LLMJSONValue.self, from: Data(text.utf8))
        } catch {
            throw Problem("the answer is not valid JSON")
        }
        guard case .object(let object) = value else {
            throw Problem("the answer is \(value.kind), not a JSON object")
        }
        let highlight: String?
        switch object["highlight"] {
        case nil, .null: highlight = nil
        case .string(let text): highlight = Self.clean(text, limit: Self.maxTextLength)
        case let other?: throw Problem("'highlight' is \(other.kind), not a string or null")
        }
        return Summary(
            bullets: Array(try strings(object, "bullets", limit: Self.maxTextLength).prefix(maxPoints)),
            highlight: highlight,
            actionItems: try actionItems(object),
            decisions: try strings(object, "decisions", limit: Self.maxTextLength),
            source: source,
            topics: Array(
                try strings(object, "topics", limit: Self.maxTopicLength).prefix(OfflineSummarizer.topicCount)
            ),
            openQuestions: Array(
                try strings(object, "open_questions", limit: Self.maxTextLength).prefix(
                    OfflineSummarizer.openQuestionLimit
                )
            )
        )
    }

    // MARK: - Keys

    private func array(_ object: [String: LLMJSONValue], _ key: String) throws -> [LLMJSONValue] {
        switch object[key] {
        case nil: throw Problem("'\(key)' is missing")
        case .array(let elements): return elements
        case let other?: throw Problem("'\(key)' is \(other.kind), not an array")
        }
    }

    private func strings(_ object: [String: LLMJSONValue], _ key: String, limit: Int) throws -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for (index, element) in try array(object, key).enumerated() {
            guard case .string(let text) = element else {
                throw Problem("'\(key)[\(index)]' is \(element.kind), not a string")
            }
            guard let cleaned = Self.clean(text, limit: limit), seen.insert(cleaned.lowercased()).inserted else {
                continue
            }
            result.append(cleaned)
        }
        return result
    }

    private func actionItems(_ object: [String: LLMJSONValue]) throws -> [ActionItem] {
        var seen: Set<String> = []
        var items: [ActionItem] = []
        for (index, element) in try array(object, "action_items").enumerated() {
            guard case .object(let fields) = element else {
                throw Problem("'action_items[\(index)]' is \(element.kind), not an object")
            }
            guard case .string(let rawText)? = fields["text"] else {
                throw Problem("'action_items[\(index)].text' is missing or not a string")
            }
            guard let text = Self.clean(rawText, limit: Self.maxTextLength), seen.insert(text.lowercased()).inserted
            else { continue }
            items.append(
                ActionItem(
                    text: text,
                    owner: Self.owner(fields["owner"]),
                    due: Self.day(fields["due"]),
                    at: Self.seconds(fields["at"])
                )
            )
        }
        return Array(items.prefix(Self.maxActionItems))
    }

    // MARK: - Values

    /// The text from the first `{` to the last `}`: the object, without fences or prose around it.
    private static func jsonObjectText(in content: String) -> Substring? {
        guard let open = content.firstIndex(of: "{"), let close = content.lastIndex(of: "}"), open < close else {
            return nil
        }
        return content[open...close]
    }

    /// One line, trimmed, at most `limit` characters; `nil` when nothing is left.
    static func clean(_ text: String, limit: Int) -> String? {
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !line.isEmpty else { return nil }
        guard line.count > limit else { return line }
        return line.prefix(limit - 1).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A person's name, or `nil` for null, blanks and the words models use for "nobody".
    private static func owner(_ value: LLMJSONValue?) -> String? {
        guard case .string(let text)? = value, let name = clean(text, limit: 80) else { return nil }
        let nobody: Set<String> = ["none", "null", "unknown", "unassigned", "n/a", "na", "tbd", "nobody", "-"]
        return nobody.contains(name.lowercased()) ? nil : name
    }

    /// A real `YYYY-MM-DD` day, or `nil`.
    private static func day(_ value: LLMJSONValue?) -> String? {
        guard case .string(let text)? = value else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard trimmed.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let calendarDay = CalendarDay(year: year, month: month, day: day)
        else { return nil }
        return calendarDay.iso
    }

    /// Seconds from `"hh:mm:ss"`, `"mm:ss"`, `"[hh:mm:ss]"` or a number of seconds; `nil` otherwise.
    private static func seconds(_ value: LLMJSONValue?) -> Double? {
        switch value {
        case .number(let seconds)? where seconds.isFinite && seconds >= 0:
            return seconds
        case .string(let text)?:
            let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
            let parts = trimmed.split(separator: ":")
            guard (2...3).contains(parts.count) else { return nil }
            var total = 0.0
            for part in parts {
                guard let number = Double(part), number >= 0 else { return nil }
                total = total * 60 + number
            }
            return total
        default:
            return nil
        }
    }
}
