import Logging
import MinutesAudio
import MinutesCore

/// The recorded-meeting pipeline from audio to a stored session, shared by `minutes process`
/// and the service's meeting jobs: normalize → diarize → match enrolled voices → transcribe →
/// store with the recognised names → summarize.
///
/// Each stage is reported before it starts and its duration logged (never any text), so a
/// command can print progress and a job can report it in its heartbeat.
public struct RecordedMeetingPipeline: Sendable {
    public var diarizer: any Diarizer
    public var transcriber: any Transcriber
    public var embedder: any SpeakerEmbedder
    public var detector: any VoiceActivityDetector
    /// Nil stores the meeting without a summary.
    public var summarizer: (any Summarizer)?
    /// Whisper's beam (``TranscriptionOptions/beamSize``): recordings are decoded for accuracy.
    public var beamSize: Int
    /// The user's terms, given to Whisper with the enrolled people's names.
    public var vocabulary: [String]
    public var logger: Logger

    public init(
        diarizer: any Diarizer,
        transcriber: any Transcriber,
        embedder: any SpeakerEmbedder,
        detector: any VoiceActivityDetector,
        summarizer: (any Summarizer)?,
        beamSize: Int = TranscriptionOptions.accurateBeamSize,
        vocabulary: [String] = [],
        logger: Logger
    ) {
        self.diarizer = diarizer
        self.transcriber = transcriber
        self.embedder = embedder
        self.detector = detector
        self.summarizer = summarizer
        self.beamSize = beamSize
        self.vocabulary = vocabulary
        self.logger = logger
    }

    /// Processes `meeting` and stores it through `orchestrator` as session `meeting.sessionID`.
    ///
    /// - Parameter progress: told when each stage starts.
    /// - Throws: `.empty` for less than half a second of audio (before anything is stored),
    ///   and the errors of the engines and the store.
    public func run(
        _ meeting: RecordedMeeting,
        orchestrator: SessionOrchestrator,
        progress: @escaping @Sendable (MeetingProcessor.Stage) -> Void = { _ in }
    ) async throws -> RecordedMeetingOutcome {
        guard meeting.samples.count >= RecordedMeeting.minimumSamples else {
            throw MinutesError(
                .empty,
                "'\(meeting.title)' holds \(meeting.duration) s of audio; at least 0.5 s is needed"
            )
        }
        var timings: [RecordedMeetingOutcome.StageTiming] = []
        progress(.normalize)
        let started = ContinuousClock.now
        let samples = try LoudnessNormalizer().normalize(meeting.samples, sampleRate: 16_000).samples
        timings.append(.init(stage: MeetingProcessor.Stage.normalize.rawValue, seconds: elapsed(since: started)))

        let profiles = try await orchestrator.profiles()
        let processor = MeetingProcessor(
            diarizer: diarizer,
            transcriber: transcriber,
            embedder: embedder,
            detector: detector,
            matcher: ProfileMatcher(profiles: profiles)
        )
        var options = TranscriptionOptions(language: meeting.language, beamSize: beamSize)
        // The enrolled people may be in this meeting; their names are spelled as enrolled.
        options.initialPrompt = TranscriptionPrompt(people: profiles.map(\.name), vocabulary: vocabulary).text
        let result = try await processor.process(
            samples,
            speakerCount: meeting.speakerCount,
            options: options,
            progress: progress
        )
        timings += result.timings.map { .init(stage: $0.stage.rawValue, seconds: $0.seconds) }
        // A job whose lease was lost is cancelled; it must not store what another worker is
        // storing now.
        try Task.checkCancellation()

        let session = try await orchestrator.createSession(
            title: meeting.title,
            language: meeting.language,
            id: meeting.sessionID
        )
        let appended = try await orchestrator.append(result.segments, to: session.id)
        for speaker in appended.newSpeakers {
            if let match = result.matches[speaker.cluster],
                let profile = profiles.first(where: { $0.id == match.profile })
            {
                try await orchestrator.linkSpeaker(speaker.id, in: session.id, to: profile)
            }
        }

        var summarized = false
        if let summarizer {
            progress(.summarize)
            let summarizeStarted = ContinuousClock.now
            do {
                _ = try await orchestrator.summarize(session.id, with: summarizer)
                summarized = true
            } catch let error as MinutesError where error.code == .empty {
                logger.info("nothing to summarize", metadata: ["session.id": "\(session.id)"])
            }
            timings.append(
                .init(stage: MeetingProcessor.Stage.summarize.rawValue, seconds: elapsed(since: summarizeStarted))
            )
        }
        try await orchestrator.endSession(session.id)
        for timing in timings {
            logger.info(
                "meeting stage timed",
                metadata: [
                    "session.id": "\(session.id)", "stage": "\(timing.stage)",
                    "stage.duration_ms": "\(Int((timing.seconds * 1_000).rounded()))",
                ]
            )
        }
        return RecordedMeetingOutcome(
            session: try await orchestrator.session(session.id),
            segments: appended.segments,
            speakers: try await orchestrator.speakers(session.id),
            timings: timings,
            summarized: summarized
        )
    }

    private func elapsed(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start).seconds
    }
}
