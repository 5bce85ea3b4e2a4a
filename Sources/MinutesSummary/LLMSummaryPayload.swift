import MinutesCore

/// A ``Summary`` in the JSON shape the prompt's output contract describes, to show a model the
/// part summaries it is asked to merge in the same shape it wrote them.
struct LLMSummaryPayload: Encodable {
    struct Item: Encodable {
        var text: String
        var owner: String?
        var due: String?
        var at: String?
    }

    var bullets: [String]
    var highlight: String?
    var actionItems: [Item]
    var decisions: [String]
    var topics: [String]
    var openQuestions: [String]

    init(_ summary: Summary) {
        bullets = summary.bullets
        highlight = summary.highlight
        actionItems = summary.actionItems.map { item in
            Item(text: item.text, owner: item.owner, due: item.due, at: item.at.map { Timecode.clock(seconds: $0) })
        }
        decisions = summary.decisions
        topics = summary.topics ?? []
        openQuestions = summary.openQuestions ?? []
    }

    enum CodingKeys: String, CodingKey {
        case bullets, highlight, decisions, topics
        case actionItems = "action_items"
        case openQuestions = "open_questions"
    }

    /// Nulls are written out, as the contract asks the model to write them.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bullets, forKey: .bullets)
        try container.encode(highlight, forKey: .highlight)
        try container.encode(actionItems, forKey: .actionItems)
        try container.encode(decisions, forKey: .decisions)
        try container.encode(topics, forKey: .topics)
        try container.encode(openQuestions, forKey: .openQuestions)
    }
}
