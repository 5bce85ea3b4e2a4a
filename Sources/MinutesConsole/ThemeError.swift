/// Why a theme could not be loaded.
///
/// Compared by code only; the message names the file and line, or the themes that exist,
/// so the person who typed `--theme` can fix it.
public struct ThemeError: Error, CustomStringConvertible, Equatable {
    private enum Code: Equatable {
        case unknownTheme
        case invalidLine
        case unreadable
    }

    private let code: Code
    public let message: String
    public let cause: (any Error)?

    private init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        guard let cause else { return message }
        return "\(message) (\(cause))"
    }

    public static func == (lhs: ThemeError, rhs: ThemeError) -> Bool { lhs.code == rhs.code }

    /// No theme of that name exists in any theme directory.
    public static func unknownTheme(_ name: String, known: [String]) -> ThemeError {
        ThemeError(.unknownTheme, "unknown theme '\(name)'; known themes: \(known.joined(separator: ", "))")
    }

    /// A line of a theme file that does not parse.
    public static func invalidLine(_ line: Int, in source: String, _ reason: String) -> ThemeError {
        ThemeError(.invalidLine, "\(source):\(line): \(reason)")
    }

    /// A theme file that exists but cannot be read.
    public static func unreadable(_ path: String, cause: any Error) -> ThemeError {
        ThemeError(.unreadable, "cannot read theme file \(path)", cause: cause)
    }
}
