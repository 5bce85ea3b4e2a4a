import MinutesCore

/// Merges part summaries without a model, for when they are too long to send in one merge request.
///
/// Key points are taken round-robin by rank (each part's best, then each part's second…), so every
/// stretch of the meeting is represented; action items, decisions and open questions are kept in
/// meeting order without repeats; topics are ranked by how high and how often parts listed them;
/// the highlight is the first part's, which usually states the meeting's purpose.
enum LLMSummaryMerger {
    static func merge(_ partials: [Summary], maxPoints: Int, source: String) -> Summary {
        var bullets: [String] = []
        var seenBullets: Set<String> = []
        let deepest = partials.map(\.bullets.count).max() ?? 0
        for rank in 0..<deepest where bullets.count < maxPoints {
            for partial in partials where rank < partial.bullets.count && bullets.count < maxPoints {
                let bullet = partial.bullets[rank]
                if seenBullets.insert(bullet.lowercased()).inserted { bullets.append(bullet) }
            }
        }

        var topicScores: [String: (score: Int, first: Int)] = [:]
        var order = 0
        for partial in partials {
            for (rank, topic) in (partial.topics ?? []).enumerated() {
                let key = topic.lowercased()
                let previous = topicScores[key] ?? (0, order)
                topicScores[key] = (previous.score + OfflineSummarizer.topicCount - rank, previous.first)
                order += 1
            }
        }
        var topicNames: [String: String] = [:]
        for topic in partials.flatMap({ $0.topics ?? [] }) where topicNames[topic.lowercased()] == nil {
            topicNames[topic.lowercased()] = topic
        }
        let topics = topicScores.sorted { ($0.value.score, -$0.value.first) > ($1.value.score, -$1.value.first) }
            .prefix(OfflineSummarizer.topicCount)
            .compactMap { topicNames[$0.key] }

        return Summary(
            bullets: bullets,
            highlight: partials.lazy.compactMap(\.highlight).first,
            actionItems: distinct(partials.flatMap(\.actionItems), by: { $0.text.lowercased() }),
            decisions: distinct(partials.flatMap(\.decisions), by: { $0.lowercased() }),
            source: source,
            topics: topics,
            openQuestions: Array(
                distinct(partials.flatMap { $0.openQuestions ?? [] }, by: { $0.lowercased() })
                    .prefix(OfflineSummarizer.openQuestionLimit)
            )
        )
    }

    private static func distinct<Element>(_ elements: [Element], by key: (Element) -> String) -> [Element] {
        var seen: Set<String> = []
        return elements.filter { seen.insert(key($0)).inserted }
    }
}
