/// What the microphone is doing, as the header shows it.
public enum CaptureStatus: Hashable, Sendable {
    /// `● REC`.
    case recording
    /// `❚❚ PAUSED`: the user paused with space.
    case paused
    /// The input device went away; space asks the app to try again.
    case deviceLost
}
