import MinutesAudio
import MinutesCore

/// Transcribes recordings: voice activity finds the speech, Whisper's words are kept only there.
///
/// Gating on voice activity is what keeps Whisper from inventing text ("Thank you.") on
/// silence and music. A recording that fits one Whisper window is decoded whole, with voice
/// activity beside it as the gate (``SpeechGate``); longer files are read as a stream,
/// holding only the audio of the window being transcribed, so a 3-hour meeting needs no more
/// memory than a short one.
public struct FileTranscriber: Sendable {
    public let transcriber: any Transcriber
    public let detector: any VoiceActivityDetector
    public var windowing: SpeechWindowing

    public init(
        transcriber: any Transcriber,
        detector: any VoiceActivityDetector,
        windowing: SpeechWindowing = SpeechWindowing()
    ) {
        self.transcriber = transcriber
        self.detector = detector
        self.windowing = windowing
    }

    /// Transcribes a recording of any format, rate and channel count.
    public func transcribe(file path: String, options: TranscriptionOptions) async throws -> [SegmentDraft] {
        let stream = try AudioFileStream(path: path, chunkFrames: 16_000 * 10)
        if let duration = stream.duration, SpeechGate.decodesWhole(duration, windowing: windowing) {
            var samples: [Float] = []
            while let chunk = try stream.next() { samples += chunk.samples }
            return try await transcribeWhole(samples, options: options)
        }
        var buffer = SampleWindow()
        var windows = windowing
        let regions = try detector.makeStream()
        var segments: [SegmentDraft] = []
        while let chunk = try stream.next() {
            buffer.append(chunk.samples)
            for region in regions.accept(chunk.samples) {
                if let window = windows.add(region) {
                    segments += try await transcribe(window, from: &buffer, options: options)
                }
            }
        }
        for region in regions.finish() {
            if let window = windows.add(region) {
                segments += try await transcribe(window, from: &buffer, options: options)
            }
        }
        if let window = windows.finish() {
            segments += try await transcribe(window, from: &buffer, options: options)
        }
        return segments
    }

    /// A recording that fits one Whisper window, decoded whole while voice activity reads it
    /// (``SpeechGate``): windowed, Whisper also waited for voice activity to read the whole
    /// file, 0.15 s of a 24 s call on this machine.
    private func transcribeWhole(_ samples: [Float], options: TranscriptionOptions) async throws -> [SegmentDraft] {
        async let decoded = transcriber.transcribe(samples, options: options)
        let speech = try await detector.speechRegions(in: samples).map { region in
            SpeechRegion(start: options.timeOffset + region.start, end: options.timeOffset + region.end)
        }
        // With no speech, leaving without awaiting cancels the decode (whisper.cpp's abort).
        guard !speech.isEmpty else { return [] }
        return SpeechGate(padding: windowing.padding).kept(try await decoded, speech: speech)
    }

    /// Transcribes samples already in memory (16 kHz mono).
    public func transcribe(samples: [Float], options: TranscriptionOptions) async throws -> [SegmentDraft] {
        var buffer = SampleWindow()
        buffer.append(samples)
        var windows = windowing
        var segments: [SegmentDraft] = []
        var closed: [SpeechRegion] = []
        let regions = try detector.makeStream()
        for region in regions.accept(samples) + regions.finish() {
            if let window = windows.add(region) { closed.append(window) }
        }
        if let window = windows.finish() { closed.append(window) }
        for window in closed {
            segments += try await transcribe(window, from: &buffer, options: options)
        }
        return segments
    }

    private func transcribe(
        _ window: SpeechRegion,
        from buffer: inout SampleWindow,
        options: TranscriptionOptions
    ) async throws -> [SegmentDraft] {
        let samples = buffer.samples(from: window.start, to: window.end)
        buffer.discard(before: window.end)
        var windowOptions = options
        windowOptions.timeOffset = options.timeOffset + window.start
        // Whisper may time the last words into the padding after the speech, where voice
        // activity heard nobody: times end where the speech does.
        let speechEnd = options.timeOffset + window.end - windowing.padding
        return try await transcriber.transcribe(samples, options: windowOptions).map { $0.ending(by: speechEnd) }
    }
}

/// The tail of a 16 kHz stream that may still be needed, addressed in stream seconds.
struct SampleWindow {
    private var samples: [Float] = []
    private var firstFrame = 0

    mutating func append(_ more: [Float]) {
        samples += more
    }

    func samples(from start: Double, to end: Double) -> [Float] {
        let lower = max(0, Int(start * 16_000) - firstFrame)
        let upper = min(samples.count, Int(end * 16_000) - firstFrame)
        guard lower < upper else { return [] }
        return Array(samples[lower..<upper])
    }

    /// Drops samples before `time`, which no later window can need.
    mutating func discard(before time: Double) {
        let count = min(samples.count, max(0, Int(time * 16_000) - firstFrame))
        samples.removeFirst(count)
        firstFrame += count
    }
}
