import MinutesCore

/// Turns a ``Summary`` into the lines the summary pane shows.
public enum SummaryText {
    /// The section titles, which the pane draws as headings.
    public static let headings: Set<String> = ["Key points", "Decisions", "Action items", "Open questions"]

    /// Highlight, key points, decisions, action items, open questions.
    ///
    /// That is the order people read minutes in. Empty sections are left out.
    public static func lines(for summary: Summary) -> [String] {
        var lines: [String] = []
        if let highlight = summary.highlight, !highlight.isEmpty {
            lines += [highlight, ""]
        }
        func section(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append(title)
            lines += items.map { "• " + $0 }
            lines.append("")
        }
        section("Key points", summary.bullets)
        section("Decisions", summary.decisions)
        section("Action items", summary.actionItems.map(describe))
        section("Open questions", summary.openQuestions ?? [])
        if lines.isEmpty { lines = ["Nothing to summarize yet.", ""] }
        lines.append("Source: \(summary.source)")
        return lines
    }

    private static func describe(_ item: ActionItem) -> String {
        var text = item.text
        if let owner = item.owner { text = "\(owner): \(text)" }
        if let due = item.due { text += " (due \(due))" }
        if let at = item.at { text += " [\(Timecode.clock(seconds: at))]" }
        return text
    }
}
