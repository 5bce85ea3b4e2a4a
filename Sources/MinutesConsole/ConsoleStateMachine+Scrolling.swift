extension ConsoleStateMachine {
    /// ↑↓ PgUp PgDn Home End move the timeline; `nil` for any other key.
    ///
    /// Also reachable while a prompt is docked, so the user can read back before answering.
    mutating func handleScrollKey(_ key: KeyPress) -> [ConsoleAction]? {
        let page = max(1, timelineHeight - 1)
        switch key {
        case .up: scroll(by: -1)
        case .down: scroll(by: 1)
        case .pageUp: scroll(by: -page)
        case .pageDown: scroll(by: page)
        case .home: pin(.top)
        case .end: state.viewport = TimelineViewport(isFollowing: true)
        default: return nil
        }
        return []
    }

    /// Moves the view `delta` lines; reaching the bottom resumes following.
    mutating func scroll(by delta: Int) {
        let layout = timelineLayout
        pin(layout.anchor(layout.topAnchor(height: timelineHeight), movedBy: delta))
    }

    /// Shows item `item` about a third of the way down, so the lines before it give context.
    mutating func reveal(item: Int) {
        let layout = timelineLayout
        pin(layout.anchor(TimelineAnchor(item: item, line: 0), movedBy: -(timelineHeight / 3)))
    }

    /// Pins `anchor` as the top line, or follows if the view would reach the newest line anyway.
    private mutating func pin(_ anchor: TimelineAnchor) {
        let layout = timelineLayout
        if anchor >= layout.followTopAnchor(height: timelineHeight) {
            state.viewport = TimelineViewport(isFollowing: true)
        } else {
            state.viewport = TimelineViewport(isFollowing: false, anchor: layout.clamped(anchor))
        }
    }

    private var screenLayout: ScreenLayout { ScreenLayout(size: state.size, state: state) }
    private var timelineLayout: TimelineLayout { screenLayout.timelineLayout(state) }
    private var timelineHeight: Int { max(1, screenLayout.timeline.rows) }
}
