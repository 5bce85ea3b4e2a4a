/// Keeps what Whisper wrote over a whole recording only where voice activity heard speech.
///
/// A recording that fits one Whisper window is decoded whole, as whisper-cli does at its
/// defaults, rather than from half a second before the first speech voice activity found:
/// that clipped a "Yeah." at the very start of the phone call, and the whole decode scored
/// at or below whisper-cli on every file (BENCHMARKS.md). Voice activity still decides what
/// counts as speech, so Whisper's "Thank you." in a long silence is dropped. `transcribe`
/// decodes this way; `process` keeps its windows, which on its loudness-normalized audio
/// scored better (monologue-1 5.36 % against 8.93 % whole).
public struct SpeechGate: Sendable {
    /// Seconds of speech assumed around each region voice activity found.
    public var padding: Double

    public init(padding: Double) {
        self.padding = padding
    }

    /// Whether a recording of `duration` seconds is decoded whole under `windowing`.
    public static func decodesWhole(_ duration: Double, windowing: SpeechWindowing) -> Bool {
        duration <= windowing.maximumLength
    }

    /// The segments overlapping some region of `speech`, ending with the last speech.
    ///
    /// A kept segment's end, and its words' ends, come no later than the end of the last
    /// region. Times are in the same seconds as `speech`.
    public func kept(_ segments: [SegmentDraft], speech: [SpeechRegion]) -> [SegmentDraft] {
        guard let last = speech.last else { return [] }
        return segments.filter { segment in
            speech.contains { $0.start - padding < segment.end && segment.start < $0.end + padding }
        }
        .map { $0.ending(by: last.end) }
    }
}

extension SegmentDraft {
    /// The segment with its end, and its words' ends, no later than `time` (nor before
    /// their starts): Whisper may time the last words into the padding after the speech,
    /// where voice activity heard nobody.
    public func ending(by time: Double) -> SegmentDraft {
        var ended = self
        ended.end = max(start, min(end, time))
        ended.words = words.map { word in
            var word = word
            word.end = max(word.start, min(word.end, time))
            return word
        }
        return ended
    }
}
