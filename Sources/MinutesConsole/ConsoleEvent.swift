import MinutesCore

/// Everything the console reacts to: keys, and what the engine reports.
public enum ConsoleEvent: Equatable, Sendable {
    case key(KeyPress)
    /// A caption of the utterance being spoken; a final one clears the partial line.
    case caption(LiveCaption)
    /// A final segment was stored; it replaces the partial caption it came from.
    case segmentAppended(Segment)
    /// A voice was heard for the first time. Unnamed voices get a "Who is this?" prompt.
    case speakerAppeared(Speaker)
    case speakerRenamed(SpeakerID, name: String)
    /// The speaker's words are redacted on screen too.
    case speakerForgotten(SpeakerID)
    /// The names Tab completes: the enrolled voices.
    case enrolledNames([String])
    case summaryReady(Summary)
    case summaryFailed(message: String)
    /// The hits of ``ConsoleAction/searchMeetings(_:)``, in listing order; a query that is no
    /// query comes back as a ``notice(_:isError:)``.
    case meetingSearchFinished(query: String, hits: [SearchHit])
    /// The answer to ``ConsoleAction/listRefines``: one line per refine, newest first.
    case refinesListed([String])
    case exportFinished(ExportFormat, path: String)
    case exportFailed(ExportFormat, message: String)
    /// About four times a second: elapsed session time; drives the spinner and message expiry.
    case tick(elapsed: Double)
    /// The input level, 0 (silence) to 1 (full scale).
    case inputLevel(Double)
    /// Chunks the capture queue dropped and device overruns, both counted since the start.
    case captureCounters(dropped: Int, overruns: Int)
    case captureStatusChanged(CaptureStatus)
    /// The input device went away; the message says which and why.
    case deviceLost(message: String)
    case recoveryOffered(RecoveryOffer)
    /// Anything else the app wants to tell the user (a mapped error, for instance).
    case notice(String, isError: Bool)
}
