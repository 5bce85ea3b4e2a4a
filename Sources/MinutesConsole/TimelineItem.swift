/// A line group on the timeline: a final caption or a bookmark.
public enum TimelineItem: Hashable, Sendable {
    case segment(TimelineEntry)
    /// `b` at this many seconds into the session.
    case bookmark(at: Double)

    /// The caption, if this item is one.
    public var entry: TimelineEntry? {
        guard case .segment(let entry) = self else { return nil }
        return entry
    }
}
