import Logging
import MinutesCore
import MinutesSpeech

extension SpeechEngines {
    /// The recorded-meeting pipeline over freshly loaded engines, for a command that processes
    /// one meeting and exits.
    public func recordedMeetingPipeline(
        summarizer: (any Summarizer)?,
        logger: Logger
    ) throws
        -> RecordedMeetingPipeline
    {
        RecordedMeetingPipeline(
            diarizer: try meetingDiarizer(),
            transcriber: try transcriber(wordTiming: .attentionAlignment),
            embedder: try embedder(),
            detector: try voiceActivity(),
            summarizer: summarizer,
            beamSize: configuration.beamSize,
            vocabulary: try configuration.vocabulary(),
            logger: logger
        )
    }

    /// Diarize, match and transcribe over freshly loaded engines, for a command that shows or
    /// scores a recording without the rest of the pipeline.
    /// - Parameter diarizerThreads: ONNX Runtime threads for the diarizer (one makes it
    ///   deterministic, since multi-threaded reductions vary in the last bits).
    public func meetingProcessor(
        profiles: [SpeakerProfile] = [],
        diarizerThreads: Int? = nil
    ) throws -> MeetingProcessor {
        MeetingProcessor(
            diarizer: try meetingDiarizer(threads: diarizerThreads),
            transcriber: try transcriber(wordTiming: .attentionAlignment),
            embedder: try embedder(),
            detector: try voiceActivity(),
            matcher: ProfileMatcher(profiles: profiles)
        )
    }
}
