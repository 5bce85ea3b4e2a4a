import MinutesCore

/// Why a theme could not be loaded: the message names the file and line, or the themes that
/// exist, so the person who typed `--theme` can fix it.
extension MinutesError {
    /// No theme of that name exists in any theme directory.
    public static func unknownTheme(_ name: String, known: [String]) -> MinutesError {
        MinutesError(.notFound, "unknown theme '\(name)'; known themes: \(known.joined(separator: ", "))")
    }

    /// A line of a theme file that does not parse.
    public static func invalidThemeLine(_ line: Int, in source: String, _ reason: String) -> MinutesError {
        MinutesError(.invalidInput, "\(source):\(line): \(reason)")
    }

    /// A theme file that exists but cannot be read.
    public static func unreadableTheme(_ path: String, cause: any Error) -> MinutesError {
        MinutesError(.storage, "cannot read theme file \(path)", cause: cause)
    }
}
