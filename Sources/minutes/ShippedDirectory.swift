import Foundation

/// Finds a folder that ships beside the program (`Themes/`, `Recordings/`): next to the
/// executable or in a parent (the repository when run with `make run`).
enum ShippedDirectory {
    static func find(_ name: String) -> String? {
        guard let executable = Bundle.main.executableURL else { return nil }
        var directory = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue
            {
                return candidate.path
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }
}
