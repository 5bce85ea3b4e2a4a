import Foundation

/// Search hits as lines for a terminal: a heading per meeting, then a line per hit.
public enum SearchListing {
    public static func render(_ hits: [SearchHit]) -> String {
        guard !hits.isEmpty else { return "No matches.\n" }
        var lines: [String] = []
        var current: SessionID?
        for hit in hits {
            if hit.session != current {
                if current != nil { lines.append("") }
                current = hit.session
                lines.append("\(hit.title) — \(hit.startedAt.formatted(.iso8601)) (\(hit.session))")
            }
            lines.append("  " + line(hit))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `00:19  Bob: «pricing» …`, `decision: …`, `00:19  action for Bob: …`.
    public static func line(_ hit: SearchHit) -> String {
        let time = hit.at.map { Timecode.clock(seconds: $0) + "  " } ?? ""
        switch hit.kind {
        case .said:
            return time + "\(hit.speaker ?? "Unknown speaker"): \(hit.snippet)"
        case .decision:
            return time + "decision: \(hit.snippet)"
        case .action:
            return time + "action" + (hit.speaker.map { " for \($0)" } ?? "") + ": \(hit.snippet)"
        }
    }
}
