import MinutesCore

extension ConsoleStateMachine {
    /// Engine events update the state underneath whatever the user is doing: the timeline
    /// keeps moving while a prompt or menu is open.
    mutating func handleEngineEvent(_ event: ConsoleEvent) -> [ConsoleAction] {
        switch event {
        case .key:
            return []
        case .caption(let caption):
            applyCaption(caption)
        case .segmentAppended(let segment):
            appendSegment(segment)
        case .speakerAppeared(let speaker):
            speakerAppeared(speaker)
        case .speakerRenamed(let id, let name):
            speakerRenamed(id, name: name)
        case .speakerForgotten(let id):
            speakerForgotten(id)
        case .enrolledNames(let names):
            state.enrolledNames = names
        case .summaryReady(let summary):
            summaryArrived(SummaryText.lines(for: summary))
        case .summaryFailed(let message):
            summaryFailed(message)
        case .meetingSearchFinished(let query, let hits):
            meetingSearchFinished(query: query, hits: hits)
        case .refinesListed(let lines):
            refinesListed(lines)
        case .exportFinished(let format, let path):
            notify("Exported \(ExportMenu.label(of: format)) to \(path)", ticks: 2 * StatusMessage.defaultLifetime)
        case .exportFailed(let format, let message):
            notify("Export of \(ExportMenu.label(of: format)) failed: \(message)", isError: true)
        case .tick(let elapsed):
            tick(elapsed: elapsed)
        case .inputLevel(let level):
            state.inputLevel = level.isFinite ? min(1, max(0, level)) : 0
        case .captureCounters(let dropped, let overruns):
            state.droppedChunks = dropped
            state.overruns = overruns
        case .captureStatusChanged(let status):
            if state.capture == .deviceLost, status != .deviceLost, state.statusMessage?.ticksLeft == nil {
                state.statusMessage = nil
            }
            state.capture = status
        case .deviceLost(let message):
            state.capture = .deviceLost
            notify("Input device lost: \(message). Press space to try again.", isError: true, ticks: nil)
        case .recoveryOffered(let offer):
            state.pendingPrompts.append(.recovery(offer))
            presentNextPrompt()
        case .notice(let text, let isError):
            notify(text, isError: isError)
        }
        return []
    }

    /// A caption replaces the previous one of its utterance.
    ///
    /// The final caption stays (in the partial style) until its segments are stored, so the
    /// line never blinks out in between, even when the next utterance's caption comes first.
    /// A final caption without text clears its utterance's line. Captions arrive in utterance
    /// order (one worker captions one utterance at a time), so the one being replaced is
    /// always the last.
    private mutating func applyCaption(_ caption: LiveCaption) {
        state.captions.removeAll { $0.utterance == caption.utterance }
        if caption.isFinal, caption.text.isEmpty { return }
        state.captions.append(caption)
    }

    /// Adds a final segment and drops the captions it finalizes: those that began no later
    /// than it (a later utterance's caption stays).
    private mutating func appendSegment(_ segment: Segment) {
        if let id = segment.speaker, state.speaker(id) == nil {
            // Heard before being announced: give them a colour now, ask when announced.
            state.speakers.append(
                ConsoleSpeaker(id: id, ordinal: state.speakers.count + 1, colorIndex: state.speakers.count)
            )
        }
        state.captions.removeAll { $0.start <= segment.start }
        let entry = TimelineEntry(segment)
        state.timeline.append(.segment(entry))
        if !state.search.query.isEmpty, matchesSearch(entry, query: state.search.query) {
            state.search.hits.append(state.timeline.count - 1)
        }
    }

    private mutating func speakerAppeared(_ speaker: Speaker) {
        if let index = state.speakers.firstIndex(where: { $0.id == speaker.id }) {
            state.speakers[index].ordinal = speaker.ordinal
            state.speakers[index].name = speaker.name
            state.speakers[index].isForgotten = speaker.isForgotten
        } else {
            state.speakers.append(
                ConsoleSpeaker(
                    id: speaker.id,
                    ordinal: speaker.ordinal,
                    name: speaker.name,
                    isForgotten: speaker.isForgotten,
                    colorIndex: state.speakers.count
                )
            )
        }
        guard speaker.name == nil, !speaker.isForgotten else { return }
        let alreadyAsked = state.pendingPrompts.contains(.name(NameEntry(speaker: speaker.id, isIntroduction: true)))
        guard !alreadyAsked, !isPrompting(for: speaker.id) else { return }
        state.pendingPrompts.append(.name(NameEntry(speaker: speaker.id, isIntroduction: true)))
        presentNextPrompt()
    }

    private mutating func speakerRenamed(_ id: SpeakerID, name: String) {
        guard let index = state.speakers.firstIndex(where: { $0.id == id }) else { return }
        state.speakers[index].name = name
        state.speakers[index].wasSkipped = false
        // An untouched "Who is this?" for them is answered already.
        if case .prompt(.name(let entry)) = state.overlay, entry.speaker == id, entry.isIntroduction, entry.text.isEmpty
        {
            closeOverlay()
        }
    }

    private mutating func speakerForgotten(_ id: SpeakerID) {
        guard let index = state.speakers.firstIndex(where: { $0.id == id }) else { return }
        state.speakers[index].isForgotten = true
        state.speakers[index].name = nil
        for position in state.timeline.indices {
            guard case .segment(var entry) = state.timeline[position], entry.speaker == id else { continue }
            entry.text = Segment.redactedText
            state.timeline[position] = .segment(entry)
        }
        if isPrompting(for: id) { closeOverlay() }
        if !state.search.query.isEmpty { recomputeSearchHits() }
        notify("Forgot Speaker \(state.speakers[index].ordinal); their words are redacted.")
    }

    /// True when the open prompt is about `id`.
    private func isPrompting(for id: SpeakerID) -> Bool {
        switch state.prompt {
        case .name(let entry): entry.speaker == id
        case .rememberVoice(let speaker, _): speaker == id
        case .confirmForget(let speaker): speaker == id
        default: false
        }
    }

    private mutating func tick(elapsed: Double) {
        state.elapsed = elapsed
        state.animationFrame &+= 1
        guard let left = state.statusMessage?.ticksLeft else { return }
        if left <= 1 {
            state.statusMessage = nil
        } else {
            state.statusMessage?.ticksLeft = left - 1
        }
    }
}
