import Foundation
import Logging
import MinutesCore
import MinutesSpeakers
import MinutesSpeech

/// The speech engines of a long-running process (the service), each loaded once on first use
/// and shared by every request and job.
///
/// Loading Whisper or the speaker models takes seconds and hundreds of megabytes, so nothing is
/// loaded at startup (the service answers `/health` at once) and nothing is loaded twice. The
/// engines serialize their own native calls and run them off the Swift concurrency pool.
/// A missing or broken model is reported as `.unavailable`: the request was fine, the
/// installation is not.
public struct SharedEngines: Sendable {
    /// One model file the engines need, for health reports.
    public struct ModelStatus: Sendable, Equatable {
        public var name: String
        public var present: Bool
        /// Loaded and kept in memory.
        ///
        /// Voice activity loads per use in milliseconds, so it counts as loaded whenever its file
        /// is present.
        public var loaded: Bool
    }

    public let engines: SpeechEngines
    private let whisper: LoadOnce<WhisperCppTranscriber>
    private let sherpaDiarizer: LoadOnce<SherpaOfflineDiarizer>
    private let recordingDiarizer: LoadOnce<LocalSpeakerDiarizer>
    private let sherpaEmbedder: LoadOnce<SherpaSpeakerEmbedder>
    /// The user's vocabulary file, read once rather than for every meeting job.
    private let vocabulary: LoadOnce<[String]>

    public init(engines: SpeechEngines) {
        self.engines = engines
        // One Whisper serves every request; meeting jobs (prompted with enrolled names) need
        // word times aligned by attention, so all requests get them.
        whisper = LoadOnce { try engines.transcriber(wordTiming: .attentionAlignment) }
        sherpaDiarizer = LoadOnce { try engines.diarizer() }
        recordingDiarizer = LoadOnce { try engines.localSpeakerDiarizer() }
        sherpaEmbedder = LoadOnce { try engines.embedder() }
        vocabulary = LoadOnce { try engines.configuration.vocabulary() }
    }

    public var language: String { engines.configuration.language }
    /// Whisper's beam for recordings (`MINUTES_WHISPER_BEAM`).
    public var beamSize: Int { engines.configuration.beamSize }

    public func transcriber() async throws -> any Transcriber {
        try await available { try await whisper.value() }
    }

    public func embedder() async throws -> any SpeakerEmbedder {
        try await available { try await sherpaEmbedder.value() }
    }

    /// The plain offline diarizer, for one utterance or one short clip.
    public func diarizer() async throws -> any Diarizer {
        try await available { try await sherpaDiarizer.value() }
    }

    /// The diarizer recorded meetings use: (window, local speaker) prints plus gap filling.
    public func meetingDiarizer() async throws -> any Diarizer {
        let base = try await available { try await recordingDiarizer.value() }
        return GapFillingDiarizer(base: base, detector: try voiceActivity(), embedder: base.embedder)
    }

    /// Silero voice activity; cheap to make, so it is made per use.
    public func voiceActivity() throws -> any VoiceActivityDetector {
        do {
            return try engines.voiceActivity()
        } catch let error as MinutesError {
            throw MinutesError(.unavailable, error.message, cause: error)
        }
    }

    public var synthesizer: any SpeechSynthesizer { LocalSynthesizer() }

    /// The recorded-meeting pipeline over the shared engines.
    public func recordedMeetingPipeline(
        summarizer: (any Summarizer)?,
        logger: Logger
    ) async throws
        -> RecordedMeetingPipeline
    {
        RecordedMeetingPipeline(
            diarizer: try await meetingDiarizer(),
            transcriber: try await transcriber(),
            embedder: try await embedder(),
            detector: try voiceActivity(),
            summarizer: summarizer,
            beamSize: engines.configuration.beamSize,
            vocabulary: try await vocabulary.value(),
            logger: logger
        )
    }

    /// Whether each model file is installed and loaded.
    public var models: [ModelStatus] {
        let configuration = engines.configuration
        let speakers = SpeakerModelFiles(modelsDirectory: configuration.modelsDirectory)
        func status(_ path: String, loaded: Bool) -> ModelStatus {
            ModelStatus(
                name: URL(fileURLWithPath: path).lastPathComponent,
                present: FileManager.default.fileExists(atPath: path),
                loaded: loaded
            )
        }
        return [
            status(configuration.whisperModelPath, loaded: whisper.isLoaded),
            status(
                configuration.voiceActivityModelPath,
                loaded: FileManager.default.fileExists(
                    atPath: configuration.voiceActivityModelPath
                )
            ),
            status(speakers.segmentation, loaded: sherpaDiarizer.isLoaded || recordingDiarizer.isLoaded),
            status(speakers.embedding, loaded: sherpaEmbedder.isLoaded || recordingDiarizer.isLoaded),
        ]
    }

    private func available<Value>(_ load: () async throws -> Value) async throws -> Value {
        do {
            return try await load()
        } catch let error as MinutesError where error.code != .unavailable {
            throw MinutesError(.unavailable, error.message, cause: error)
        }
    }
}
