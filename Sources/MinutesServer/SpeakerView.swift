import MinutesCore

/// A session's speaker as clients see it: the label to show, and the name and enrolled voice
/// when known.
///
/// The diarizer's internal cluster label is left out.
struct SpeakerView: Codable, Sendable {
    var id: SpeakerID
    /// What to show: the name, "Speaker 2", or "Speaker 2 (forgotten)".
    var label: String
    var name: String?
    /// 1 for the first voice heard.
    var ordinal: Int
    var profileID: ProfileID?
    var forgotten: Bool

    init(_ speaker: Speaker) {
        id = speaker.id
        label = speaker.displayName
        name = speaker.name
        ordinal = speaker.ordinal
        profileID = speaker.profile
        forgotten = speaker.isForgotten
    }
}
