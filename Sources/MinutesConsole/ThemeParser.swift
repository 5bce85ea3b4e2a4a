import MinutesCore

/// Reads theme files: `key = value` lines, `#` comments, blank lines ignored.
///
/// A role takes a style, `[colour] [on colour] [bold] [dim] [reverse]` (for example
/// `status = black on white` or `partial = dim`), which replaces the role's whole style; or
/// `role.fg` / `role.bg` set one colour and keep the rest. Colours are the eight basic names,
/// `bright-*`, `default` or a palette index 0–255. Unknown keys and colours are errors with
/// the line number, so a typo does not silently fall back to the default.
public enum ThemeParser {
    /// Parses `text` on top of `base`.
    ///
    /// - Parameters:
    ///   - name: The theme's name.
    ///   - source: What error messages call the text (usually its path).
    /// - Throws: ``MinutesError`` naming the first line that does not parse.
    public static func parse(_ text: String, name: String, source: String, base: Theme = .standard) throws -> Theme {
        var theme = base
        theme.name = name
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let content = Self.trimmed(line)
            guard !content.isEmpty else { continue }
            let lineNumber = offset + 1
            guard let equals = content.firstIndex(of: "=") else {
                throw MinutesError.invalidThemeLine(lineNumber, in: source, "expected 'key = value'")
            }
            let key = Self.trimmed(content[..<equals]).lowercased()
            let value = Self.trimmed(content[content.index(after: equals)...])
            try apply(key: key, value: value, to: &theme, line: lineNumber, source: source)
        }
        return theme
    }

    private static func apply(key: String, value: String, to theme: inout Theme, line: Int, source: String) throws {
        if let role = ThemeRole(key: key) {
            theme[role] = try style(value, line: line, source: source)
            return
        }
        for (suffix, isForeground) in [(".fg", true), (".bg", false)] where key.hasSuffix(suffix) {
            guard let role = ThemeRole(key: String(key.dropLast(suffix.count))) else { break }
            guard let color = ThemeColor(name: value) else {
                throw MinutesError.invalidThemeLine(line, in: source, "unknown colour '\(value)'")
            }
            if isForeground { theme[role].foreground = color } else { theme[role].background = color }
            return
        }
        throw MinutesError.invalidThemeLine(line, in: source, "unknown key '\(key)'")
    }

    /// Parses a style spec such as `bold white on blue`.
    static func style(_ spec: String, line: Int, source: String) throws -> CellStyle {
        var style = CellStyle()
        var expectsBackground = false
        var hasForeground = false
        for word in spec.split(separator: " ").map({ $0.lowercased() }) {
            switch word {
            case "bold": style.bold = true
            case "dim": style.dim = true
            case "reverse": style.reverse = true
            case "plain", "none": break
            case "on": expectsBackground = true
            default:
                guard let color = ThemeColor(name: word) else {
                    throw MinutesError.invalidThemeLine(line, in: source, "unknown colour or attribute '\(word)'")
                }
                if expectsBackground {
                    style.background = color
                    expectsBackground = false
                } else if !hasForeground {
                    style.foreground = color
                    hasForeground = true
                } else {
                    throw MinutesError.invalidThemeLine(
                        line,
                        in: source,
                        "two foreground colours; use 'on' for the background"
                    )
                }
            }
        }
        if expectsBackground {
            throw MinutesError.invalidThemeLine(line, in: source, "'on' must be followed by a colour")
        }
        return style
    }

    /// `text` without leading and trailing spaces and tabs (no Foundation needed).
    static func trimmed(_ text: some StringProtocol) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[start...end])
    }
}
