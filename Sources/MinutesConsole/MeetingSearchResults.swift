import MinutesCore

/// What `g` found across every stored meeting, as lines for the overlay, and how far down the
/// person has scrolled.
public struct MeetingSearchResults: Hashable, Sendable {
    public var query: String
    public var hitCount: Int
    /// ``SearchListing``'s lines: a heading per meeting, then its hits.
    public var lines: [String]
    /// The first line shown.
    public var firstLine = 0

    public init(query: String, hitCount: Int, lines: [String]) {
        self.query = query
        self.hitCount = hitCount
        self.lines = lines
    }

    /// Scrolls for an arrow or page key; false for any other key, which closes the list.
    mutating func scroll(by key: KeyPress, pageRows: Int) -> Bool {
        let step: Int
        switch key {
        case .up: step = -1
        case .down: step = 1
        case .pageUp: step = -pageRows
        case .pageDown: step = pageRows
        default: return false
        }
        firstLine = min(max(0, firstLine + step), max(0, lines.count - 1))
        return true
    }
}
