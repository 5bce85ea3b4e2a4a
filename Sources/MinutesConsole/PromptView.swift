import MinutesCore

/// The docked prompt box's content for a given box width: title, lines and where the
/// cursor goes.
///
/// The screen layout sizes the dock from it and the renderer draws it, so both agree.
struct PromptView {
    /// How many of a new speaker's first lines the "Who is this?" prompt quotes.
    static let quotedLines = 3
    /// The most speakers a picker shows at once.
    static let pickerRows = 6

    var title: String
    /// Lines of spans; columns are relative to the box's content area.
    var lines: [[StyledSpan]]
    /// Relative to the content area.
    var cursor: CellPosition?

    /// Rows of the box including its border.
    var height: Int { lines.count + 2 }

    /// - Parameter width: The box's width including its border.
    init(prompt: ConsolePrompt, state: ConsoleState, width: Int) {
        let contentWidth = max(1, width - 4)
        cursor = nil
        switch prompt {
        case .name(let entry):
            let name = state.speaker(entry.speaker)?.displayName ?? "this speaker"
            title = entry.isIntroduction ? "Who is this? \(name)" : "Name \(name)"
            lines = PromptView.quotes(of: entry.speaker, in: state, width: contentWidth)
            let label = "Name: "
            let typed = DisplayWidth.sanitized(entry.text)
            let inputEnd = DisplayWidth.of(text: label + typed)
            var input = [
                StyledSpan(col: 0, text: label, role: .promptText), StyledSpan(col: 6, text: typed, role: .promptInput),
            ]
            let suggestions = PromptView.suggestions(for: entry, enrolled: state.enrolledNames)
            if !suggestions.isEmpty {
                input.append(
                    StyledSpan(
                        col: inputEnd + 3,
                        text: "Tab: " + suggestions.joined(separator: " · "),
                        role: .promptHint
                    )
                )
            }
            lines.append(input)
            cursor = CellPosition(row: lines.count - 1, col: min(inputEnd, contentWidth - 1))
        case .rememberVoice(_, let name):
            title = "Remember this voice?"
            lines = PromptView.paragraph(
                "Remember the voice of \(name), so they are recognised in later meetings? (y/n)",
                width: contentWidth
            )
        case .pickSpeaker(let picker):
            title = picker.purpose == .label ? "Label which speaker?" : "Forget which speaker?"
            lines = PromptView.pickerLines(picker, state: state, width: contentWidth)
        case .confirmForget(let id):
            let name = state.speaker(id)?.displayName ?? "this speaker"
            title = "Forget speaker"
            lines = PromptView.paragraph(
                "Forget \(name)? Their words are redacted and their voice is deleted. (y/n)",
                width: contentWidth
            )
        case .confirmQuit:
            title = "Quit"
            lines = PromptView.paragraph("Stop recording and quit? (y/n)", width: contentWidth)
        case .recovery(let offer):
            title = "Recover"
            lines = Array(PromptView.paragraph(offer.message + " (y/n)", width: contentWidth).prefix(4))
        }
    }

    /// The first lines the speaker said, padded to a fixed count so the box does not grow
    /// while they talk.
    private static func quotes(of speaker: SpeakerID, in state: ConsoleState, width: Int) -> [[StyledSpan]] {
        let said = state.timeline.lazy.compactMap(\.entry).filter { $0.speaker == speaker }.prefix(quotedLines)
        var lines: [[StyledSpan]] = said.map { entry in
            let text = DisplayWidth.truncate(DisplayWidth.sanitized(entry.text), to: width - 10)
            return [
                StyledSpan(col: 0, text: Timecode.clock(seconds: entry.start), role: .time),
                StyledSpan(col: 10, text: text, role: .promptText),
            ]
        }
        if lines.isEmpty { lines = [[StyledSpan(col: 0, text: "(waiting for them to speak)", role: .promptHint)]] }
        while lines.count < quotedLines { lines.append([]) }
        return lines
    }

    /// Enrolled names starting with what was typed (all of them before anything is typed,
    /// as long as the list is short).
    static func suggestions(for entry: NameEntry, enrolled: [String]) -> [String] {
        if let completion = entry.completion { return completion.candidates }
        guard !entry.text.isEmpty || enrolled.count <= 4 else { return [] }
        return NameCompleter.candidates(for: entry.text, among: enrolled)
    }

    private static func paragraph(_ text: String, width: Int) -> [[StyledSpan]] {
        TextWrapper.wrap(DisplayWidth.sanitized(text), width: width).map {
            [StyledSpan(col: 0, text: $0, role: .promptText)]
        }
    }

    private static func pickerLines(_ picker: SpeakerPicker, state: ConsoleState, width: Int) -> [[StyledSpan]] {
        let count = picker.speakers.count
        let visible = min(count, pickerRows)
        let first = min(max(0, picker.selection - visible / 2), count - visible)
        return (first..<(first + visible)).map { index in
            let speaker = state.speaker(picker.speakers[index])
            let name = speaker?.displayName ?? picker.speakers[index].rawValue
            let note = speaker.map { $0.wasSkipped && $0.isUnnamed ? "skipped" : $0.isUnnamed ? "unnamed" : "" } ?? ""
            let number = index < 9 ? "\(index + 1)" : " "
            let line = " \(number)  " + DisplayWidth.padded(name, to: max(1, width - 14)) + "  " + note
            if index == picker.selection {
                return [StyledSpan(col: 0, text: DisplayWidth.padded(line, to: width), role: .selection)]
            }
            return [
                StyledSpan(col: 0, text: " \(number)", role: .promptHint),
                StyledSpan(
                    col: 4,
                    text: DisplayWidth.truncate(name, to: max(1, width - 14)),
                    role: .speaker(speaker?.colorIndex ?? 0)
                ),
                StyledSpan(col: max(5, width - 8), text: note, role: .promptHint),
            ]
        }
    }
}
