import Foundation

/// What the offline summarizer reads: who said what, in order, and when the meeting took place.
///
/// It is a plain value rather than an ``ExportManifest`` so that a text transcript, a live session
/// and a stored one all reach the summarizer the same way. The meeting date anchors relative due
/// dates ("by Friday", "tomorrow") to real days.
public struct SummaryInput: Hashable, Sendable {
    /// One utterance: a segment, or a run of words between two pauses.
    public struct Turn: Hashable, Sendable {
        /// The speaker's display name ("Alice", "Speaker 2").
        public var speaker: String
        public var text: String
        /// Seconds from the start of the meeting, when known; action items carry it so a reader
        /// can jump back to where the item was said.
        public var start: Double?

        public init(speaker: String, text: String, start: Double? = nil) {
            self.speaker = speaker
            self.text = text
            self.start = start
        }
    }

    public var turns: [Turn]
    /// When the meeting took place; its UTC day resolves relative due dates.
    public var meetingDate: Date
    /// People who may be named as owners besides the speakers, such as colleagues who were mentioned but absent ("ask
    /// Wei to review it").
    ///
    /// The speakers are always included.
    public var participants: [String]

    public init(turns: [Turn], meetingDate: Date, participants: [String] = []) {
        self.turns = turns
        self.meetingDate = meetingDate
        self.participants = participants
    }
}
