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
        let profiles = try await orchestrator.profiles()
        // The enrolled people may be in this meeting; their names are spelled as enrolled.
        let analysis = try await analyse(
            meeting.samples,
            language: meeting.language,
            speakerCount: meeting.speakerCount,
            prompt: TranscriptionPrompt(people: profiles.map(\.name), vocabulary: vocabulary),
            profiles: profiles,
            progress: progress
        )
        var timings = analysis.timings
        let result = analysis.result
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

        let summarized = try await summarize(
            session.id,
            orchestrator: orchestrator,
            timings: &timings,
            progress: progress
        )
        try await orchestrator.endSession(session.id)
        log(timings, of: session.id)
        return RecordedMeetingOutcome(
            session: try await orchestrator.session(session.id),
            segments: appended.segments,
            speakers: try await orchestrator.speakers(session.id),
            timings: timings,
            summarized: summarized
        )
    }

    /// Refines a finished session from its recording: the same stages as ``run(_:orchestrator:progress:)``
    /// with the whole meeting in view, laid over the live timeline by
    /// ``SessionOrchestrator/applyRefinement(_:matches:to:)``, then summarized again.
    ///
    /// The prompt names the enrolled people and the session's named speakers: this session's,
    /// never another's. One refine of a session runs at a time.
    ///
    /// - Parameters:
    ///   - samples: the session's recording, 16 kHz mono, from the session's start.
    ///   - speakerCount: the number of voices; by default as many as the live timeline holds.
    /// - Throws: `.conflict` while the session is recorded or refined already, `.empty` for
    ///   too little audio; the live version is left as it was on any error or cancellation.
    public func refine(
        _ id: SessionID,
        samples: [Float],
        speakerCount: Int? = nil,
        orchestrator: SessionOrchestrator,
        progress: @escaping @Sendable (MeetingProcessor.Stage) -> Void = { _ in }
    ) async throws -> TimelineRefinement {
        let session = try await orchestrator.beginRefine(id)
        do {
            guard samples.count >= RecordedMeeting.minimumSamples else {
                throw MinutesError(.empty, "the recording of session \(id) is too short to refine (under 0.5 s)")
            }
            let profiles = try await orchestrator.profiles()
            let current = try await orchestrator.manifest(id)
            // The prompt spells each name once however often it is given.
            let people = profiles.map(\.name) + current.speakers.filter { !$0.isForgotten }.compactMap(\.name)
            // The live pass saw the meeting as it happened: on a two-person call it heard both
            // voices where the careful pass's clustering alone heard one (cpWER 67 % → 40 %),
            // and on meeting excerpts the hint changed nothing (BENCHMARKS.md).
            let heardLive = Set(try await orchestrator.asHeardLive(id).segments.compactMap(\.speaker)).count
            var analysis = try await analyse(
                samples,
                language: session.language,
                speakerCount: speakerCount ?? (heardLive > 0 ? heardLive : nil),
                prompt: TranscriptionPrompt(people: people, vocabulary: vocabulary),
                profiles: profiles,
                progress: progress
            )
            try Task.checkCancellation()
            let refinement = try await orchestrator.applyRefinement(
                analysis.result.segments,
                matches: analysis.result.matches,
                to: id
            )
            _ = try await summarize(id, orchestrator: orchestrator, timings: &analysis.timings, progress: progress)
            log(analysis.timings, of: id)
            await orchestrator.endRefine(id)
            return refinement
        } catch {
            await orchestrator.endRefine(id)
            throw error
        }
    }

    /// Normalizes, diarizes, matches enrolled voices and transcribes; stores nothing.
    private func analyse(
        _ recorded: [Float],
        language: String,
        speakerCount: Int?,
        prompt: TranscriptionPrompt,
        profiles: [SpeakerProfile],
        progress: @escaping @Sendable (MeetingProcessor.Stage) -> Void
    ) async throws -> (result: MeetingProcessor.Result, timings: [RecordedMeetingOutcome.StageTiming]) {
        progress(.normalize)
        let started = ContinuousClock.now
        let samples = try LoudnessNormalizer().normalize(recorded, sampleRate: 16_000).samples
        var timings = [
            RecordedMeetingOutcome.StageTiming(
                stage: MeetingProcessor.Stage.normalize.rawValue,
                seconds: elapsed(since: started)
            )
        ]
        let processor = MeetingProcessor(
            diarizer: diarizer,
            transcriber: transcriber,
            embedder: embedder,
            detector: detector,
            matcher: ProfileMatcher(profiles: profiles)
        )
        var options = TranscriptionOptions(language: language, beamSize: beamSize)
        options.initialPrompt = prompt.text
        let result = try await processor.process(
            samples,
            speakerCount: speakerCount,
            options: options,
            progress: progress
        )
        timings += result.timings.map { .init(stage: $0.stage.rawValue, seconds: $0.seconds) }
        return (result, timings)
    }

    /// Summarizes the stored session when there is a summarizer and speech to summarize.
    private func summarize(
        _ id: SessionID,
        orchestrator: SessionOrchestrator,
        timings: inout [RecordedMeetingOutcome.StageTiming],
        progress: @Sendable (MeetingProcessor.Stage) -> Void
    ) async throws -> Bool {
        guard let summarizer else { return false }
        progress(.summarize)
        let started = ContinuousClock.now
        defer {
            timings.append(.init(stage: MeetingProcessor.Stage.summarize.rawValue, seconds: elapsed(since: started)))
        }
        do {
            _ = try await orchestrator.summarize(id, with: summarizer)
            return true
        } catch let error as MinutesError where error.code == .empty {
            logger.info("nothing to summarize", metadata: ["session.id": "\(id)"])
            return false
        }
    }

    private func log(_ timings: [RecordedMeetingOutcome.StageTiming], of id: SessionID) {
        for timing in timings {
            logger.info(
                "meeting stage timed",
                metadata: [
                    "session.id": "\(id)", "stage": "\(timing.stage)",
                    "stage.duration_ms": "\(Int((timing.seconds * 1_000).rounded()))",
                ]
            )
        }
    }

    private func elapsed(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start).seconds
    }
}
