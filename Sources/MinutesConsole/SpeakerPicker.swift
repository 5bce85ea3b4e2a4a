import MinutesCore

/// Choosing a speaker for `l` (label) or `f` (forget).
public struct SpeakerPicker: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        case label
        case forget
    }

    public var purpose: Purpose
    /// The speakers offered, in the order shown.
    public var speakers: [SpeakerID]
    public var selection: Int

    public init(purpose: Purpose, speakers: [SpeakerID], selection: Int = 0) {
        self.purpose = purpose
        self.speakers = speakers
        self.selection = selection
    }

    public var selectedSpeaker: SpeakerID? {
        speakers.indices.contains(selection) ? speakers[selection] : nil
    }
}
