/// What has the keyboard besides the timeline: at most one at a time.
public enum ConsoleOverlay: Hashable, Sendable {
    /// The `?` key list; any key closes it.
    case help
    /// The `e` menu; `selection` indexes ``ExportMenu/formats``.
    case exportMenu(selection: Int)
    /// `g`'s hits across every stored meeting, or `r`'s background refines; arrows and pages
    /// scroll, any other key closes.
    case listing(ScrollingListing)
    /// A question docked above the status line.
    case prompt(ConsolePrompt)
}
