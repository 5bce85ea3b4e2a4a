/// The summary pane that `s` opens: built on demand, because a summary of a meeting still
/// in progress is out of date as soon as someone speaks.
public enum SummaryPane: Hashable, Sendable {
    case hidden
    /// Waiting for the summarizer; the renderer shows a spinner.
    case building
    /// The summary as display lines (unwrapped); `scroll` is the first line shown.
    case shown(lines: [String], scroll: Int)
    /// The summarizer failed; the message says why (never transcript text).
    case failed(message: String)

    public var isVisible: Bool { self != .hidden }
}
