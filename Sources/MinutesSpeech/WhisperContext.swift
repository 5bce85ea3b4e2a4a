import CWhisper
import Foundation
import MinutesCore

/// Owns one whisper.cpp context and runs `whisper_full` on it.
///
/// Not thread-safe (whisper.cpp keeps decoding state in the context): the
/// ``WhisperCppTranscriber`` keeps it behind a mutex.
final class WhisperContext {
    private let pointer: OpaquePointer
    let isMultilingual: Bool
    private let timing: WhisperWordTiming

    init(modelPath: String, timing: WhisperWordTiming = .tokenHeuristic) throws {
        WhisperLogging.silence()
        try WhisperModelFile.validate(modelPath)
        var parameters = whisper_context_default_params()
        parameters.use_gpu = false
        timing.configure(&parameters, modelFile: URL(fileURLWithPath: modelPath).lastPathComponent)
        self.timing = timing
        guard let pointer = whisper_init_from_file_with_params(modelPath, parameters) else {
            throw MinutesError(
                .invalidInput,
                "whisper.cpp could not load \(modelPath): the model file is damaged or unsupported"
            )
        }
        self.pointer = pointer
        isMultilingual = whisper_is_multilingual(pointer) != 0
    }

    deinit {
        whisper_free(pointer)
    }

    /// Transcribes 16 kHz mono samples; times in the result are seconds from the clip start.
    /// - Throws: `CancellationError` when `abort` was raised before the decode finished.
    func transcribe(
        _ samples: [Float],
        options: TranscriptionOptions,
        threads: Int,
        abort: WhisperAbortSignal
    ) throws -> [WhisperSegment] {
        guard !abort.isRaised else { throw CancellationError() }
        if let problem = TranscriptionOptions.beamSizeProblem(options.beamSize) {
            throw MinutesError(.invalidInput, problem)
        }
        let language = isMultilingual ? options.language : "en"
        let searchesBeam = options.beamSize > 1
        var parameters = whisper_full_default_params(
            searchesBeam ? WHISPER_SAMPLING_BEAM_SEARCH : WHISPER_SAMPLING_GREEDY
        )
        if searchesBeam {
            parameters.beam_search.beam_size = Int32(options.beamSize)
            // The temperature fallback samples as whisper-cli does with a beam: best of five.
            parameters.greedy.best_of = 5
        }
        parameters.n_threads = Int32(threads)
        parameters.print_progress = false
        parameters.print_realtime = false
        parameters.print_special = false
        parameters.print_timestamps = false
        parameters.token_timestamps = true
        parameters.no_context = true
        // Greedy decodes (live captions, session appends) suppress non-speech tokens, so a
        // caption never reads "(music)". A beam decode of a recording runs as whisper-cli's
        // does, which allows them: suppressed, the beam dropped words on a phone call (WER
        // 20.2 % → 27.0 %); whole non-speech segments are dropped afterwards anyway.
        parameters.suppress_nst = !searchesBeam
        switch options.fallback {
        case .whenRepetitiveOrUnlikely:
            break
        case .whenRepetitive:
            parameters.greedy.best_of = 1
            parameters.logprob_thold = -.infinity
        case .never:
            parameters.temperature_inc = 0
        }
        if options.fitsDecodingToClip {
            parameters.audio_ctx = Int32(Self.encoderFrames(forSamples: samples.count))
            parameters.max_tokens = Int32(Self.tokenLimit(forSamples: samples.count))
        }
        abort.install(in: &parameters)
        let status = language.withCString { languagePointer in
            withOptionalCString(options.initialPrompt) { promptPointer in
                parameters.language = languagePointer
                parameters.detect_language = false
                parameters.initial_prompt = promptPointer
                return samples.withUnsafeBufferPointer { buffer in
                    whisper_full(pointer, parameters, buffer.baseAddress, Int32(buffer.count))
                }
            }
        }
        guard status == 0 else {
            if abort.isRaised { throw CancellationError() }
            throw MinutesError(.invalidInput, "whisper.cpp failed to transcribe (status \(status))")
        }
        let heard = heardLanguage(asked: language)
        return (0..<whisper_full_n_segments(pointer)).map { segment(at: $0, language: heard) }
    }

