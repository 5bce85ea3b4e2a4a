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

    init(modelPath: String) throws {
        WhisperLogging.silence()
        try WhisperModelFile.validate(modelPath)
        var parameters = whisper_context_default_params()
        parameters.use_gpu = false
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
    func transcribe(
        _ samples: [Float],
        language: String,
        prompt: String?,
        fallbackCandidates: Int,
        threads: Int
    ) throws -> [WhisperSegment] {
        let language = isMultilingual ? language : "en"
        var parameters = whisper_full_default_params(WHISPER_SAMPLING_GREEDY)
        parameters.n_threads = Int32(threads)
        parameters.print_progress = false
        parameters.print_realtime = false
        parameters.print_special = false
        parameters.print_timestamps = false
        parameters.token_timestamps = true
        parameters.no_context = true
        parameters.suppress_nst = true
        parameters.greedy.best_of = Int32(max(1, fallbackCandidates))
        let status = language.withCString { languagePointer in
            withOptionalCString(prompt) { promptPointer in
                parameters.language = languagePointer
                parameters.detect_language = false
                parameters.initial_prompt = promptPointer
                return samples.withUnsafeBufferPointer { buffer in
                    whisper_full(pointer, parameters, buffer.baseAddress, Int32(buffer.count))
                }
            }
        }
        guard status == 0 else {
            throw MinutesError(.invalidInput, "whisper.cpp failed to transcribe (status \(status))")
        }
        return (0..<whisper_full_n_segments(pointer)).map(segment(at:))
    }

    private func segment(at index: Int32) -> WhisperSegment {
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
            let token = WhisperSegment.Token(
                bytes: bytes,
                start: Double(data.t0) / 100,
                end: Double(data.t1) / 100,
                probability: data.p
            )
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
            words: words.compactMap(\.word)
        )
    }
}

/// Calls `body` with a C string for `text`, or with nil when there is no text.
private func withOptionalCString<Result>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> Result) -> Result {
    guard let text, !text.isEmpty else { return body(nil) }
    return text.withCString(body)
}
