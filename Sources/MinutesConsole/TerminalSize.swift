/// The size of the terminal in character cells.
///
/// A struct rather than a `(rows, cols)` tuple so it can be `Equatable`, `Sendable` and
/// stored in ``ConsoleState``.
public struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    public var rows: Int
    public var cols: Int

    public init(rows: Int, cols: Int) {
        self.rows = max(0, rows)
        self.cols = max(0, cols)
    }

    /// The classic terminal the console is designed for.
    public static let standard = TerminalSize(rows: 24, cols: 80)

    /// True when both dimensions are at least those of `other`.
    public func fits(_ other: TerminalSize) -> Bool {
        rows >= other.rows && cols >= other.cols
    }

    /// `80×24`: columns first, as people say terminal sizes.
    public var description: String { "\(cols)×\(rows)" }
}
