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
        try encoded(jfk, as: fileExtension, arguments: arguments)
    }

    /// The recording at `source` encoded by the `ffmpeg` command, as ``jfkEncoded(as:arguments:)``.
    public static func encoded(
        _ source: String,
        as fileExtension: String,
        arguments: [String] = []
    ) throws
        -> String
    {
        let name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        let output = NSTemporaryDirectory() + "minutes-\(name)-\(UUID().uuidString).\(fileExtension)"
        let encoder = Process()
        encoder.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        encoder.arguments = ["-loglevel", "error", "-y", "-i", source] + arguments + [output]
        do {
            try encoder.run()
        } catch {
            throw MinutesError(.notFound, "the ffmpeg command is missing: run `make testdata` (\(error))")
        }
        encoder.waitUntilExit()
        guard encoder.terminationStatus == 0 else {
            throw MinutesError(.notFound, "ffmpeg could not encode \(source) as .\(fileExtension)")
        }
        return output
    }
}
