/// A message in the status line: "Exported to …", "Input device lost".
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    /// Ticks left before it disappears; `nil` keeps it until replaced (device lost).
    public var ticksLeft: Int?

    /// Ten seconds at the four ticks a second the app sends.
    public static let defaultLifetime = 40

    public init(_ text: String, isError: Bool = false, ticksLeft: Int? = StatusMessage.defaultLifetime) {
        self.text = text
        self.isError = isError
        self.ticksLeft = ticksLeft
    }
}
