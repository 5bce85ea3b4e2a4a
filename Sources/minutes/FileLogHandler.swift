import Foundation
import Logging
import Synchronization

/// Appends log lines to a file: the console's screen must never be written by a log call.
struct FileLogHandler: LogHandler {
    /// The open file, shared by every logger of the process; writes are serialized.
    final class Sink: Sendable {
        private let handle: Mutex<FileHandle>

        init?(path: String) {
            let url = URL(fileURLWithPath: path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            guard let file = try? FileHandle(forWritingTo: url) else { return nil }
            _ = try? file.seekToEnd()
            handle = Mutex(file)
        }

        func write(_ line: String) {
            handle.withLock { try? $0.write(contentsOf: Data(line.utf8)) }
        }
    }

    private let label: String
    private let sink: Sink
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    init(label: String, sink: Sink, level: Logger.Level) {
        self.label = label
        self.sink = sink
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.keys.sorted().map { "\($0)=\(merged[$0].map { "\($0)" } ?? "")" }.joined(separator: " ")
        let time = Date().formatted(.iso8601)
        sink.write("\(time) \(event.level) \(label): \(event.message)\(fields.isEmpty ? "" : " " + fields)\n")
    }
}
