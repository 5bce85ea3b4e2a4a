import MinutesCore

/// A decision or action item of a summary as `summary_items` holds it, so that search finds
/// them as such.
struct IndexedSummaryItem {
    var kind: SearchHit.Kind
    var position: Int
    var text: String
    var owner: String?
    var at: Double?

    /// What the index holds: the item's words and its owner's name, so `Alice` finds her items.
    var searchText: String {
        SearchText.indexed([text, owner ?? ""].joined(separator: " "))
    }

    /// The summary's decisions and action items, in the summary's order.
    static func items(of summary: Summary) -> [IndexedSummaryItem] {
        summary.decisions.enumerated().map {
            IndexedSummaryItem(kind: .decision, position: $0.offset, text: $0.element)
        }
            + summary.actionItems.enumerated().map {
                IndexedSummaryItem(
                    kind: .action,
                    position: $0.offset,
                    text: $0.element.text,
                    owner: $0.element.owner,
                    at: $0.element.at
                )
            }
    }
}
