/// The console's behaviour: turns keys and engine events into a new ``ConsoleState`` and
/// the side effects (``ConsoleAction``) the app must perform.
///
/// A plain struct with `mutating` methods, as NIO's and Hummingbird's state machines are:
/// it does no IO and holds no references, so every interaction is tested synchronously,
/// and the app's main actor owns one, feeds it events, performs the returned actions and
/// renders ``state``.
public struct ConsoleStateMachine: Sendable {
    public internal(set) var state: ConsoleState

    public init(state: ConsoleState) {
        self.state = state
    }

    /// Applies `event`.
    ///
    /// - Returns: What the app must do, in order; usually nothing.
    public mutating func handle(_ event: ConsoleEvent) -> [ConsoleAction] {
        switch event {
        case .key(let key):
            return handleKey(key)
        default:
            return handleEngineEvent(event)
        }
    }

    /// Routes a key to whatever has the keyboard.
    ///
    /// In order: an overlay, the search field, the summary pane, the main shortcuts. Only
    /// the last has shortcuts, so letters typed into a name or a search never trigger one.
    private mutating func handleKey(_ key: KeyPress) -> [ConsoleAction] {
        if case .resize(let rows, let cols) = key {
            state.size = TerminalSize(rows: rows, cols: cols)
            return []
        }
        switch state.overlay {
        case .help:
            closeOverlay()
            return []
        case .exportMenu(let selection):
            return handleExportMenuKey(key, selection: selection)
        case .listing(var listing):
            if listing.scroll(by: key, pageRows: max(1, state.size.rows - 6)) {
                state.overlay = .listing(listing)
            } else {
                closeOverlay()
            }
            return []
        case .prompt(let prompt):
            return handlePromptKey(key, prompt: prompt)
        case nil:
            break
        }
        if state.search.isEditing { return handleSearchKey(key) }
        if state.summary.isVisible, let actions = handleSummaryKey(key) { return actions }
        return handleShortcut(key)
    }

    /// Closes the overlay and lets a waiting prompt take its place.
    mutating func closeOverlay() {
        state.overlay = nil
        presentNextPrompt()
    }

    /// Shows the next waiting prompt if nothing else has the keyboard.
    ///
    /// "Who is this?" waits while the user is in a menu or typing a search, and is dropped
    /// if the speaker was named or forgotten in the meantime.
    mutating func presentNextPrompt() {
        guard state.overlay == nil, !state.search.isEditing else { return }
        while !state.pendingPrompts.isEmpty {
            let prompt = state.pendingPrompts.removeFirst()
            if case .name(let entry) = prompt {
                guard let speaker = state.speaker(entry.speaker), speaker.isUnnamed, !speaker.wasSkipped else {
                    continue
                }
            }
            state.overlay = .prompt(prompt)
            return
        }
    }

    /// Shows `text` in the status line.
    mutating func notify(_ text: String, isError: Bool = false, ticks: Int? = StatusMessage.defaultLifetime) {
        state.statusMessage = StatusMessage(text, isError: isError, ticksLeft: ticks)
    }
}
