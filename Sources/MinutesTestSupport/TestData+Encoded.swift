import Foundation
import MinutesCore

extension TestData {
    /// `jfk.wav` encoded by the `ffmpeg` command (`make testdata` installs it) into a new file.
    ///
    /// The file is under the temporary directory, named by `fileExtension` (`mp3`, `m4a`,
    /// `opus`, …), which also picks the container and codec; `arguments` go before the output
    /// (`-c:a aac`). The caller removes the file.
    ///
    /// - Throws: `MinutesError(.notFound)` when ffmpeg is missing or fails, saying so.
    public static func jfkEncoded(as fileExtension: String, arguments: [String] = []) throws -> String {
        let output = NSTemporaryDirectory() + "minutes-jfk-\(UUID().uuidString).\(fileExtension)"
        let encoder = Process()
        encoder.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        encoder.arguments = ["-loglevel", "error", "-y", "-i", jfk] + arguments + [output]
        do {
            try encoder.run()
        } catch {
            throw MinutesError(.notFound, "the ffmpeg command is missing: run `make testdata` (\(error))")
        }
        encoder.waitUntilExit()
        guard encoder.terminationStatus == 0 else {
            throw MinutesError(.notFound, "ffmpeg could not encode jfk.wav as .\(fileExtension)")
        }
        return output
    }
}
