/// A display line of the timeline named by content rather than by row number: the `line`-th
/// wrapped line of item `item`.
///
/// The top of a scrolled-back view is stored this way, so a resize (which rewraps every
/// caption) keeps the same caption at the top instead of jumping.
public struct TimelineAnchor: Hashable, Sendable, Comparable {
    public var item: Int
    public var line: Int

    public init(item: Int, line: Int) {
        self.item = item
        self.line = line
    }

    public static let top = TimelineAnchor(item: 0, line: 0)

    public static func < (lhs: TimelineAnchor, rhs: TimelineAnchor) -> Bool {
        (lhs.item, lhs.line) < (rhs.item, rhs.line)
    }
}
