/// How a ``LiveMeeting`` kept up: what `minutes bench live` reports.
///
/// Latencies are measured from the instant the end of speech was heard (the end of a voice
/// activity region, before its closing pause, placed on the clock by the pace at which chunks
/// arrived) to the instant the event was sent, so they are what a person at the console waits
/// after they stop talking.
public struct LiveMeetingStatistics: Sendable, Equatable {
    /// Seconds of audio captured, silence standing in for dropped chunks included.
    public var capturedSeconds = 0.0
    /// Frames of silence that stood in for chunks the capture stream dropped.
    public var gapFrames: Int64 = 0
    /// Utterances voice activity closed.
    public var utterances = 0
    /// Seconds from the end of speech to its final caption, one per captioned utterance.
    public var captionLatencies: [Double] = []
    /// Seconds from the end of speech to its segments being stored with speakers.
    public var labelLatencies: [Double] = []
    /// Seconds from the end of speech to voice activity closing its region: the pause it
    /// waits for, the part of the caption latency no engine can shorten.
    public var closingDelays: [Double] = []
    /// Seconds a closed utterance waited for the worker (a decode in progress, a backlog).
    public var finalWaits: [Double] = []
    /// Seconds each final decode took.
    public var finalDecodes: [Double] = []
    /// Seconds each partial decode took.
    public var partialDecodes: [Double] = []
    /// Partial decodes stopped because their utterance ended while they ran.
    public var abandonedPartials = 0
    /// Seconds each utterance's speaker labelling and storing took.
    public var labellings: [Double] = []
    /// Seconds between successive partial captions of one utterance.
    public var partialIntervals: [Double] = []
    /// Seconds the worker spent captioning and labelling.
    public var workerBusySeconds = 0.0
    /// The most audio, in seconds, captured while a piece of work waited in the worker's
    /// queue: how far captions fell behind the microphone at worst.
    public var maximumLag = 0.0

    public init() {}

    /// Worker time per second of audio: under 1 keeps up with real time.
    public var workerRealTimeFactor: Double {
        capturedSeconds > 0 ? workerBusySeconds / capturedSeconds : 0
    }
}
