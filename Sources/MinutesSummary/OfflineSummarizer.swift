import Foundation
import Logging
import MinutesCore

/// Summarizes a meeting on the machine, with no network and no model: key points, a highlight,
/// topics, decisions, open questions and action items with owners and due dates.
///
/// Everything is rule-based and extractive, so the same input always gives the same ``Summary``
/// (byte-identical once encoded) and a half-hour meeting takes milliseconds. It is the default
/// summarizer and the fallback when no LLM endpoint is configured. How each part is found is
/// described on the types that do it: ``ActionItemDetector``, ``DueDateResolver``,
/// ``DecisionDetector``, ``OpenQuestionDetector``, ``KeyPointRanker`` and ``TopicExtractor``.
public struct OfflineSummarizer: Sendable {
    /// How many key points a summary has unless asked otherwise (`max_points`).
    public static let defaultMaxPoints = 5
    /// The ``Summary/source`` of every summary made here.
    public static let source = "offline"
    /// Topics listed per summary.
    static let topicCount = 6
    /// Open questions listed per summary, the earliest first.
    static let openQuestionLimit = 8

    private let logger: Logger

    /// - Parameter logger: receives one debug line per summary with counts and timing, never text.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Summarizes `input`.
    ///
    /// - Parameters:
    ///   - input: the turns of the meeting and its date.
    ///   - maxPoints: how many key points to list, at most; 0 lists none.
    /// - Returns: the summary, with ``Summary/source`` `offline`.
    /// - Throws: ``MinutesError`` `.empty` when there is no speech to summarize, `.invalidInput`
    ///   when `maxPoints` is negative.
    public func summarize(_ input: SummaryInput, maxPoints: Int = OfflineSummarizer.defaultMaxPoints) throws -> Summary
    {
        guard maxPoints >= 0 else {
            throw MinutesError(.invalidInput, "max_points must be 0 or more, got \(maxPoints)")
        }
        let started = ContinuousClock.now
        let sentences = Self.sentences(of: input.turns)
        guard !sentences.isEmpty else {
            let reason =
                input.turns.isEmpty
                ? "the session has no transcribed speech" : "every segment of the session is empty or redacted"
            throw MinutesError(.empty, "nothing to summarize: \(reason)")
        }
        var people = input.participants
        for turn in input.turns where !people.contains(turn.speaker) {
            people.append(turn.speaker)
        }
        let names = NameDirectory(people: people)
        let resolver = DueDateResolver(meetingDate: input.meetingDate)
        let finder = ActionCueFinder(names: names, resolver: resolver)

        let actionItems = ActionItemDetector(names: names, resolver: resolver).detect(in: sentences)
        let decisions = DecisionDetector().detect(in: sentences)
        let openQuestions = OpenQuestionDetector(finder: finder).detect(in: sentences)
            .prefix(Self.openQuestionLimit)
            .map { Self.attributed(sentences[$0], maxWords: 30) }

        let vectors = TermVectors(sentences: sentences)
        let ranker = KeyPointRanker()
        let centrality = ranker.centrality(of: vectors)
        let scores = sentences.map { Self.keyPointScore($0, centrality: centrality[$0.index]) }
        let points = ranker.pick(maxPoints, from: sentences.map(\.index), scores: scores, vectors: vectors)
        let bullets = points.map { Self.attributed(sentences[$0.sentence], maxWords: 40) }
        let topics = TopicExtractor(names: names).topics(in: sentences, count: Self.topicCount)

        let summary = Summary(
            bullets: bullets,
            highlight: Self.highlight(
                points: points,
                decisions: decisions,
                centrality: centrality,
                sentences: sentences
            ),
            actionItems: actionItems,
            decisions: decisions.map(\.text),
            source: Self.source,
            topics: topics,
            openQuestions: Array(openQuestions)
        )
        let elapsed = ContinuousClock.now - started
        logger.debug(
            "summarized meeting",
            metadata: [
                "summary.sentences": "\(sentences.count)",
                "summary.action_items": "\(actionItems.count)",
                "summary.decisions": "\(decisions.count)",
                "summary.elapsed_ms":
                    "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
            ]
        )
        return summary
    }

    /// The sentences of all turns, numbered in order.
    static func sentences(of turns: [SummaryInput.Turn]) -> [Sentence] {
        var sentences: [Sentence] = []
        var turnIndex = 0
        for turn in turns {
            let text = turn.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, text != Segment.redactedText else { continue }
            for words in SentenceSplitter.split(text) {
                let tokens = Tokenizer.tokens(of: words)
                guard !tokens.isEmpty else { continue }
                sentences.append(
                    Sentence(
                        index: sentences.count,
                        turn: turnIndex,
                        speaker: turn.speaker,
                        start: turn.start,
                        words: words,
                        tokens: tokens
                    )
                )
            }
            turnIndex += 1
        }
        return sentences
    }

    /// Centrality, kept only for sentences a reader would take as a point: statements of some
    /// length, not questions, not talk about the call itself.
    private static func keyPointScore(_ sentence: Sentence, centrality: Double) -> Double {
        let content = Stemmer.contentStems(sentence.tokens).count
        guard !sentence.isQuestion, sentence.tokens.count >= 8, content >= 4 else { return 0 }
        guard !Lexicon.negativePhrases.occurs(in: sentence.norms) else { return 0 }
        let length = min(1, Double(content) / 8)
        let rambling = sentence.tokens.count > 45 ? 0.8 : 1
        return centrality * length * rambling
    }

    /// The most central decision when it is nearly as central as the best key point, because what
    /// was decided says more about a meeting than what was discussed; otherwise the best key point.
    private static func highlight(
        points: [KeyPointRanker.Ranked],
        decisions: [DecisionDetector.Decision],
        centrality: [Double],
        sentences: [Sentence]
    ) -> String? {
        let best = decisions.max { first, second in
            centrality[first.sentence] != centrality[second.sentence]
                ? centrality[first.sentence] < centrality[second.sentence] : first.sentence > second.sentence
        }
        if let best, centrality[best.sentence] >= 0.5 * (points.first.map { centrality[$0.sentence] } ?? 0) {
            return best.text
        }
        return points.first.map { attributed(sentences[$0.sentence], maxWords: 40) }
    }

    /// The sentence with its speaker, as key points show it.
    ///
    /// For example `Marcus: The proposal is to move to a queue.`
    private static func attributed(_ sentence: Sentence, maxWords: Int) -> String {
        "\(sentence.speaker): \(DisplayText.clean(sentence.text, maxWords: maxWords))"
    }
}
