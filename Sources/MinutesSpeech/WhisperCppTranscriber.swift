import Foundation
import MinutesCore
import Synchronization

/// Speech to text with whisper.cpp.
///
/// One model context per transcriber, behind a mutex because whisper.cpp decodes in place.
/// Decoding runs through ``BlockingWork``, off the Swift concurrency pool, and stops early
/// with `CancellationError` when the calling task is cancelled.
public final class WhisperCppTranscriber: Transcriber {
    private let context: Mutex<WhisperContext>
    private let threads: Int
    /// The model file's name without directory, for the console header and benchmarks.
    public let modelName: String
    /// Seconds it took to load the model.
    public let loadSeconds: Double

    /// Loads a ggml model.
    ///
    /// - Parameters:
    ///   - modelPath: the ggml model file.
    ///   - threads: decoder threads; by default the machine's cores, at most 8.
    /// - Throws: `.notFound` when the model is missing (the message says `make models`),
    ///   `.invalidInput` when the file is not a ggml Whisper model.
    /// - Parameter wordTiming: how words are timed; ``WhisperWordTiming/attentionAlignment``
    ///   for decodes with a prompt whose words are given to speakers.
    public init(modelPath: String, threads: Int? = nil, wordTiming: WhisperWordTiming = .tokenHeuristic) throws {
        let started = ContinuousClock.now
        context = Mutex(try WhisperContext(modelPath: modelPath, timing: wordTiming))
        loadSeconds = (ContinuousClock.now - started).seconds
        self.threads = threads ?? min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))
        modelName = URL(fileURLWithPath: modelPath).lastPathComponent
    }

    public func transcribe(_ samples: [Float], options: TranscriptionOptions) async throws -> [SegmentDraft] {
        // whisper.cpp rejects clips shorter than 100 ms; they hold no words anyway.
        guard samples.count >= 1_600 else { return [] }
        // Cancelling the calling task stops the decode where it is (a live caption that the
        // end of its utterance made pointless), instead of when it would have finished.
        let abort = WhisperAbortSignal()
        let segments = try await withTaskCancellationHandler {
            try await BlockingWork.run {
                try self.context.withLock { context in
                    try context.transcribe(samples, options: options, threads: self.threads, abort: abort)
                }
            }
        } onCancel: {
            abort.raise()
        }
        return segments.compactMap { Self.draft(from: $0, offset: options.timeOffset) }
    }

    /// A caption-ready segment, or nil for Whisper's non-speech markers (`[BLANK_AUDIO]`,
    /// `(music)`), which are not words anyone said.
    static func draft(from segment: WhisperSegment, offset: Double) -> SegmentDraft? {
        let text = segment.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, !NonSpeechMarker.matches(text) else { return nil }
        let words = segment.words
            .filter { !NonSpeechMarker.matches($0.text) }
            .map { Word(text: $0.text, start: $0.start + offset, end: $0.end + offset, confidence: $0.confidence) }
        return SegmentDraft(
            start: segment.start + offset,
            end: segment.end + offset,
            cluster: nil,
            text: text,
            words: words,
            language: segment.language
        )
    }
}
