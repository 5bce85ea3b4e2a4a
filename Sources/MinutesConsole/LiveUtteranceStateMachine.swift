import MinutesCore

/// Decides, chunk by chunk, when a live utterance begins and ends from what voice activity
/// reports, so the capture path only slices audio and queues work.
///
/// Silero confirms speech only after it has lasted a while (``detectionDelay``), so an
/// utterance seen to start in a chunk is begun earlier, with ``preRoll`` before the estimated
/// onset, from the rolling buffer; Whisper needs the first syllable. A region that voice
/// activity opened and closed between two chunks (large chunks, or speech cut at the maximum
/// length) still gets an utterance of its own. Times are seconds of the session.
public struct LiveUtteranceStateMachine: Sendable {
    /// What the capture path does with the chunk it just gave to voice activity.
    public enum Action: Sendable, Equatable {
        /// Start an utterance with the audio from `from` to `to` (pre-roll included).
        case begin(from: Double, to: Double)
        /// The chunk's samples continue the open utterance.
        case append
        /// The open utterance ended: voice activity closed `region`.
        case end(SpeechRegion)
        /// The open utterance turned out not to be speech (no region closed it): drop it.
        case discard
    }

    /// Seconds of audio kept before a speech onset.
    public var preRoll: Double
    /// Seconds between a speech onset and the moment voice activity reports it.
    public var detectionDelay: Double
    /// True while an utterance is open.
    public private(set) var isOpen = false
    /// The end of the last closed region: a new utterance never reaches back before it, so no
    /// words are captioned twice.
    private var lastRegionEnd = 0.0

    /// - Parameters:
    ///   - preRoll: Seconds kept before an onset (0.3: Whisper hears the first syllable whole).
    ///   - detectionDelay: How late voice activity reports an onset (0.3: Silero's 0.25 s
    ///     minimum speech plus two 32 ms windows).
    public init(preRoll: Double = 0.3, detectionDelay: Double = 0.3) {
        self.preRoll = max(0, preRoll)
        self.detectionDelay = max(0, detectionDelay)
    }

    /// The actions for a chunk from `start` to `end` seconds, after voice activity accepted it.
    ///
    /// - Parameters:
    ///   - closed: The regions voice activity closed within the chunk.
    ///   - isSpeaking: Whether voice activity is inside speech at the end of the chunk.
    public mutating func chunk(
        from start: Double,
        to end: Double,
        closed: [SpeechRegion],
        isSpeaking: Bool
    )
        -> [Action]
    {
        var actions: [Action] = []
        if isOpen {
            actions.append(.append)
        }
        actions += close(closed, through: end)
        if isSpeaking, !isOpen {
            isOpen = true
            actions.append(.begin(from: max(0, lastRegionEnd, start - detectionDelay - preRoll), to: end))
        } else if !isSpeaking, isOpen, closed.isEmpty {
            isOpen = false
            actions.append(.discard)
        }
        return actions
    }

    /// The actions when the input ends at `end` seconds and voice activity closed `closed`
    /// while flushing; afterwards no utterance is open.
    public mutating func finish(at end: Double, closed: [SpeechRegion]) -> [Action] {
        var actions = close(closed, through: end)
        if isOpen {
            isOpen = false
            actions.append(.discard)
        }
        return actions
    }

    private mutating func close(_ regions: [SpeechRegion], through end: Double) -> [Action] {
        var actions: [Action] = []
        for region in regions {
            if !isOpen {
                // Opened and closed between two looks: begin it from its known onset.
                actions.append(.begin(from: max(0, lastRegionEnd, region.start - preRoll), to: end))
            }
            actions.append(.end(region))
            isOpen = false
            lastRegionEnd = max(lastRegionEnd, region.end)
        }
        return actions
    }
}
