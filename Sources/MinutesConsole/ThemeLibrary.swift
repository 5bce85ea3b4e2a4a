import Foundation
import MinutesCore

/// Finds and loads themes by name from theme directories.
///
/// A user's theme directory (`$XDG_CONFIG_HOME/minutes/themes`) comes first, so a user can
/// override a shipped theme by copying it there under the same name; then the shipped
/// `Themes/` directories; `default` and `monochrome` are built in and always exist.
public struct ThemeLibrary: Sendable {
    /// Searched in order; the first `NAME.theme` found wins.
    public var directories: [String]

    /// The file extension of theme files.
    public static let fileExtension = "theme"

    public init(directories: [String]) {
        self.directories = directories
    }

    /// The user directory from `environment`, followed by `bundledDirectories`.
    public init(environment: [String: String], bundledDirectories: [String]) {
        self.init(directories: [ThemeLibrary.userDirectory(environment: environment)] + bundledDirectories)
    }

    /// `$XDG_CONFIG_HOME/minutes/themes`, or `~/.config/minutes/themes`.
    public static func userDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/minutes/themes" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/minutes/themes"
    }

    /// Every theme name that ``load(_:)`` accepts, sorted.
    public func availableThemes() -> [String] {
        var names: Set<String> = [Theme.standard.name, Theme.monochrome.name]
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in files where file.hasSuffix("." + ThemeLibrary.fileExtension) {
                let name = String(file.dropLast(ThemeLibrary.fileExtension.count + 1))
                if ThemeLibrary.isValidName(name) { names.insert(name) }
            }
        }
        return names.sorted()
    }

    /// Loads the theme called `name`.
    ///
    /// - Throws: ``MinutesError`` when no such theme exists (listing those that do), or when
    ///   its file cannot be read or parsed.
    public func load(_ name: String) throws -> Theme {
        if ThemeLibrary.isValidName(name) {
            for directory in directories {
                let path = directory + "/" + name + "." + ThemeLibrary.fileExtension
                guard FileManager.default.fileExists(atPath: path) else { continue }
                let text: String
                do {
                    text = try String(contentsOfFile: path, encoding: .utf8)
                } catch {
                    throw MinutesError.unreadableTheme(path, cause: error)
                }
                let base = name == Theme.monochrome.name ? Theme.monochrome : Theme.standard
                return try ThemeParser.parse(text, name: name, source: path, base: base)
            }
            if name == Theme.standard.name { return .standard }
            if name == Theme.monochrome.name { return .monochrome }
        }
        throw MinutesError.unknownTheme(name, known: availableThemes())
    }

    /// The theme to use given the `--theme` option and the environment.
    ///
    /// An explicit option wins; otherwise `NO_COLOR` (set and not empty, as no-color.org
    /// defines it) gives ``Theme/monochrome``, and then `MINUTES_THEME` or `default` applies.
    /// An explicit choice overrides `NO_COLOR` because no-color.org asks that per-invocation
    /// options do.
    public func resolve(option: String?, environment: [String: String]) throws -> Theme {
        if let option, !option.isEmpty { return try load(option) }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        if let named = environment["MINUTES_THEME"], !named.isEmpty { return try load(named) }
        return try load(Theme.standard.name)
    }

    /// Letters, digits, `-`, `_` and `.`, not starting with a dot: no path can sneak in.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first != "." else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}
