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
            transcriber: try transcriber(),
            embedder: try embedder(),
            detector: try voiceActivity(),
            summarizer: summarizer,
            beamSize: configuration.beamSize,
            vocabulary: try configuration.vocabulary(),
            logger: logger
        )
    }
}
