import MinutesCore

/// Lays the timeline out as display lines for a given width:
/// `hh:mm:ss  Speaker    text`, long text wrapped with continuation lines indented under
/// the text column.
///
/// The state machine uses the same layout as the renderer to page and to clamp scrolling,
/// so what a key does always matches what is on screen.
struct TimelineLayout {
    static let timeWidth = 8
    static let gap = 2
    /// Wide enough for "Speaker 9", so the column does not jump when an unnamed voice appears.
    static let minimumNameWidth = 9

    let state: ConsoleState
    let width: Int
    /// Columns for speaker names: the longest name, within limits.
    let nameWidth: Int

    init(state: ConsoleState, width: Int) {
        self.state = state
        self.width = width
        let longest = state.speakers.map { DisplayWidth.of(text: $0.displayName) }.max() ?? 0
        let cap = max(TimelineLayout.minimumNameWidth, width / 5)
        self.nameWidth = min(max(longest, TimelineLayout.minimumNameWidth), cap)
    }

    var textColumn: Int { TimelineLayout.timeWidth + TimelineLayout.gap + nameWidth + TimelineLayout.gap }
    var textWidth: Int { max(1, width - textColumn) }

    /// Final items plus the captions still waiting for their segments.
    var itemCount: Int { state.timeline.count + state.captions.count }

    /// The display lines of item `index`.
    func rows(ofItem index: Int) -> [TimelineRow] {
        guard index < state.timeline.count else {
            guard let caption = caption(atItem: index) else { return [] }
            return textRows(
                item: index,
                start: caption.start,
                name: StyledSpan(col: 0, text: "…", role: .partial),
                text: caption.text,
                role: .partial,
                highlight: nil
            )
        }
        switch state.timeline[index] {
        case .bookmark(let at):
            let anchor = TimelineAnchor(item: index, line: 0)
            let time = StyledSpan(col: 0, text: Timecode.clock(seconds: at), role: .bookmark)
            let label = StyledSpan(
                col: TimelineLayout.timeWidth + TimelineLayout.gap,
                text: "★ bookmark",
                role: .bookmark
            )
            return [TimelineRow(anchor: anchor, spans: [time, label])]
        case .segment(let entry):
            let speaker = state.speaker(entry.speaker)
            let name = StyledSpan(
                col: 0,
                text: speaker?.displayName ?? "Unknown",
                role: .speaker(speaker?.colorIndex ?? ThemeRole.speakerColorCount - 1)
            )
            let highlight: ThemeRole = state.search.currentItem == index ? .searchCurrent : .searchHit
            return textRows(
                item: index,
                start: entry.start,
                name: name,
                text: entry.text,
                role: .text,
                highlight: highlight
            )
        }
    }

    /// How many display lines item `index` takes.
    func lineCount(ofItem index: Int) -> Int {
        guard index < state.timeline.count else {
            guard let caption = caption(atItem: index) else { return 0 }
            return TextWrapper.wrap(Array(DisplayWidth.sanitized(caption.text)), width: textWidth).count
        }
        switch state.timeline[index] {
        case .bookmark: return 1
        case .segment(let entry):
            return TextWrapper.wrap(Array(DisplayWidth.sanitized(entry.text)), width: textWidth).count
        }
    }

    /// The caption shown as item `index`, which comes after the timeline's items.
    private func caption(atItem index: Int) -> LiveCaption? {
        let position = index - state.timeline.count
        return state.captions.indices.contains(position) ? state.captions[position] : nil
    }

    private func textRows(
        item: Int,
        start: Double,
        name: StyledSpan,
        text: String,
        role: ThemeRole,
        highlight: ThemeRole?
    ) -> [TimelineRow] {
        let characters = Array(DisplayWidth.sanitized(text))
        let lines = TextWrapper.wrap(characters, width: textWidth)
        var styles = Array(repeating: role, count: characters.count)
        if let highlight, !state.search.query.isEmpty {
            for range in SearchMatcher.matches(of: state.search.query, in: characters) {
                for index in range { styles[index] = highlight }
            }
        }
        return lines.enumerated().map { number, line in
            var spans: [StyledSpan] = []
            if number == 0 {
                spans.append(StyledSpan(col: 0, text: Timecode.clock(seconds: start), role: .time))
                var nameSpan = name
                nameSpan.col = TimelineLayout.timeWidth + TimelineLayout.gap
                nameSpan.text = DisplayWidth.truncate(DisplayWidth.sanitized(name.text), to: nameWidth)
                spans.append(nameSpan)
            }
            spans += runs(of: characters, styles: styles, in: line, startingAt: textColumn)
            return TimelineRow(anchor: TimelineAnchor(item: item, line: number), spans: spans)
        }
    }

    /// Splits `range` of `characters` into spans of equal style.
    private func runs(
        of characters: [Character],
        styles: [ThemeRole],
        in range: Range<Int>,
        startingAt col: Int
    )
        -> [StyledSpan]
    {
        var spans: [StyledSpan] = []
        var column = col
        var index = range.lowerBound
        while index < range.upperBound {
            let role = styles[index]
            var text = ""
            while index < range.upperBound, styles[index] == role {
                text.append(characters[index])
                index += 1
            }
            spans.append(StyledSpan(col: column, text: text, role: role))
            column += DisplayWidth.of(text: text)
        }
        return spans
    }
}
