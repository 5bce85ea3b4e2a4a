import MinutesCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Captures a microphone through ALSA and delivers 100 ms chunks of 16 kHz mono audio.
///
/// The device is opened and configured in the initializer, so a busy, missing or unsuitable
/// device is reported before a session starts. ``run()`` then captures on a dedicated thread
/// (see ``CaptureThread``): it waits for each period with a timeout, reads it, mixes it to mono,
/// resamples it with the streaming ``Resampler`` and cuts it into ``AudioChunk``s with
/// ``AudioChunker``, whose `startFrame`s count 16 kHz frames of delivered audio. The thread does
/// nothing else that could block: it only yields to ``chunks``, a stream that keeps the newest
/// chunks (`bufferingNewest`) so a slow consumer loses old audio rather than falling behind.
///
/// Failures while capturing never crash and never throw: an overrun (`-EPIPE`, the thread was
/// late and the device's buffer overflowed) or a suspend is counted in ``statistics``, the
/// device is prepared again and capture goes on; a device that disappears (`-ENODEV`, `-EIO`,
/// …) or stops delivering for ``ALSACaptureConfiguration/stallTimeout`` ends the stream, and
/// ``CaptureStatistics/ending`` says why.
///
/// Pausing drops the device (`snd_pcm_drop`) and resuming prepares and restarts it, rather than
/// reading and discarding audio: while paused nothing is captured at all, which is what a person
/// who pauses a meeting recording expects, no CPU is spent and the device cannot overrun; and
/// unlike `snd_pcm_pause` it works on every device. The resampler's tail is flushed on pause, so
/// the delivered stream is the audio before the pause followed by the audio after it, with
/// `startFrame`s that continue without a gap.
public final class ALSACaptureSource: CaptureSource {
    /// The negotiated device format.
    public let parameters: ALSAStreamParameters
    public let configuration: ALSACaptureConfiguration
    public let chunks: AsyncStream<AudioChunk>
    public var sampleRate: Int { configuration.outputSampleRate }

    /// Points where tests inject the failures a file-backed PCM cannot produce (overruns,
    /// vanished devices); the capture path around them is the real one.
    package struct TestHooks: Sendable {
        /// Called on the capture thread before each read attempt with its index; a non-nil
        /// return is used as the ALSA result of that attempt instead of waiting and reading.
        package var beforeRead: (@Sendable (_ attempt: Int) -> Int32?)?

        package init(beforeRead: (@Sendable (_ attempt: Int) -> Int32?)? = nil) {
            self.beforeRead = beforeRead
        }
    }

    /// How long one `snd_pcm_wait` blocks, which bounds how late a stop or pause is noticed.
    private static let waitMilliseconds: Int32 = 100
    /// How often a paused thread looks for resume or stop (microseconds).
    private static let pausePollMicroseconds: UInt32 = 20_000

    private let continuation: AsyncStream<AudioChunk>.Continuation
    private let pcm: ALSAPCM
    private let hooks: TestHooks
    private let control = Mutex(Control())

    private struct Control {
        enum Phase { case idle, running, finished }
        var phase = Phase.idle
        var stopRequested = false
        var pauseRequested = false
        /// The capture thread until someone takes it to join it.
        var thread: pthread_t?
        /// `run()` calls waiting for the thread to end.
        var waiters: [CheckedContinuation<Void, Never>] = []
        var statistics = CaptureStatistics()
    }

    private enum Command { case proceed, pause, stop }

    /// Opens and configures `configuration.device` from the system's ALSA configuration.
    ///
    /// - Throws: `MinutesError` naming the device: `.notFound` when there is no such device (or no
    ///   sound card for `default`), `.conflict` when another program holds it, `.invalidInput` when
    ///   it offers no usable format or rate or a setting is out of range.
    public convenience init(configuration: ALSACaptureConfiguration = ALSACaptureConfiguration()) throws {
        try self.init(pcm: ALSAPCM(name: configuration.device), configuration: configuration, hooks: TestHooks())
    }

    /// Opens `configuration.device` as defined in `alsaConfiguration`, ALSA configuration text
    /// used instead of the system's `alsa.conf`.
    ///
    /// Tests define a `type file` PCM there whose `infile` supplies the samples, so the whole
    /// capture path runs without a sound card. The text must define everything it uses (there is
    /// no `pcm.null` unless it defines one; write `slave.pcm { type null }`).
    ///
    /// - Throws: As ``init(configuration:)``, and `.invalidInput` when the text does not parse.
    public convenience init(configuration: ALSACaptureConfiguration, alsaConfiguration: String) throws {
        try self.init(configuration: configuration, alsaConfiguration: alsaConfiguration, hooks: TestHooks())
    }

    /// As ``init(configuration:alsaConfiguration:)``, with failure injection for tests.
    package convenience init(
        configuration: ALSACaptureConfiguration,
        alsaConfiguration: String,
        hooks: TestHooks
    ) throws {
        let pcm = try ALSAPCM(name: configuration.device, configuration: alsaConfiguration)
        try self.init(pcm: pcm, configuration: configuration, hooks: hooks)
    }

