import MinutesCore

/// A question docked above the status line.
///
/// While one is open, keys answer it: typed letters go into the answer and never trigger
/// shortcuts.
public enum ConsolePrompt: Hashable, Sendable {
    /// Typing a name: "Who is this?" for a new voice, or naming a speaker chosen with `l`.
    case name(NameEntry)
    /// After a name: "Remember this voice? (y/n)", which decides `enroll`.
    case rememberVoice(speaker: SpeakerID, name: String)
    /// Choosing a speaker to label or forget.
    case pickSpeaker(SpeakerPicker)
    /// "Forget Speaker 2? (y/n)".
    case confirmForget(SpeakerID)
    /// "Stop recording and quit? (y/n)".
    case confirmQuit
    /// An offer from the engine, answered yes or no.
    case recovery(RecoveryOffer)
}
