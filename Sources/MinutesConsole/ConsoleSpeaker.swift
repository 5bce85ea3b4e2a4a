import MinutesCore

/// A voice as the console shows it: a name and a colour that never changes.
public struct ConsoleSpeaker: Hashable, Sendable {
    public var id: SpeakerID
    /// 1 for the first voice of the session: names unnamed speakers "Speaker 1", "Speaker 2".
    public var ordinal: Int
    public var name: String?
    public var isForgotten: Bool
    /// Order of first appearance in this console, 0-based; picks the theme's `speaker.N`
    /// colour, so a speaker keeps their colour across renames.
    public var colorIndex: Int
    /// The user pressed Esc on "Who is this?"; `l` offers them first.
    public var wasSkipped: Bool

    public init(
        id: SpeakerID,
        ordinal: Int,
        name: String? = nil,
        isForgotten: Bool = false,
        colorIndex: Int,
        wasSkipped: Bool = false
    ) {
        self.id = id
        self.ordinal = ordinal
        self.name = name
        self.isForgotten = isForgotten
        self.colorIndex = colorIndex
        self.wasSkipped = wasSkipped
    }

    /// The same label the exports use (``Speaker/displayName``).
    public var displayName: String {
        if isForgotten { return "Speaker \(ordinal) (forgotten)" }
        return name ?? "Speaker \(ordinal)"
    }

    /// True while nobody has given this voice a name.
    public var isUnnamed: Bool { name == nil && !isForgotten }
}
