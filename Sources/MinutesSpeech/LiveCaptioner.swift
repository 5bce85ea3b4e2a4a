import MinutesCore

/// Captions one utterance at a time while it is spoken: partial captions from repeated
/// decodes of the growing audio, then one final caption when the speaker pauses.
///
/// Voice activity decides when an utterance starts and ends; this type decides when to
/// decode and what to show. It is an actor so that audio, partials and finals stay in order.
public actor LiveCaptioner {
    private let transcriber: any Transcriber
    private let options: TranscriptionOptions
    private let partialInterval: Double
    private var utteranceCount = 0
    private var start = 0.0
    private var audio: [Float] = []
    private var decodedLength = 0
    private var agreement = LocalAgreement()

    /// - Parameters:
    ///   - transcriber: the speech-to-text engine.
    ///   - options: language and prompt; the time offset is set per utterance, and decoding
    ///     is set for latency: Whisper's encoder looks at the utterance rather than a full
    ///     30-second window (the final caption in 0.3 s instead of 1 s for a few seconds of
    ///     speech); a final decode is retried only when its text repeats itself, a partial one
    ///     never, since the final caption replaces it (``TranscriptionFallback``); decoding is
    ///     greedy (a beam of five costs several times as long per caption).
    ///   - partialInterval: seconds of new audio between partial decodes (1 s keeps a 2-core
    ///     machine well ahead of real time with tiny.en).
    public init(
        transcriber: any Transcriber,
        options: TranscriptionOptions = TranscriptionOptions(),
        partialInterval: Double = 1.0
    ) {
        self.transcriber = transcriber
        var options = options
        options.fitsDecodingToClip = true
        options.beamSize = 1
        self.options = options
        self.partialInterval = partialInterval
    }

    /// Starts a new utterance at `time` seconds into the session.
    public func beginUtterance(at time: Double) {
        start = time
        audio.removeAll(keepingCapacity: true)
        decodedLength = 0
        agreement = LocalAgreement()
    }

    /// Adds 16 kHz samples of the current utterance.
    /// - Returns: a partial caption when enough new audio has arrived to decode again.
    public func append(_ samples: [Float]) async throws -> LiveCaption? {
        audio += samples
        guard Double(audio.count - decodedLength) >= partialInterval * 16_000 else { return nil }
        decodedLength = audio.count
        let words = try await decode(fallback: .never).flatMap { $0.text.split(separator: " ").map(String.init) }
        let tentative = agreement.update(with: words)
        return LiveCaption(
            utterance: utteranceCount,
            start: start,
            end: start + Double(audio.count) / 16_000,
            stableText: agreement.stable.joined(separator: " "),
            tentativeText: tentative.joined(separator: " "),
            isFinal: false
        )
    }

    /// Ends the utterance at the pause and decodes it once more, completely.
    /// - Returns: the final caption, or nil when the utterance held no words.
    public func endUtterance() async throws -> LiveCaption? {
        defer { utteranceCount += 1 }
        let segments = try await decode(fallback: .whenRepetitive)
        guard !segments.isEmpty else { return nil }
        return LiveCaption(
            utterance: utteranceCount,
            start: segments.first?.start ?? start,
            end: segments.last?.end ?? start + Double(audio.count) / 16_000,
            stableText: segments.map(\.text).joined(separator: " "),
            tentativeText: "",
            isFinal: true,
            words: segments.flatMap(\.words),
            language: segments.first?.language
        )
    }

    private func decode(fallback: TranscriptionFallback) async throws -> [SegmentDraft] {
        var utteranceOptions = options
        utteranceOptions.timeOffset = start
        utteranceOptions.fallback = fallback
        return try await transcriber.transcribe(audio, options: utteranceOptions)
    }
}
