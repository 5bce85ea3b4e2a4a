import Foundation

/// Where Minutes keeps files by default, from the environment (XDG base directories).
public enum MinutesPaths {
    /// `$XDG_DATA_HOME/minutes`, or `~/.local/share/minutes`.
    public static func dataDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/minutes" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/minutes"
    }

    /// `MINUTES_MODELS_DIR`, or `models` in the data directory.
    public static func modelsDirectory(environment: [String: String]) -> String {
        if let explicit = environment["MINUTES_MODELS_DIR"], !explicit.isEmpty { return explicit }
        return dataDirectory(environment: environment) + "/models"
    }
}
