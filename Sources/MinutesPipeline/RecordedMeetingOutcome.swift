import MinutesCore

/// What processing a recorded meeting stored, and how long each stage took.
public struct RecordedMeetingOutcome: Sendable {
    /// Seconds one stage of the pipeline took.
    public struct StageTiming: Sendable, Equatable, Codable {
        /// A ``MeetingProcessor/Stage`` name: `normalize`, `diarize`, `match`, `transcribe`, `summarize`.
        public var stage: String
        public var seconds: Double

        public init(stage: String, seconds: Double) {
            self.stage = stage
            self.seconds = seconds
        }
    }

    public var session: Session
    /// The stored timeline.
    public var segments: [Segment]
    /// The session's voices, named where an enrolled voice was recognised.
    public var speakers: [Speaker]
    /// In pipeline order.
    public var timings: [StageTiming]
    /// False when there was no speech to summarize.
    public var summarized: Bool
}
