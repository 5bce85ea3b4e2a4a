import MinutesCore

extension ConsoleStateMachine {
    /// Keys for the docked prompt.
    ///
    /// Letters answer the prompt; only scrolling keys reach the timeline behind it.
    mutating func handlePromptKey(_ key: KeyPress, prompt: ConsolePrompt) -> [ConsoleAction] {
        switch prompt {
        case .name(let entry):
            return handleNameKey(key, entry: entry)
        case .rememberVoice(let speaker, let name):
            switch key {
            case .character("y"), .character("Y"): return finishNaming(speaker, name: name, enroll: true)
            case .character("n"), .character("N"), .escape: return finishNaming(speaker, name: name, enroll: false)
            default: return handleScrollKey(key) ?? []
            }
        case .pickSpeaker(let picker):
            return handlePickerKey(key, picker: picker)
        case .confirmForget(let speaker):
            guard let confirmed = answer(key) else { return handleScrollKey(key) ?? [] }
            guard confirmed else { return [] }
            notify("Forgetting \(state.speaker(speaker)?.displayName ?? "the speaker")…")
            return [.forgetSpeaker(speaker)]
        case .confirmQuit:
            guard let confirmed = answer(key) else { return handleScrollKey(key) ?? [] }
            return confirmed ? [.quit] : []
        case .recovery(let offer):
            guard let confirmed = answer(key) else { return handleScrollKey(key) ?? [] }
            return confirmed ? [.acceptRecovery(offer.id)] : [.declineRecovery(offer.id)]
        }
    }

    /// A yes/no answer closes the question: `y` is yes; `n` or Esc no; `nil` for other keys.
    private mutating func answer(_ key: KeyPress) -> Bool? {
        let confirmed: Bool
        switch key {
        case .character("y"), .character("Y"): confirmed = true
        case .character("n"), .character("N"), .escape: confirmed = false
        default: return nil
        }
        closeOverlay()
        return confirmed
    }

    private mutating func handleNameKey(_ key: KeyPress, entry: NameEntry) -> [ConsoleAction] {
        var entry = entry
        switch key {
        case .character(let character):
            guard entry.text.count < NameEntry.maximumLength else { return [] }
            entry.text.append(character)
            entry.completion = nil
        case .backspace:
            if !entry.text.isEmpty { entry.text.removeLast() }
            entry.completion = nil
        case .tab:
            complete(&entry)
        case .enter:
            let name = ConsoleStateMachine.trimmed(DisplayWidth.sanitized(entry.text))
            guard !name.isEmpty else {
                notify(
                    entry.isIntroduction ? "Type a name, or press Esc to skip." : "Type a name, or press Esc to cancel."
                )
                return []
            }
            state.overlay = .prompt(.rememberVoice(speaker: entry.speaker, name: name))
            return []
        case .escape:
            if entry.isIntroduction, let index = state.speakers.firstIndex(where: { $0.id == entry.speaker }) {
                state.speakers[index].wasSkipped = true
                notify("Skipped. Press l to name \(state.speakers[index].displayName) later.")
            }
            closeOverlay()
            return []
        default:
            return handleScrollKey(key) ?? []
        }
        state.overlay = .prompt(.name(entry))
        return []
    }

    /// Tab: fills in the first enrolled name starting with what was typed; again, the next one.
    private func complete(_ entry: inout NameEntry) {
        if var completion = entry.completion, !completion.candidates.isEmpty {
            completion.index = (completion.index + 1) % completion.candidates.count
            entry.text = completion.candidates[completion.index]
            entry.completion = completion
            return
        }
        let candidates = NameCompleter.candidates(for: entry.text, among: state.enrolledNames)
        guard let first = candidates.first else { return }
        entry.completion = NameCompletion(prefix: entry.text, candidates: candidates, index: 0)
        entry.text = first
    }

    /// Names the speaker on screen at once and asks the app to store it (and the voice).
    private mutating func finishNaming(_ speaker: SpeakerID, name: String, enroll: Bool) -> [ConsoleAction] {
        if let index = state.speakers.firstIndex(where: { $0.id == speaker }) {
            state.speakers[index].name = name
            state.speakers[index].wasSkipped = false
        }
        closeOverlay()
        notify(enroll ? "Named \(name); their voice will be remembered." : "Named \(name).")
        return [.labelSpeaker(speaker, name: name, enroll: enroll)]
    }

    private mutating func handlePickerKey(_ key: KeyPress, picker: SpeakerPicker) -> [ConsoleAction] {
        var picker = picker
        let count = picker.speakers.count
        guard count > 0 else {
            closeOverlay()
            return []
        }
        switch key {
        case .up:
            picker.selection = (picker.selection - 1 + count) % count
        case .down:
            picker.selection = (picker.selection + 1) % count
        case .enter:
            choose(picker)
            return []
        case .character(let character):
            guard let digit = character.wholeNumberValue, (1...min(9, count)).contains(digit) else { return [] }
            picker.selection = digit - 1
            choose(picker)
            return []
        case .escape:
            closeOverlay()
            return []
        default:
            return handleScrollKey(key) ?? []
        }
        state.overlay = .prompt(.pickSpeaker(picker))
        return []
    }

    private mutating func choose(_ picker: SpeakerPicker) {
        guard let id = picker.selectedSpeaker else {
            closeOverlay()
            return
        }
        switch picker.purpose {
        case .label:
            // Starts empty: the title shows the current name, and typing replaces it.
            state.overlay = .prompt(.name(NameEntry(speaker: id, isIntroduction: false)))
        case .forget:
            state.overlay = .prompt(.confirmForget(id))
        }
    }
}
