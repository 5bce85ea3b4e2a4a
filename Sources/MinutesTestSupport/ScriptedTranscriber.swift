import MinutesCore
import Synchronization

/// A ``Transcriber`` that answers each call with the next scripted text, recording the
/// sample counts and options it was called with.
public final class ScriptedTranscriber: Transcriber {
    private let state: Mutex<(answers: [String], calls: [(samples: Int, options: TranscriptionOptions)])>

    public init(answers: [String]) {
        state = Mutex((answers, []))
    }

    /// How many samples each call received.
    public var callSampleCounts: [Int] { state.withLock { $0.calls.map(\.samples) } }

    public func transcribe(_ samples: [Float], options: TranscriptionOptions) async throws -> [SegmentDraft] {
        let text = state.withLock { state -> String in
            state.calls.append((samples.count, options))
            return state.answers.isEmpty ? "" : state.answers.removeFirst()
        }
        guard !text.isEmpty else { return [] }
        let end = options.timeOffset + Double(samples.count) / 16_000
        return [SegmentDraft(start: options.timeOffset, end: end, cluster: nil, text: text)]
    }
}
