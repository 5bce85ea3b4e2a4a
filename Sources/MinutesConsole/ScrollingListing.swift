/// Lines in a panel over the timeline that arrows and pages scroll and any other key closes:
/// `g`'s hits across every meeting, `r`'s refines running in the background.
public struct ScrollingListing: Hashable, Sendable {
    /// On the panel's border.
    public var title: String
    /// Headings flush left; lines that start with two spaces are shown as their details.
    public var lines: [String]
    /// The first line shown.
    public var firstLine = 0

    public init(title: String, lines: [String]) {
        self.title = title
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
