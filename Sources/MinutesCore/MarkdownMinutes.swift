import Foundation

/// Markdown minutes: the heading facts, the summary with decisions and action items, and the
/// transcript, in the order a reader wants them.
public enum MarkdownMinutes {
    public static func render(_ manifest: ExportManifest) -> String {
        var lines: [String] = ["# \(manifest.session.title)", ""]
        lines.append("- **Date:** \(utcDateTime(manifest.session.startedAt))")
        lines.append("- **Duration:** \(Timecode.clock(seconds: manifest.duration))")
        lines.append("- **Language:** \(languageLine(manifest))")
        let participants = manifest.speakers.map(\.displayName)
        lines.append("- **Participants:** \(participants.isEmpty ? "none" : participants.joined(separator: ", "))")
        lines.append("")
        if let summary = manifest.summary {
            lines += summarySection(summary)
        }
        lines += bookmarkSection(manifest)
        lines.append("## Transcript")
        lines.append("")
        for segment in manifest.segments {
            let name = manifest.displayName(of: segment.speaker)
            lines.append("**[\(Timecode.clock(seconds: segment.start))] \(name):** \(segment.text)")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The session's language; when it was detected (`auto`), the languages heard, in the
    /// order they were first spoken.
    static func languageLine(_ manifest: ExportManifest) -> String {
        guard manifest.session.language == "auto" else { return manifest.session.language }
        var heard: [String] = []
        for language in manifest.segments.compactMap(\.language) where !heard.contains(language) {
            heard.append(language)
        }
        return heard.isEmpty ? "auto" : "auto (heard: \(heard.joined(separator: ", ")))"
    }

    /// Each bookmarked moment with the line being spoken then (or just before), so a reader
    /// can find it in the transcript.
    private static func bookmarkSection(_ manifest: ExportManifest) -> [String] {
        guard !manifest.session.bookmarks.isEmpty else { return [] }
        var lines = ["## Bookmarks", ""]
        for time in manifest.session.bookmarks {
            var line = "- \(Timecode.clock(seconds: time))"
            if let segment = manifest.segments.last(where: { $0.start <= time }) {
                line += " — \(manifest.displayName(of: segment.speaker)): \(segment.text)"
            }
            lines.append(line)
        }
        return lines + [""]
    }

    /// The summary alone, as `minutes summarize` prints it.
    public static func render(_ summary: Summary) -> String {
        summarySection(summary).joined(separator: "\n")
    }

    private static func summarySection(_ summary: Summary) -> [String] {
        var lines = ["## Summary", ""]
        if let highlight = summary.highlight {
            lines += ["> \(highlight)", ""]
        }
        lines += summary.bullets.map { "- \($0)" }
        if !summary.bullets.isEmpty { lines.append("") }
        if let topics = summary.topics, !topics.isEmpty {
            lines += ["**Topics:** " + topics.joined(separator: ", "), ""]
        }
        if !summary.decisions.isEmpty {
            lines += ["## Decisions", ""] + summary.decisions.map { "- \($0)" } + [""]
        }
        if !summary.actionItems.isEmpty {
            lines += ["## Action items", ""]
            for item in summary.actionItems {
                var line = "- [ ] \(item.text)"
                if let owner = item.owner { line += " — **\(owner)**" }
                if let due = item.due { line += " (due \(due))" }
                lines.append(line)
            }
            lines.append("")
        }
        if let questions = summary.openQuestions, !questions.isEmpty {
            lines += ["## Open questions", ""] + questions.map { "- \($0)" } + [""]
        }
        return lines
    }

    private static func utcDateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(parts.year ?? 1970)-\(pad(parts.month))-\(pad(parts.day)) \(pad(parts.hour)):\(pad(parts.minute)) UTC"
    }
}
