import MinutesCore

/// Typing a name for a speaker: the "Who is this?" prompt, or `l` on a chosen speaker.
public struct NameEntry: Hashable, Sendable {
    public var speaker: SpeakerID
    /// True when the engine asked (a new voice); false when the user pressed `l`.
    public var isIntroduction: Bool
    public var text: String
    /// Set while Tab cycles through enrolled names; any other edit clears it.
    public var completion: NameCompletion?

    public init(speaker: SpeakerID, isIntroduction: Bool, text: String = "", completion: NameCompletion? = nil) {
        self.speaker = speaker
        self.isIntroduction = isIntroduction
        self.text = text
        self.completion = completion
    }

    /// The longest name accepted, in characters.
    public static let maximumLength = 60
}