    /// The language of the decode just run: the one asked for, or, with `auto`, the one
    /// whisper.cpp detected for this clip (each call detects anew, so a meeting that switches
    /// language is heard window by window).
    private func heardLanguage(asked: String) -> String? {
        guard asked == "auto" else { return asked }
        let id = whisper_full_lang_id(pointer)
        guard id >= 0, let code = whisper_lang_str(id) else { return nil }
        return String(cString: code)
    }

    /// Encoder frames for a clip of `count` samples: one per 20 ms, with a margin and a floor,
    /// in whole blocks of 256, never more than Whisper's 30-second window.
    ///
    /// Whisper was trained on 30-second windows; a much shorter encoder window can make it
    /// lose track of where speech ends and repeat itself or stop early. The window is never
    /// cut below 10.24 s (512 frames) and always reaches 5.12 s (256 frames) past the clip:
    /// the LibriVox clips and jfk.wav then come out word for word as with full windows.
    /// whisper.cpp pads the encoder's output to a multiple of 256 frames for flash attention
    /// and leaves in the padding what an earlier, longer window wrote there: a window of 806
    /// frames after one of 756 turned jfk.wav's "ask not" into "asked not". Whole blocks leave
    /// no padding to read.
    static func encoderFrames(forSamples count: Int) -> Int {
        let wanted = max(512, (count + 319) / 320 + 256)
        return min(1_500, (wanted + 255) / 256 * 256)
    }

    /// The most tokens a segment of a clip of `count` samples may hold when decoding fits the
    /// clip: 8 per second, and 16 more for punctuation and short clips.
    static func tokenLimit(forSamples count: Int) -> Int {
        16 + count * 8 / 16_000
    }

    private func segment(at index: Int32, language: String?) -> WhisperSegment {
        let endOfText = whisper_token_eot(pointer)
        var words: [WhisperSegment.WordBuilder] = []
        for tokenIndex in 0..<whisper_full_n_tokens(pointer, index) {
            let data = whisper_full_get_token_data(pointer, index, tokenIndex)
            // Ids from end-of-text up are special and timestamp tokens, not text.
            guard data.id < endOfText, let text = whisper_full_get_token_text(pointer, index, tokenIndex) else {
                continue
            }
            let bytes = Array(UnsafeBufferPointer(start: text, count: strlen(text))).map { UInt8(bitPattern: $0) }
            let startsWord = bytes.first == UInt8(ascii: " ") || words.isEmpty
            var start = Double(data.t0) / 100
            var end = Double(data.t1) / 100
            if timing == .attentionAlignment, data.t_dtw >= 0 {
                // Alignment marks the moment a token is heard, so a word spans its first
                // token's moment to its last's (an instant for a one-token word). Spans that
                // reach to the next word's moment put 3 more of the demo's 88 words outside
                // their speaker's turn.
                start = Double(data.t_dtw) / 100
                end = start
            }
            let token = WhisperSegment.Token(bytes: bytes, start: start, end: end, probability: data.p)
            if startsWord {
                words.append(WhisperSegment.WordBuilder(tokens: [token]))
            } else {
                words[words.count - 1].tokens.append(token)
            }
        }
        return WhisperSegment(
            start: Double(whisper_full_get_segment_t0(pointer, index)) / 100,
            end: Double(whisper_full_get_segment_t1(pointer, index)) / 100,
            text: String(cString: whisper_full_get_segment_text(pointer, index)),
            words: words.compactMap(\.word),
            language: language
        )
    }
}

/// Calls `body` with a C string for `text`, or with nil when there is no text.
private func withOptionalCString<Result>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> Result) -> Result {
    guard let text, !text.isEmpty else { return body(nil) }
    return text.withCString(body)
}
