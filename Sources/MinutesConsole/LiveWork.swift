import MinutesCore

/// A piece of work the capture path hands to the captioning and labelling worker.
///
/// The capture path must never wait for Whisper, so it only slices audio and queues these;
/// everything slow happens in the worker, and a backlog grows in its queue, not in capture.
struct LiveWork<Instant: InstantProtocol>: Sendable {
    enum Job: Sendable {
        /// An utterance starts at `start` seconds with `samples` (its pre-roll and first chunk).
        case begin(start: Double, samples: [Float])
        /// More samples of the open utterance.
        case audio([Float])
        /// Voice activity closed the utterance.
        case end(Ending)
        /// The open utterance was not speech after all.
        case discard
    }

    /// What the worker needs to finish an utterance.
    struct Ending: Sendable {
        /// The region voice activity closed, in session seconds.
        var region: SpeechRegion
        /// The region with the labeller's padding, cut from the rolling buffer.
        var window: LiveAudioWindow
        /// When the end of speech was heard, for latency.
        var speechEnded: Instant?
        /// When voice activity closed the region.
        var closed: Instant
    }

    var job: Job
    /// Seconds of audio captured when the job was queued, for measuring lag.
    var capturedThrough: Double
}
