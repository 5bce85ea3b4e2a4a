/// What a segmentation model heard in one window of a recording: for each of its frames,
/// which of the window's local speakers were talking.
///
/// Local speakers are numbered within the window only (the model's first voice in one window
/// may be its second in the next); clustering their voice prints is what joins them across
/// windows into the recording's speakers.
public struct LocalSpeakerWindow: Sendable, Equatable {
    /// Seconds from the start of the recording to the window's first frame.
    public var start: Double
    /// Seconds between the starts of two frames.
    public var frameStep: Double
    /// One bit set per local speaker talking in a frame (bit 0 is local speaker 0).
    public var frames: [UInt8]

    public init(start: Double, frameStep: Double, frames: [UInt8]) {
        self.start = start
        self.frameStep = frameStep
        self.frames = frames
    }

    /// The local speakers any frame holds.
    public var localSpeakers: [Int] {
        let all = frames.reduce(UInt8(0), |)
        return (0..<8).filter { all & (1 << $0) != 0 }
    }

    /// The frames where `speaker` talks.
    public func frames(of speaker: Int) -> [Int] {
        frames.indices.filter { frames[$0] & (1 << speaker) != 0 }
    }

    /// The frames a voice print of `speaker` should be made from: those where they talk
    /// alone, when there are enough of them; otherwise every frame where they talk.
    ///
    /// Overlapped frames mix two voices into one print, which pulls it between clusters;
    /// but a speaker heard mostly under someone else has no other print at all.
    public func printFrames(of speaker: Int, minimumSolo: Int = 20, soloShare: Double = 0.3) -> [Int] {
        let active = frames(of: speaker)
        let solo = active.filter { frames[$0] == 1 << speaker }
        return solo.count >= minimumSolo && Double(solo.count) >= soloShare * Double(active.count) ? solo : active
    }

    /// The sample range of `frame` in a 16 kHz recording.
    public func samples(of frame: Int, sampleRate: Double = 16_000) -> Range<Int> {
        let lower = Int(((start + Double(frame) * frameStep) * sampleRate).rounded(.down))
        let upper = Int(((start + Double(frame + 1) * frameStep) * sampleRate).rounded(.down))
        return lower..<max(lower, upper)
    }
}
