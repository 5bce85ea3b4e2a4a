import Foundation
import MinutesCore

/// Meetings built from real transcripts for the search benchmark: their sentences, spoken by a
/// few named people, with the specific terms (project names) real meetings have and a handful
/// of transcripts cannot supply.
///
/// Deterministic for a seed, so two runs build the same library.
struct SyntheticMeetings {
    /// Sentences of at least three words from the transcripts.
    let sentences: [String]
    /// Pronounceable made-up words standing in for project and product names.
    let terms: [String]
    let names = [
        "Ada", "Bob", "Carol", "Dan", "Eve", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lena", "Mateo",
        "Nora", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoë",
    ]
    /// The terms some meeting was given, for queries that should find something.
    private(set) var usedTerms: [String] = []
    private var generator: SplitMix64

    /// - Throws: `.invalidInput` when the files hold fewer than ten usable sentences.
    init(transcripts: [String], termCount: Int = 20_000, seed: UInt64 = 2026) throws {
        var sentences: [String] = []
        for file in transcripts {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for line in text.split(whereSeparator: \.isNewline) {
                let words = Self.spokenWords(of: String(line))
                let joined = words.joined(separator: " ")
                for sentence in joined.split(whereSeparator: { ".?!".contains($0) }) {
                    let trimmed = sentence.trimmingCharacters(in: .whitespaces)
                    if trimmed.split(separator: " ").count >= 3 { sentences.append(trimmed) }
                }
            }
        }
        guard sentences.count >= 10 else {
            throw MinutesError(.invalidInput, "the transcripts hold \(sentences.count) sentences; need at least 10")
        }
        self.sentences = sentences
        var random = SplitMix64(seed: seed)
        let syllables = [
            "ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "sha", "dre", "qua", "pel", "mor", "tin", "gal",
        ]
        var made = Set<String>()
        while made.count < termCount {
            var word = ""
            for _ in 0..<(2 + Int(random.next() % 4)) {
                word += syllables[Int(random.next() % UInt64(syllables.count))]
            }
            made.insert(word)
        }
        terms = made.sorted()
        generator = random
    }

    /// The words of a transcript line: STM fields, LibriVox `<s>` marks and utterance ids removed.
    private static func spokenWords(of line: String) -> [String] {
        var fields = line.split(separator: " ").map(String.init)
        if fields.count > 5, Double(fields[3]) != nil, Double(fields[4]) != nil {
            fields = Array(fields.dropFirst(fields[5].hasPrefix("<") ? 6 : 5))
        }
        return fields.filter { !$0.hasPrefix("<") && !($0.hasPrefix("(") && $0.hasSuffix(")")) }
    }

    /// A term drawn with Zipf-like odds: a few names come up in many meetings, most in few.
    mutating func term() -> String {
        let fraction = Double(generator.next() % 1_000_000) / 1_000_000
        return terms[min(terms.count - 1, Int(pow(Double(terms.count), fraction)) - 1)]
    }

    mutating func pick<Value>(_ values: [Value]) -> Value {
        values[Int(generator.next() % UInt64(values.count))]
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(generator.next() % 1_000_000) / 1_000_000 < probability
    }

    /// Meeting `number`: `segments` lines of about five seconds among four people, a quarter of
    /// them naming one of the meeting's topics, and minutes with decisions and action items.
    mutating func meeting(
        _ number: Int,
        segments count: Int,
        startingFrom origin: Date
    ) -> (session: Session, speakers: [Speaker], segments: [Segment], summary: Summary) {
        let id = SessionID(rawValue: "ses_" + String(format: "%012x", 0xbe00_0000_0000 + number))
        let session = Session(
            id: id,
            title: "Weekly sync \(number)",
            startedAt: origin.addingTimeInterval(Double(number) * 8 * 3600),
            endedAt: origin.addingTimeInterval(Double(number) * 8 * 3600 + Double(count) * 5)
        )
        var people = Set<String>()
        while people.count < 4 { people.insert(pick(names)) }
        let speakers = people.sorted().enumerated().map { offset, name in
            Speaker(
                id: SpeakerID(rawValue: "spk_" + String(format: "%012x", number * 8 + offset)),
                session: id,
                cluster: "\(offset)",
                ordinal: offset + 1,
                name: name
            )
        }
        let topics = (0..<6).map { _ in term().capitalized }
        usedTerms += topics
        var segments: [Segment] = []
        for index in 0..<count {
            var words = pick(sentences).split(separator: " ").map(String.init)
            if chance(0.5) { words += pick(sentences).split(separator: " ").map(String.init) }
            if chance(0.25) { words.insert(pick(topics), at: Int(generator.next() % UInt64(words.count + 1))) }
            let start = Double(index) * 5
            segments.append(
                Segment(
                    start: start,
                    end: start + 4.5,
                    speaker: pick(speakers).id,
                    text: words.joined(separator: " ") + "."
                )
            )
        }
        let summary = Summary(
            actionItems: (0..<4).map { _ in
                ActionItem(
                    text: "\(pick(topics)): \(pick(sentences))",
                    owner: pick(speakers).name,
                    at: Double(count) * 2
                )
            },
            decisions: (0..<3).map { _ in "\(pick(topics)) \(pick(sentences))" }
        )
        return (session, speakers, segments, summary)
    }
}
