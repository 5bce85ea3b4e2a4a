/// What the status line says for a state: a message or mode on the left, key hints on the right.
struct StatusLine {
    var left: [StyledSpan]
    var hints: [KeyHint]
    /// Column of the cursor in the left part (typing a search), if any.
    var cursor: Int?

    init(state: ConsoleState) {
        left = []
        cursor = nil
        switch state.overlay {
        case .help:
            hints = [KeyHint(key: "any key", label: "close", priority: 0)]
            return
        case .exportMenu:
            hints = [
                KeyHint(key: "↑↓", label: "choose", priority: 1), KeyHint(key: "Enter", label: "export", priority: 0),
                KeyHint(key: "1-6", label: "pick", priority: 3), KeyHint(key: "Esc", label: "close", priority: 2),
            ]
            return
        case .listing:
            hints = [
                KeyHint(key: "↑↓ PgUp PgDn", label: "scroll", priority: 1),
                KeyHint(key: "any key", label: "close", priority: 0),
            ]
            return
        case .prompt(let prompt):
            hints = StatusLine.hints(for: prompt)
            return
        case nil:
            break
        }
        if let draft = state.search.draft {
            let text = (state.search.isDraftForAllMeetings ? "all meetings: " : "/") + DisplayWidth.sanitized(draft)
            left = [StyledSpan(col: 0, text: text, role: .statusMessage)]
            cursor = DisplayWidth.of(text: text)
            hints = [
                KeyHint(key: "Enter", label: "search", priority: 0), KeyHint(key: "Esc", label: "cancel", priority: 1),
            ]
            return
        }
        if let message = state.statusMessage {
            left = [
                StyledSpan(
                    col: 0,
                    text: DisplayWidth.sanitized(message.text),
                    role: message.isError ? .statusError : .statusMessage
                )
            ]
        } else if !state.search.query.isEmpty {
            let position = state.search.current.map { "\($0 + 1)/\(state.search.hits.count)" } ?? "no matches"
            left = [
                StyledSpan(
                    col: 0,
                    text: "“\(DisplayWidth.sanitized(state.search.query))” \(position)",
                    role: .statusMessage
                )
            ]
        }
        hints = StatusLine.normalHints(state)
    }

    private static func hints(for prompt: ConsolePrompt) -> [KeyHint] {
        switch prompt {
        case .name(let entry):
            [
                KeyHint(key: "Tab", label: "complete", priority: 2),
                KeyHint(key: "Enter", label: "accept", priority: 0),
                KeyHint(key: "Esc", label: entry.isIntroduction ? "skip" : "cancel", priority: 1),
            ]
        case .pickSpeaker:
            [
                KeyHint(key: "↑↓", label: "choose", priority: 1), KeyHint(key: "Enter", label: "select", priority: 0),
                KeyHint(key: "Esc", label: "cancel", priority: 2),
            ]
        case .rememberVoice:
            [KeyHint(key: "y", label: "remember", priority: 0), KeyHint(key: "n", label: "don't", priority: 1)]
        case .confirmForget, .confirmQuit, .recovery:
            [KeyHint(key: "y", label: "yes", priority: 0), KeyHint(key: "n", label: "no", priority: 1)]
        }
    }

    private static func normalHints(_ state: ConsoleState) -> [KeyHint] {
        var hints: [KeyHint] = []
        if !state.viewport.isFollowing { hints.append(KeyHint(key: "End", label: "follow", priority: 0)) }
        if state.summary.isVisible { hints.append(KeyHint(key: "Esc", label: "close summary", priority: 1)) }
        if !state.search.hits.isEmpty { hints.append(KeyHint(key: "n/N", label: "next/prev", priority: 4)) }
        hints += [
            KeyHint(key: "space", label: state.capture == .paused ? "resume" : "pause", priority: 3),
            KeyHint(key: "s", label: "summary", priority: 5),
            KeyHint(key: "e", label: "export", priority: 6),
            KeyHint(key: "l", label: "label", priority: 8),
            KeyHint(key: "f", label: "forget", priority: 10),
            KeyHint(key: "/", label: "search", priority: 7),
            KeyHint(key: "b", label: "mark", priority: 9),
            KeyHint(key: "?", label: "help", priority: 1),
            KeyHint(key: "q", label: "quit", priority: 2),
        ]
        return hints
    }
}
