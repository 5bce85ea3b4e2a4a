import Foundation
import MinutesCore

/// Finds a folder that ships with the program: beside the executable or in a parent, as the
/// repository's `Themes/` (from `.build/debug/minutes`) or an install's `share/minutes/themes`
/// (from `/usr/local/bin/minutes`, see `make install`).
enum ShippedDirectory {
    /// The console's colour themes.
    static var themes: String? { find(["Themes", "share/minutes/themes"]) }

    /// Where live recordings land when `MINUTES_RECORDINGS_DIR` is not set: the repository's
    /// `Recordings/` when run from a checkout, else `recordings` in the data directory (an
    /// installed `minutes` started in any directory must not scatter recordings there).
    static func recordings(environment: [String: String]) -> String {
        if let explicit = environment["MINUTES_RECORDINGS_DIR"], !explicit.isEmpty { return explicit }
        return find(["Recordings"]) ?? MinutesPaths.dataDirectory(environment: environment) + "/recordings"
    }

    /// The first of `candidates` (paths relative to a directory) that exists in the
    /// executable's directory or one of its ancestors.
    static func find(_ candidates: [String]) -> String? {
        guard let executable = Bundle.main.executableURL else { return nil }
        var directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for name in candidates {
                let candidate = directory.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                    isDirectory.boolValue
                {
                    return candidate.path
                }
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
