/// A slice of a live session's audio that knows where it sits in the session.
///
/// Engines see audio that starts at 0 s; the session's timeline does not. Speaker turns found
/// inside the window are shifted by ``start`` to become session times, and session regions are
/// shifted back before slicing, so the time origin is accounted for in exactly one place.
public struct LiveAudioWindow: Sendable, Equatable {
    /// Seconds from the start of the session to the first sample.
    public var start: Double
    public var samples: [Float]
    public var sampleRate: Int

    public init(start: Double, samples: [Float], sampleRate: Int = 16_000) {
        self.start = start
        self.samples = samples
        self.sampleRate = sampleRate
    }

    /// Seconds of audio in the window.
    public var duration: Double { Double(samples.count) / Double(sampleRate) }

    /// Seconds from the start of the session to the end of the last sample.
    public var end: Double { start + duration }

    /// `turn`, found in this window's samples, in session time.
    public func sessionTurn(_ turn: SpeakerTurn) -> SpeakerTurn {
        SpeakerTurn(speaker: turn.speaker, start: start + turn.start, end: start + turn.end)
    }

    /// `region`, in session time, relative to the first sample of this window.
    public func localRegion(_ region: SpeechRegion) -> SpeechRegion {
        SpeechRegion(start: region.start - start, end: region.end - start)
    }
}