    private init(pcm: ALSAPCM, configuration: ALSACaptureConfiguration, hooks: TestHooks) throws {
        guard configuration.chunkFrames > 0, configuration.bufferedChunks > 0 else {
            throw MinutesError(
                .invalidInput,
                "capture needs at least one frame per chunk and one buffered chunk, not "
                    + "\(configuration.chunkFrames) and \(configuration.bufferedChunks)"
            )
        }
        parameters = try pcm.configure(configuration)
        // Validates both rates before a thread exists to fail on them.
        _ = try Resampler(from: parameters.sampleRate, to: configuration.outputSampleRate)
        self.pcm = pcm
        self.configuration = configuration
        self.hooks = hooks
        (chunks, continuation) = AsyncStream.makeStream(
            of: AudioChunk.self,
            bufferingPolicy: .bufferingNewest(configuration.bufferedChunks)
        )
        continuation.onTermination = { [weak self] _ in
            // Never blocks: it may run on the capture thread itself, which finishes the stream.
            self?.requestStop()
        }
    }

    deinit {
        if let thread = control.withLock({ $0.thread }) {
            pthread_detach(thread)
        }
    }

    /// The device's PCM name.
    public var device: String { configuration.device }

    public var statistics: CaptureStatistics { control.withLock { $0.statistics } }

    /// Whether the PCM has been closed (it is, once the stream has ended).
    package var isDeviceClosed: Bool { pcm.isClosed }

