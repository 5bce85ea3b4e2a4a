import MinutesCore

/// The console for terminals that cannot place a cursor (`TERM` unset or `dumb`, output piped):
/// final captions as they arrive, one plain line each, `hh:mm:ss Speaker: text`.
///
/// The app drives the same ``ConsoleStateMachine`` as in full-screen mode and, after each
/// event, prints ``newLines(in:)``. Partial captions are left out: a line-mode terminal cannot
/// replace them in place.
public struct PlainLineFormatter: Sendable {
    /// Timeline items already printed.
    public private(set) var printedItems: Int
    private var lastMessage: String?

    public init() {
        printedItems = 0
        lastMessage = nil
    }

    /// `hh:mm:ss Speaker: text` for one final caption; without a speaker name, no label.
    public static func line(for entry: TimelineEntry, speakerName: String?) -> String {
        let text = DisplayWidth.sanitized(entry.text)
        let label = speakerName.map { DisplayWidth.sanitized($0) + ": " } ?? ""
        return Timecode.clock(seconds: entry.start) + " " + label + text
    }

    /// The line for one timeline item, naming speakers as the state knows them now.
    public static func line(for item: TimelineItem, in state: ConsoleState) -> String {
        switch item {
        case .segment(let entry):
            let name = entry.speaker.map { state.speaker($0)?.displayName ?? "Unknown" }
            return line(for: entry, speakerName: name)
        case .bookmark(let at):
            return Timecode.clock(seconds: at) + " -- bookmark --"
        }
    }

    /// Lines not printed yet: new captions and bookmarks, then a new status message
    /// (`-- message --`) if there is one.
    public mutating func newLines(in state: ConsoleState) -> [String] {
        var lines = state.timeline.dropFirst(printedItems).map { PlainLineFormatter.line(for: $0, in: state) }
        printedItems = max(printedItems, state.timeline.count)
        let message = state.statusMessage?.text
        if let message, message != lastMessage {
            lines.append("-- " + DisplayWidth.sanitized(message) + " --")
        }
        lastMessage = message
        return lines
    }
}
