import MinutesCore

/// A side effect the console asks the app to perform; the state machine itself does no IO.
public enum ConsoleAction: Hashable, Sendable {
    case pauseCapture
    case resumeCapture
    /// Name a speaker; `enroll` stores their voice so they are recognised next time.
    case labelSpeaker(SpeakerID, name: String, enroll: Bool)
    /// Forget a speaker: redact their words and delete their voice (the user confirmed).
    case forgetSpeaker(SpeakerID)
    case buildSummary
    /// Export next to the recording; answer with ``ConsoleEvent/exportFinished(_:path:)``.
    case export(ExportFormat)
    /// Search every stored meeting; answer with ``ConsoleEvent/meetingSearchFinished(query:hits:)``.
    case searchMeetings(String)
    /// How the refines of earlier meetings, running in the background since their consoles
    /// quit, are getting on; answer with ``ConsoleEvent/refinesListed(_:)``.
    case listRefines
    /// Bookmark this many seconds into the session.
    case bookmark(at: Double)
    case acceptRecovery(String)
    case declineRecovery(String)
    /// Stop recording and leave (the user confirmed).
    case quit
}
