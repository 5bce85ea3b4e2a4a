/// Where each part of the screen goes for a terminal size: header, timeline, docked
/// prompt and status line.
///
/// Shared by the renderer and the state machine (which pages by the timeline's height).
struct ScreenLayout {
    /// Below this the console shows "make the window at least …" instead of a cramped screen:
    /// 60 columns keep a timestamp, a name and about 35 columns of text on a line; 15 rows keep
    /// a "Who is this?" prompt and a few timeline lines visible together.
    static let minimumSize = TerminalSize(rows: 15, cols: 60)
    static let headerRows = 2

    let size: TerminalSize
    let header: CellRect
    let timeline: CellRect
    /// The docked prompt, when one is open.
    let dock: CellRect?
    let statusRow: Int

    init(size: TerminalSize, state: ConsoleState) {
        self.size = size
        header = CellRect(row: 0, col: 0, rows: ScreenLayout.headerRows, cols: size.cols)
        statusRow = max(0, size.rows - 1)
        let available = max(0, size.rows - ScreenLayout.headerRows - 1)
        if let prompt = state.prompt {
            let height = min(PromptView(prompt: prompt, state: state, width: size.cols).height, max(0, available - 2))
            dock = CellRect(row: statusRow - height, col: 0, rows: height, cols: size.cols)
        } else {
            dock = nil
        }
        timeline = CellRect(row: ScreenLayout.headerRows, col: 0, rows: available - (dock?.rows ?? 0), cols: size.cols)
    }

    /// True when the terminal is smaller than ``minimumSize``.
    var isTooSmall: Bool { !size.fits(ScreenLayout.minimumSize) }

    /// The timeline layout for this screen.
    func timelineLayout(_ state: ConsoleState) -> TimelineLayout {
        TimelineLayout(state: state, width: timeline.cols)
    }
}