    public func run() async {
        // The thread is created under the lock, so a concurrent stop() always finds it to join.
        let failure = control.withLock { control -> MinutesError? in
            guard control.phase == .idle else { return nil }
            control.phase = .running
            do {
                control.thread = try CaptureThread.start(name: "minutes-capture") { [self] in
                    captureThreadMain()
                }
                return nil
            } catch {
                return error as? MinutesError ?? MinutesError(.invalidInput, "cannot start capturing: \(error)")
            }
        }
        if let failure {
            finish(.failed(failure))
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
                let ended = control.withLock { control -> Bool in
                    guard control.phase != .finished else { return true }
                    control.waiters.append(waiter)
                    return false
                }
                if ended {
                    waiter.resume()
                }
            }
        } onCancel: {
            requestStop()
        }
        joinThread()
    }

    public func pause() {
        control.withLock { $0.pauseRequested = true }
    }

    public func resume() {
        control.withLock { $0.pauseRequested = false }
    }

    /// Ends capture, and unless called on the capture thread, waits for the thread to close the
    /// device (at most about 100 ms, one `snd_pcm_wait`).
    public func stop() {
        requestStop()
        joinThread()
    }

    /// Asks the capture thread to stop, or ends a source that never ran; never blocks.
    private func requestStop() {
        let endNow = control.withLock { control -> Bool in
            switch control.phase {
            case .idle:
                control.phase = .finished
                return true
            case .running:
                control.stopRequested = true
                return false
            case .finished:
                return false
            }
        }
        if endNow {
            finish(.stopped)
        }
    }

    /// Joins the capture thread unless it is the caller or someone else already took it.
    private func joinThread() {
        let thread = control.withLock { control -> pthread_t? in
            guard let thread = control.thread, !CaptureThread.isCurrent(thread) else { return nil }
            control.thread = nil
            return thread
        }
        if let thread {
            CaptureThread.join(thread)
        }
    }

    /// Closes the device, records why the stream ended, finishes it and wakes `run()`.
    private func finish(_ ending: CaptureEnding) {
        pcm.close()
        let waiters = control.withLock { control in
            control.phase = .finished
            control.statistics.ending = ending
            control.statistics.isPaused = false
            defer { control.waiters = [] }
            return control.waiters
        }
        // Outside the lock: finishing runs onTermination, which takes it.
        continuation.finish()
        for waiter in waiters {
            waiter.resume()
        }
    }

    private func captureThreadMain() {
        finish(capture())
    }

    private var command: Command {
        control.withLock { control in
            control.stopRequested ? .stop : control.pauseRequested ? .pause : .proceed
        }
    }

    /// The capture loop; returns why it ended, having delivered every sample it read.
    private func capture() -> CaptureEnding {
        var converter: Converter
        do {
            converter = try Converter(inputRate: parameters.sampleRate, configuration: configuration)
        } catch {
            return .failed(error as? MinutesError ?? MinutesError(.invalidInput, "\(error)"))
        }
        let format = parameters.sampleFormat
        let channels = parameters.channelCount
        var buffer = [UInt8](repeating: 0, count: parameters.periodFrames * parameters.bytesPerFrame)
        var capturedFrames: Int64 = 0
        var attempt = 0
        var lastAudio = ContinuousClock.now

        if let failure = restart() {
            return .failed(failure)
        }
        while true {
            switch command {
            case .stop:
                deliver(converter.finish())
                return .stopped
            case .pause:
                deliver(converter.flushResampler())
                _ = pcm.drop()
                guard waitWhilePaused() else {
                    deliver(converter.finish())
                    return .stopped
                }
                if let failure = restart() {
                    deliver(converter.finish())
                    return .failed(failure)
                }
                lastAudio = .now
                continue
            case .proceed:
                break
            }

            var wanted = parameters.periodFrames
            if let limit = configuration.maximumFrames {
                guard capturedFrames < limit else {
                    deliver(converter.finish())
                    return .endOfInput
                }
                wanted = Int(min(Int64(wanted), limit - capturedFrames))
            }

            let result: Int
            if let injected = hooks.beforeRead?(attempt) {
                result = Int(injected)
            } else {
                let ready = pcm.wait(milliseconds: Self.waitMilliseconds)
                if ready == 0 {
                    if let timeout = configuration.stallTimeout, ContinuousClock.now - lastAudio >= timeout {
                        deliver(converter.finish())
                        return .failed(
                            MinutesError(
                                .notFound,
                                "capture device '\(device)' delivered no audio for \(timeout) (unplugged or stuck?)"
                            )
                        )
                    }
                    attempt += 1
                    continue
                }
                result =
                    ready < 0
                    ? Int(ready)
                    : buffer.withUnsafeMutableBytes { bytes in
                        guard let base = bytes.baseAddress else { return -Int(ENOMEM) }
                        return pcm.read(into: base, frames: wanted)
                    }
            }
            attempt += 1

            if result < 0 {
                if let failure = recover(from: Int32(clamping: result)) {
                    deliver(converter.finish())
                    return .failed(failure)
                }
                continue
            }
            guard result > 0 else { continue }
            lastAudio = .now
            capturedFrames += Int64(result)
            let mono = buffer.withUnsafeBytes { bytes in
                format.decodeMono(bytes, frameCount: result, channelCount: channels)
            }
            deliver(converter.process(mono))
        }
    }

    /// Sleeps while paused; returns false when a stop arrives instead of a resume.
    private func waitWhilePaused() -> Bool {
        control.withLock { $0.statistics.isPaused = true }
        defer { control.withLock { $0.statistics.isPaused = false } }
        while true {
            switch command {
            case .stop: return false
            case .proceed: return true
            case .pause: usleep(Self.pausePollMicroseconds)
            }
        }
    }

    /// Prepares and starts the device; returns the failure when it cannot be restarted.
    private func restart() -> MinutesError? {
        var status = pcm.prepare()
        if status >= 0 {
            status = pcm.start()
        }
        return status < 0 ? ALSAStatus.deviceLost(device: device, code: status) : nil
    }

    /// Recovers from a negative wait or read result; returns the failure that ends capture.
    private func recover(from status: Int32) -> MinutesError? {
        switch -status {
        case EAGAIN, EINTR:
            return nil
        case EPIPE:
            control.withLock { $0.statistics.overruns += 1 }
            return restart()
        case ESTRPIPE:
            // Suspended (laptop lid): audio was lost as with an overrun. Wait for the device to
            // wake, up to a second, then start it afresh.
            control.withLock { $0.statistics.overruns += 1 }
            var resumed = pcm.resumeFromSuspend()
            var tries = 0
            while resumed == -EAGAIN, tries < 100 {
                usleep(10_000)
                resumed = pcm.resumeFromSuspend()
                tries += 1
            }
            return resumed < 0 ? restart() : nil
        default:
            return ALSAStatus.deviceLost(device: device, code: status)
        }
    }

    /// Yields `chunks` and counts what the stream dropped to make room.
    private func deliver(_ chunks: [AudioChunk]) {
        for chunk in chunks {
            let result = continuation.yield(chunk)
            control.withLock { control in
                switch result {
                case .enqueued:
                    control.statistics.producedChunks += 1
                case .dropped:
                    control.statistics.producedChunks += 1
                    control.statistics.droppedChunks += 1
                case .terminated:
                    break
                @unknown default:
                    break
                }
            }
        }
    }

    /// Device-rate mono samples in, 16 kHz chunks out.
    private struct Converter {
        var resampler: Resampler
        var chunker: AudioChunker

        init(inputRate: Int, configuration: ALSACaptureConfiguration) throws {
            resampler = try Resampler(from: inputRate, to: configuration.outputSampleRate)
            chunker = try AudioChunker(
                chunkFrames: configuration.chunkFrames,
                sampleRate: configuration.outputSampleRate
            )
        }

        mutating func process(_ samples: [Float]) -> [AudioChunk] {
            chunker.append(resampler.process(samples))
        }

        /// Emits the resampler's held-back tail (before a pause); the partial chunk waits.
        mutating func flushResampler() -> [AudioChunk] {
            chunker.append(resampler.finish())
        }

        /// Emits everything, including a last chunk shorter than the others.
        mutating func finish() -> [AudioChunk] {
            var chunks = flushResampler()
            if let last = chunker.finish() {
                chunks.append(last)
            }
            return chunks
        }
    }
}
