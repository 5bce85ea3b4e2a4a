import MinutesCore

/// Why a ``CaptureSource`` stopped producing chunks, in words the console can show.
public enum CaptureEnding: Sendable, Equatable, CustomStringConvertible {
    /// ``CaptureSource/stop()`` was called, the running task was cancelled or the consumer of
    /// the stream went away.
    case stopped
    /// The input has no more audio: the replayed file ended, or a capture reached its frame limit.
    case endOfInput
    /// The input failed (a capture device that was unplugged, a file that cannot be read).
    case failed(MinutesError)

    public var description: String {
        switch self {
        case .stopped: "stopped"
        case .endOfInput: "end of input"
        case .failed(let error): error.description
        }
    }

    /// Compares failures by message too, unlike ``MinutesError``'s own `==`, so tests and the
    /// console can tell two device failures apart.
    public static func == (lhs: CaptureEnding, rhs: CaptureEnding) -> Bool {
        switch (lhs, rhs) {
        case (.stopped, .stopped), (.endOfInput, .endOfInput): true
        case (.failed(let left), .failed(let right)): left.code == right.code && left.message == right.message
        default: false
        }
    }
}
