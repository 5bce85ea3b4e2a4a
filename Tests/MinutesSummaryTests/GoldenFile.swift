import Foundation

/// Golden outputs kept beside the transcripts, compared byte for byte.
///
/// Run the tests with `MINUTES_UPDATE_GOLDEN=1` to rewrite them from the current output (then review
/// the diff before committing). Reading goes through the test bundle, writing through the source
/// tree, found from this file's path.
enum GoldenFile {
    static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["MINUTES_UPDATE_GOLDEN"] == "1"
    }

    /// The stored golden text, or `nil` when there is none yet.
    static func read(_ name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Transcripts") else {
            return nil
        }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// Writes `text` into `Tests/MinutesSummaryTests/Transcripts/<name>` in the source tree.
    static func write(_ text: String, to name: String, sourceFile: String = #filePath) throws {
        let directory = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent(
            "Transcripts"
        )
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
}
