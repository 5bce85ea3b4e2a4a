import ArgumentParser
import Foundation
import Logging
import MinutesAudio
import MinutesConsole
import MinutesCore
import MinutesPipeline
import MinutesSpeakers
import MinutesSpeech
import MinutesStorage
import MinutesSummary

#if canImport(Glibc)
import Glibc
#endif

/// `minutes bench live FILE [--speed X] [--model NAME]`: the live console's whole pipeline on
/// a replayed recording, timed as a person at the console would feel it.
///
/// The file is replayed at `--speed` × real time into a real recorder (in a temporary
/// directory) and an in-memory session; the events the console would show are timestamped and
/// drawn by the console's screen model into a cell grid (no terminal). Latencies run from the
/// end of speech (a voice activity region's end, placed on the clock by the replay's pace) to
/// the event. Only `--speed 1` says whether a 2-core
/// machine keeps up; faster speeds are for a quick look and load the worker harder.
struct BenchLiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract:
            "Caption and speaker latency, CPU, memory and dropped audio of the live pipeline on a replayed file.",
        discussion:
            "Targets on 2 cores with tiny.en at --speed 1: caption latency p50 ≤ 1.0 s, p95 ≤ 2.0 s, no dropped chunks."
    )

    @Argument(help: "A WAV file to replay as if it were being captured.")
    var file: String

    @Option(help: "Replay speed: 1 is real time (the figures that count), 4 for a quick look.")
    var speed: Double = 1

    @Option(help: "Whisper model name or ggml path.")
    var model: String?

    func validate() throws {
        guard speed > 0, speed.isFinite else {
            throw ValidationError("--speed must be a positive number (1 is real time), not \(speed)")
        }
    }

    func run() async throws {
        try await CommandContext.report {
            let directory =
                NSTemporaryDirectory() + "minutes-bench-live-\(ProcessInfo.processInfo.processIdentifier)"
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let engines = SpeechEngines(model: model)
            let logger = Logger(label: "minutes.bench")
            let store = try GRDBSessionStore()
            let orchestrator = SessionOrchestrator(
                store: store,
                archive: try FileExportArchive(directory: directory + "/exports"),
                summaryCache: store.summaryCache,
                logger: logger
            )
            let session = try await orchestrator.createSession(title: "bench live")
            let source = try ReplaySource(path: file, speed: speed)
            let transcriber = try engines.transcriber()
            let activity = try engines.liveVoiceActivity()
            let meeting = LiveMeeting(
                source: source,
                recorder: try RecordingWriter(
                    directory: directory,
                    name: "bench-live",
                    sessionID: session.id.rawValue
                ),
                voiceActivity: try activity.makeStream(),
                captioner: LiveCaptioner(transcriber: transcriber, options: engines.options),
                labeller: LiveDiarization(
                    detector: activity,
                    embedder: try engines.embedder(),
                    local: try engines.diarizer()
                ),
                orchestrator: orchestrator,
                session: session.id,
                summarizer: MeetingSummarizer(
                    personas: PersonaLibrary(personas: []),
                    llm: nil,
                    logger: logger
                ),
                exportDirectory: directory,
                logger: logger
            )

            let cpuBefore = Self.processorSeconds()
            let started = ContinuousClock.now
            let log = try await Self.drive(meeting)
            let wall = started.duration(to: .now).seconds
            let cpu = Self.processorSeconds() - cpuBefore
            let statistics = await meeting.statistics
            let capture = source.statistics

            let audio = statistics.capturedSeconds
            print(
                "\(file): \(Self.format(audio)) s of audio at \(Self.format(speed))× on \(transcriber.modelName), "
                    + "\(ProcessInfo.processInfo.activeProcessorCount) cores"
            )
            print(
                "utterances \(statistics.utterances), final captions \(log.finals), partial captions \(log.partials), "
                    + "segments \(log.segments), speakers \(log.speakers)"
            )
            let captions = Percentiles(statistics.captionLatencies)
            print("caption latency (end of speech → final caption), s: \(captions.summary)")
            print("  of which voice activity waiting for the pause: \(Percentiles(statistics.closingDelays).summary)")
            print("  of which waiting for the worker: \(Percentiles(statistics.finalWaits).summary)")
            print("  of which the final decode: \(Percentiles(statistics.finalDecodes).summary)")
            print("partial caption interval, s: \(Percentiles(log.partialIntervals).summary)")
            print("partial decode, s: \(Percentiles(statistics.partialDecodes).summary)")
            print("partial decodes abandoned when their utterance ended: \(statistics.abandonedPartials)")
            print("speaker labelling and storing per utterance, s: \(Percentiles(statistics.labellings).summary)")
            let labels = Percentiles(statistics.labelLatencies)
            print("speaker label latency (end of speech → segment stored), s: \(labels.summary)")
            let busy = Self.format(statistics.workerBusySeconds)
            print(
                "worker: real-time factor \(Self.format(statistics.workerRealTimeFactor)) (busy \(busy) s), "
                    + "most lag \(Self.format(statistics.maximumLag)) s of audio"
            )
            let cores = ProcessInfo.processInfo.activeProcessorCount
            print(
                "CPU \(Self.format(cpu)) s in \(Self.format(wall)) s wall: "
                    + "\(Self.format(cpu / max(wall, 1e-9))) cores busy (of \(cores))"
            )
            let frames = Percentiles(log.frameTimes.map { $0 * 1000 })
            print("screen model (event → 80×24 frame), ms over \(log.frameTimes.count) frames: \(frames.summary)")
            print("peak memory: \(PeakMemory.megabytes) MB")
            let silence = Self.format(Double(statistics.gapFrames) / 16_000)
            print(
                "chunks: \(capture.producedChunks) produced, \(capture.droppedChunks) dropped, "
                    + "\(capture.overruns) overruns, \(silence) s filled with silence"
            )
            print("ended: \(capture.ending.map { "\($0)" } ?? "still running")")
            let verdicts = [
                ("caption latency p50 ≤ 1.0 s", captions.p50 <= 1.0),
                ("caption latency p95 ≤ 2.0 s", captions.p95 <= 2.0),
                ("no dropped chunks", capture.droppedChunks == 0),
            ]
            for (target, met) in verdicts {
                print(
                    "target \(target): \(met ? "met" : "MISSED")\(speed == 1 ? "" : " (at \(Self.format(speed))×)")"
                )
            }
        }
    }

    /// What the console would have shown, timed.
    struct EventLog: Sendable {
        var partials = 0
        var finals = 0
        var segments = 0
        var speakers = 0
        /// Seconds between successive partial captions of one utterance.
        var partialIntervals: [Double] = []
        /// Seconds the screen model took to take each event and lay out an 80×24 frame.
        var frameTimes: [Double] = []

        /// Consumes the events as the console would: each goes through the console's state
        /// machine and is rendered to a cell grid, as a terminal of the standard size shows it.
        static func record(_ events: AsyncStream<ConsoleEvent>) async -> EventLog {
            var log = EventLog()
            var lastPartial: (utterance: Int, at: ContinuousClock.Instant)?
            var screen = ConsoleStateMachine(state: ConsoleState(title: "bench live", recordingsPath: "-"))
            let renderer = ScreenRenderer()
            for await event in events {
                let now = ContinuousClock.now
                _ = screen.handle(event)
                _ = renderer.render(screen.state, theme: .standard, size: .standard)
                log.frameTimes.append(now.duration(to: .now).seconds)
                switch event {
                case .caption(let caption) where caption.isFinal:
                    log.finals += caption.text.isEmpty ? 0 : 1
                    lastPartial = nil
                case .caption(let caption):
                    log.partials += 1
                    if let last = lastPartial, last.utterance == caption.utterance {
                        log.partialIntervals.append(last.at.duration(to: now).seconds)
                    }
                    lastPartial = (caption.utterance, now)
                case .segmentAppended:
                    log.segments += 1
                case .speakerAppeared:
                    log.speakers += 1
                default:
                    break
                }
            }
            return log
        }
    }

    /// Runs the meeting until the file has been heard and processed, then quits it.
    static func drive(_ meeting: LiveMeeting<ContinuousClock>) async throws -> EventLog {
        try await withThrowingTaskGroup(of: EventLog?.self) { group in
            group.addTask {
                try await meeting.run()
                return nil
            }
            group.addTask { await EventLog.record(meeting.events) }
            group.addTask {
                _ = await meeting.waitForInputEnd()
                await meeting.perform(.quit)
                return nil
            }
            var log = EventLog()
            for try await result in group {
                if let result { log = result }
            }
            return log
        }
    }

    /// User plus system CPU seconds of this process so far.
    static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double {
            Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000
        }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
