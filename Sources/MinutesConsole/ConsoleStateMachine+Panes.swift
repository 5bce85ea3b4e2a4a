import MinutesCore

extension ConsoleStateMachine {
    /// `s`: opens the summary pane and asks for a fresh summary, or closes the pane.
    mutating func toggleSummary() -> [ConsoleAction] {
        if state.summary.isVisible {
            state.summary = .hidden
            return []
        }
        if let unseen = state.unseenSummary {
            state.unseenSummary = nil
            state.summary = .shown(lines: unseen, scroll: 0)
            return []
        }
        state.summary = .building
        guard !state.isSummaryInFlight else { return [] }
        state.isSummaryInFlight = true
        return [.buildSummary]
    }

    /// Keys for the open summary pane; `nil` lets the key through to the main shortcuts.
    mutating func handleSummaryKey(_ key: KeyPress) -> [ConsoleAction]? {
        if key == .escape {
            state.summary = .hidden
            return []
        }
        guard case .shown(let lines, let scroll) = state.summary else { return nil }
        let pane = SummaryLayout(timeline: ScreenLayout(size: state.size, state: state).timeline)
        let page = max(1, pane.content.rows - 1)
        let target: Int
        switch key {
        case .up: target = scroll - 1
        case .down: target = scroll + 1
        case .pageUp: target = scroll - page
        case .pageDown: target = scroll + page
        case .home: target = 0
        case .end: target = Int.max
        default: return nil
        }
        state.summary = .shown(lines: lines, scroll: min(max(0, target), pane.maximumScroll(lines)))
        return []
    }

    mutating func summaryArrived(_ lines: [String]) {
        state.isSummaryInFlight = false
        if state.summary.isVisible {
            state.summary = .shown(lines: lines, scroll: 0)
        } else {
            state.unseenSummary = lines
            notify("The summary is ready: press s.")
        }
    }

    mutating func summaryFailed(_ message: String) {
        state.isSummaryInFlight = false
        if state.summary.isVisible {
            state.summary = .failed(message: message)
        } else {
            notify("Could not build the summary: \(message)", isError: true)
        }
    }

    /// The `e` menu: ↑↓ and Enter, a digit, or a format's letter.
    mutating func handleExportMenuKey(_ key: KeyPress, selection: Int) -> [ConsoleAction] {
        let formats = ExportMenu.formats
        switch key {
        case .up:
            state.overlay = .exportMenu(selection: (selection - 1 + formats.count) % formats.count)
        case .down:
            state.overlay = .exportMenu(selection: (selection + 1) % formats.count)
        case .enter:
            return export(formats[min(max(0, selection), formats.count - 1)])
        case .escape, .character("e"):
            closeOverlay()
        case .character(let character):
            if let digit = character.wholeNumberValue, (1...formats.count).contains(digit) {
                return export(formats[digit - 1])
            }
            if let format = formats.first(where: { ExportMenu.mnemonic(of: $0) == character }) {
                return export(format)
            }
        default:
            break
        }
        return []
    }

    private mutating func export(_ format: ExportFormat) -> [ConsoleAction] {
        closeOverlay()
        notify("Exporting \(ExportMenu.label(of: format))…", ticks: nil)
        return [.export(format)]
    }
}
