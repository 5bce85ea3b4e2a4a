import MinutesCore

/// Everything the console shows, as one value: the renderer draws it, the state machine
/// changes it, and tests build it by hand.
public struct ConsoleState: Equatable, Sendable {
    // MARK: Header

    public var title: String
    /// Seconds recorded so far.
    public var elapsed: Double
    public var capture: CaptureStatus
    /// 0…1, drawn as a meter.
    public var inputLevel: Double
    /// The engines in use, such as `whisper tiny.en`, shown in the header.
    public var modelNames: [String]
    public var droppedChunks: Int
    public var overruns: Int
    /// Where recordings and exports land.
    public var recordingsPath: String

    // MARK: Timeline

    /// Final captions and bookmarks, oldest first.
    public var timeline: [TimelineItem]
    /// Captions without stored segments yet, in utterance order, drawn dim after the last
    /// item: final captions whose speakers are being labelled, then the one still spoken.
    public var captions: [LiveCaption]
    /// In order of first appearance.
    public var speakers: [ConsoleSpeaker]
    public var viewport: TimelineViewport
    public var search: SearchState

    // MARK: Panes and prompts

    public var summary: SummaryPane
    /// True between ``ConsoleAction/buildSummary`` and the summary (or its failure).
    public var isSummaryInFlight: Bool
    /// A summary that arrived after its pane was closed; `s` shows it instead of rebuilding.
    public var unseenSummary: [String]?
    public var overlay: ConsoleOverlay?
    /// Prompts waiting for the keyboard ("Who is this?" for new voices, recovery offers),
    /// first come first asked; they never interrupt the user mid-task.
    public var pendingPrompts: [ConsolePrompt]
    /// Names Tab completes.
    public var enrolledNames: [String]
    public var statusMessage: StatusMessage?

    // MARK: Terminal

    public var size: TerminalSize
    /// Advances on every tick; picks the spinner frame.
    public var animationFrame: Int

    public init(
        title: String,
        recordingsPath: String,
        modelNames: [String] = [],
        enrolledNames: [String] = [],
        size: TerminalSize = .standard
    ) {
        self.title = title
        self.elapsed = 0
        self.capture = .recording
        self.inputLevel = 0
        self.modelNames = modelNames
        self.droppedChunks = 0
        self.overruns = 0
        self.recordingsPath = recordingsPath
        self.timeline = []
        self.captions = []
        self.speakers = []
        self.viewport = TimelineViewport()
        self.search = SearchState()
        self.summary = .hidden
        self.isSummaryInFlight = false
        self.unseenSummary = nil
        self.overlay = nil
        self.pendingPrompts = []
        self.enrolledNames = enrolledNames
        self.statusMessage = nil
        self.size = size
        self.animationFrame = 0
    }

    /// The speaker with `id`, if the console has seen them.
    public func speaker(_ id: SpeakerID?) -> ConsoleSpeaker? {
        guard let id else { return nil }
        return speakers.first { $0.id == id }
    }

    /// Bookmarked moments, oldest first.
    public var bookmarks: [Double] {
        timeline.compactMap { item in
            guard case .bookmark(let at) = item else { return nil }
            return at
        }
    }

    /// The prompt that has the keyboard, if any.
    public var prompt: ConsolePrompt? {
        guard case .prompt(let prompt) = overlay else { return nil }
        return prompt
    }
}
