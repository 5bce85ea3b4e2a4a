/// Something the engine can recover, offered with a yes/no prompt (an interrupted
/// recording found at start, an input device that came back).
public struct RecoveryOffer: Hashable, Sendable {
    /// Echoed back in ``ConsoleAction/acceptRecovery(_:)`` or ``ConsoleAction/declineRecovery(_:)``.
    public var id: String
    /// The question, without the `(y/n)`.
    public var message: String

    public init(id: String, message: String) {
        self.id = id
        self.message = message
    }
}
