import MinutesCore

extension ConsoleStateMachine {
    /// The main screen's keys.
    mutating func handleShortcut(_ key: KeyPress) -> [ConsoleAction] {
        if let scrolled = handleScrollKey(key) { return scrolled }
        switch key {
        case .character(" "): return togglePause()
        case .character("s"): return toggleSummary()
        case .character("e"): state.overlay = .exportMenu(selection: 0)
        case .character("l"): openSpeakerPicker(.label)
        case .character("f"): openSpeakerPicker(.forget)
        case .character("/"): state.search.draft = ""
        case .character("g"):
            state.search.draft = ""
            state.search.isDraftForAllMeetings = true
        case .character("n"): moveToHit(by: 1)
        case .character("N"): moveToHit(by: -1)
        case .character("b"): return bookmark()
        case .character("r"): return [.listRefines]
        case .character("?"): state.overlay = .help
        case .character("q"): state.overlay = .prompt(.confirmQuit)
        case .escape:
            if !state.search.query.isEmpty {
                state.search = SearchState()
            } else {
                state.statusMessage = nil
            }
        default: break
        }
        return []
    }

    private mutating func togglePause() -> [ConsoleAction] {
        switch state.capture {
        case .recording:
            state.capture = .paused
            return [.pauseCapture]
        case .paused:
            state.capture = .recording
            return [.resumeCapture]
        case .deviceLost:
            notify("Trying the input device again…")
            return [.resumeCapture]
        }
    }

    private mutating func bookmark() -> [ConsoleAction] {
        let at = state.elapsed
        state.timeline.append(.bookmark(at: at))
        notify("Bookmarked \(Timecode.clock(seconds: at))")
        return [.bookmark(at: at)]
    }

    /// Opens the speaker list for `l` or `f`.
    ///
    /// For `l`, the selection starts on a skipped speaker, since naming them later is what
    /// skipping promised.
    private mutating func openSpeakerPicker(_ purpose: SpeakerPicker.Purpose) {
        let candidates = state.speakers.filter { !$0.isForgotten }
        guard !candidates.isEmpty else {
            notify("No speakers yet.")
            return
        }
        var selection = 0
        if purpose == .label {
            selection =
                candidates.firstIndex { $0.wasSkipped && $0.isUnnamed }
                ?? candidates.firstIndex { $0.isUnnamed } ?? 0
        }
        state.overlay = .prompt(
            .pickSpeaker(SpeakerPicker(purpose: purpose, speakers: candidates.map(\.id), selection: selection))
        )
    }
}
