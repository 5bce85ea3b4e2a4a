import Logging
import MinutesAudio
import MinutesCore
import MinutesSpeech

/// The live pipeline behind the console: capture to recording, captions, speakers and the
/// stored session, reported as ``ConsoleEvent``s and driven by ``ConsoleAction``s.
///
/// Audio flows through two stages joined by a queue, so a busy Whisper never costs audio:
///
/// 1. The capture path takes each chunk from the source, hands it to the recorder first (the
///    recording is on disk before anything else can fail), keeps it in a rolling buffer,
///    feeds voice activity and queues work. It does nothing slow, so the source's stream never
///    fills up because of decoding.
/// 2. The worker captions each utterance (partials while it is spoken, the final caption at
///    the pause), labels its speakers, stores its segments through the orchestrator and sends
///    the events. When it falls behind, work waits in its queue and queued audio is decoded
///    in one go instead of piece by piece, so it catches up. Captions come before labels:
///    pauses are not decoded for partials, the end of an utterance cancels its partial
///    decode, and an utterance's speakers are labelled once no other work is queued (or once
///    the label has waited ``LiveMeetingConfiguration/longestLabelWait``), so neither holds
///    up the next final caption.
///
/// ``run()`` drives both, runs the source, and serves actions (``perform(_:)``) until
/// ``ConsoleAction/quit``: then the source stops, the last utterance is finished, the
/// recording closed, the session ended and ``events`` finishes. A device that fails ends the
/// capture path with ``ConsoleEvent/deviceLost(message:)``; the recording is closed cleanly,
/// everything heard is stored, and the session stays open for labels, summaries and exports
/// until quit. Cancelling `run()` stops at once: the recording is still closed, but queued
/// utterances are not transcribed; quit is the graceful way out.
///
/// Transcript text never reaches the log: only counts, durations and ids.
public actor LiveMeeting<C: Clock> where C.Duration == Duration {
    /// What the console shows; finishes after quit.
    public nonisolated let events: AsyncStream<ConsoleEvent>
    public let session: SessionID
    /// Where exports are written, as `<recording name>.<ext>`.
    public let exportDirectory: String
    public let configuration: LiveMeetingConfiguration
    /// The seconds into the session the user bookmarked, in order.
    public internal(set) var bookmarks: [Double] = []
    /// How the pipeline kept up so far.
    public internal(set) var statistics = LiveMeetingStatistics()

    let eventSink: AsyncStream<ConsoleEvent>.Continuation
    let work: AsyncStream<LiveWork<C.Instant>>
    let workSink: AsyncStream<LiveWork<C.Instant>>.Continuation
    let actions: AsyncStream<ConsoleAction>
    let actionSink: AsyncStream<ConsoleAction>.Continuation

    let source: any CaptureSource
    let recorder: RecordingWriter
    let voiceActivity: any SpeechRegionStream
    let captioner: LiveCaptioner
    let labeller: LiveDiarization
    let orchestrator: SessionOrchestrator
    let summarizer: any Summarizer
    let clock: C
    let logger: Logger

    // MARK: Capture path state

    var buffer: LiveAudioBuffer
    var utterances: LiveUtteranceStateMachine
    var levelMeter: LiveLevelMeter
    var arrivals = LiveChunkArrivals<C.Instant>()
    /// The source frame that is session time 0 (the first chunk's).
    var firstFrame: Int64?
    /// Frames accepted so far, gaps filled with silence included.
    var capturedFrames: Int64 = 0
    var isRecording = true
    var hasWarnedAboutRate = false
    var lastCounters: (dropped: Int, overruns: Int) = (0, 0)
    var framesSinceCounters: Int64 = 0
    /// Work queued but not yet taken by the worker.
    var pendingWork = 0
    var captureEnding: CaptureEnding?

    // MARK: Worker state

    var tracker: LiveSpeakerTracker
    /// The captioner's utterance number of the open utterance.
    var utteranceNumber = 0
    var utteranceOpen = false
    /// Session seconds the captioner's audio reaches.
    var captionedThrough = 0.0
    /// Audio waiting to be captioned together with what is queued behind it.
    var heldAudio: [Float] = []
    /// Frames given to the captioner since its last decode.
    var appendedSinceDecode = 0
    /// The partial decode running now, which the end of its utterance cancels.
    var partialDecode: Task<LiveCaption?, any Error>?
    /// Final captions whose speakers are not labelled yet, oldest first, with the instant
    /// each was shown.
    var unlabelled: [(caption: LiveCaption, ending: LiveWork<C.Instant>.Ending, shown: C.Instant)] = []
    /// The RMS of the utterance's loudest chunk so far, against which pauses are judged.
    var utteranceLoudness = 0.0
    var lastPartial: C.Instant?
    var previousTurn: SpeakerTurn?
    var voices: LiveVoiceSamples
    /// Session speakers by tracker label.
    var speakersByLabel: [String: Speaker] = [:]
    /// Recognised voices that have no session speaker yet.
    var pendingRecognitions: [String: ProfileMatcher.Match] = [:]
    var drainedEnding: CaptureEnding?
    var drainWaiters: [CheckedContinuation<CaptureEnding, Never>] = []

    // MARK: Action state

    var hasRun = false
    var hasFinished = false
    var quitWaiters: [CheckedContinuation<Void, Never>] = []
    var isSummarizing = false

    /// Creates a meeting over a session the orchestrator already holds.
    ///
    /// - Parameters:
    ///   - source: The audio; ``run()`` runs it.
    ///   - recorder: Where every chunk is recorded; it is closed when capture ends.
    ///   - voiceActivity: A fresh stream (``VoiceActivityDetector/makeStream()``).
    ///   - captioner: Decodes utterances.
    ///   - labeller: The speaker models and the session-wide tracker; the tracker's profiles are
    ///     replaced by the enrolled ones when ``run()`` starts.
    ///   - orchestrator: Stores the session.
    ///   - session: The session the meeting appends to.
    ///   - summarizer: Builds summaries on request.
    ///   - exportDirectory: Where exports go (next to the recording, usually).
    ///   - configuration: Slicing and reporting.
    ///   - clock: Measures latency and worker time.
    ///   - logger: Counts and timings only, never transcript text.
    public init(
        source: any CaptureSource,
        recorder: sending RecordingWriter,
        voiceActivity: sending any SpeechRegionStream,
        captioner: LiveCaptioner,
        labeller: LiveDiarization,
        orchestrator: SessionOrchestrator,
        session: SessionID,
        summarizer: any Summarizer,
        exportDirectory: String,
        configuration: LiveMeetingConfiguration = LiveMeetingConfiguration(),
        clock: C,
        logger: Logger
    ) {
        self.source = source
        self.recorder = recorder
        self.voiceActivity = voiceActivity
        self.captioner = captioner
        self.labeller = labeller
        tracker = labeller.tracker
        self.orchestrator = orchestrator
        self.session = session
        self.summarizer = summarizer
        self.exportDirectory = exportDirectory
        self.configuration = configuration
        self.clock = clock
        var logger = logger
        logger[metadataKey: "session.id"] = "\(session)"
        self.logger = logger
        buffer = LiveAudioBuffer(seconds: configuration.history)
        utterances = LiveUtteranceStateMachine(
            preRoll: configuration.preRoll,
            detectionDelay: configuration.detectionDelay
        )
        levelMeter = LiveLevelMeter(interval: max(1, Int(configuration.levelInterval * 16_000)))
        voices = LiveVoiceSamples(seconds: configuration.voiceHistory)
        (events, eventSink) = AsyncStream.makeStream(of: ConsoleEvent.self)
        (work, workSink) = AsyncStream.makeStream(of: LiveWork<C.Instant>.self)
        (actions, actionSink) = AsyncStream.makeStream(of: ConsoleAction.self)
    }

    /// The recording's file.
    public var recordingPath: String { recorder.audioPath }

    /// Runs the source, the capture path, the worker and the actions until quit.
    ///
    /// - Throws: `MinutesError(.conflict)` when called twice; the store's error when the
    ///   enrolled voices cannot be read at the start.
    public func run() async throws {
        guard !hasRun else { throw MinutesError(.conflict, "a live meeting runs only once") }
        hasRun = true
        do {
            try await loadProfiles()
        } catch {
            // Nothing ran: close the (empty) recording so it is not taken for a crashed one,
            // and release whoever waits for the end, as if the meeting had stopped.
            source.stop()
            if isRecording {
                isRecording = false
                try? recorder.close()
            }
            finish(ending: .stopped)
            throw error
        }
        emit(.captureStatusChanged(.recording))
        logger.info("live meeting started", metadata: ["recording": "\(recorder.name)"])
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.source.run() }
            group.addTask { await self.consumeCapture() }
            group.addTask { await self.runWorker() }
            group.addTask { await self.serveActions() }
        }
        do {
            try await orchestrator.endSession(session)
        } catch {
            logger.error("cannot end the session", metadata: ["error": "\(error)"])
            emit(.notice("The session could not be marked as ended: \(Self.message(error))", isError: true))
        }
        logger.info(
            "live meeting ended",
            metadata: [
                "audio_s": "\(statistics.capturedSeconds)", "utterances": "\(statistics.utterances)",
                "worker_rtf": "\(statistics.workerRealTimeFactor)",
            ]
        )
        finish(ending: captureEnding ?? .stopped)
    }

    /// Asks for `action`; its outcome arrives as events.
    ///
    /// Actions are served in order by ``run()``; summaries and exports run beside the others,
    /// so asking for one never holds up a pause. ``ConsoleAction/quit`` returns only once the
    /// meeting is over (the recording closed, every utterance stored, the session ended), so
    /// the app can give the terminal back knowing nothing is lost; when ``run()`` has not
    /// started yet, quit is queued and returns at once. After quit, actions are ignored.
    public func perform(_ action: ConsoleAction) async {
        actionSink.yield(action)
        guard action == .quit, hasRun, !hasFinished else { return }
        await withCheckedContinuation { quitWaiters.append($0) }
    }

    /// Waits until the input has ended (end of file, device lost, quit) and the worker has
    /// finished every utterance heard: every event about the audio has then been sent.
    ///
    /// - Returns: Why the input ended.
    public func waitForInputEnd() async -> CaptureEnding {
        if let drainedEnding { return drainedEnding }
        return await withCheckedContinuation { drainWaiters.append($0) }
    }

    // MARK: Shared helpers

    /// Ends the events and releases everyone waiting for the input's end or for quit.
    func finish(ending: CaptureEnding) {
        hasFinished = true
        eventSink.finish()
        releaseDrainWaiters(ending)
        let waiters = quitWaiters
        quitWaiters = []
        for waiter in waiters {
            waiter.resume()
        }
    }

    /// Records why the input ended and releases those waiting for it.
    func releaseDrainWaiters(_ ending: CaptureEnding) {
        if drainedEnding == nil {
            drainedEnding = ending
        }
        let waiters = drainWaiters
        drainWaiters = []
        for waiter in waiters {
            waiter.resume(returning: drainedEnding ?? ending)
        }
    }

    nonisolated func emit(_ event: ConsoleEvent) {
        eventSink.yield(event)
    }

    /// Puts the enrolled voices in the tracker, so they are recognised, and tells the console
    /// their names for completion.
    func loadProfiles() async throws {
        let profiles = try await orchestrator.profiles()
        tracker.matcher.profiles = profiles
        emit(.enrolledNames(profiles.map(\.name).sorted()))
    }

    /// Session seconds of a frame counted from the first chunk.
    func seconds(_ frames: Int64) -> Double {
        Double(frames) / 16_000
    }

    /// An error's message for a person: ``MinutesError/message`` when it is one.
    nonisolated static func message(_ error: any Error) -> String {
        (error as? MinutesError)?.message ?? "\(error)"
    }
}

extension LiveMeeting where C == ContinuousClock {
    /// Creates a meeting measured on the continuous clock.
    public init(
        source: any CaptureSource,
        recorder: sending RecordingWriter,
        voiceActivity: sending any SpeechRegionStream,
        captioner: LiveCaptioner,
        labeller: LiveDiarization,
        orchestrator: SessionOrchestrator,
        session: SessionID,
        summarizer: any Summarizer,
        exportDirectory: String,
        configuration: LiveMeetingConfiguration = LiveMeetingConfiguration(),
        logger: Logger
    ) {
        self.init(
            source: source,
            recorder: recorder,
            voiceActivity: voiceActivity,
            captioner: captioner,
            labeller: labeller,
            orchestrator: orchestrator,
            session: session,
            summarizer: summarizer,
            exportDirectory: exportDirectory,
            configuration: configuration,
            clock: ContinuousClock(),
            logger: logger
        )
    }
}
