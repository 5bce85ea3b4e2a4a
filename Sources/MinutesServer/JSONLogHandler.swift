import Foundation
import Logging
import Synchronization

/// One JSON object per line on standard error, for log pipelines that read the service's logs.
///
/// Each line holds `timestamp` (ISO 8601, milliseconds, UTC), `level`, `label`, `message` and
/// `metadata` (the logger's, the metadata provider's such as `request.id`, and the call's).
/// What is logged is the caller's responsibility: Minutes never logs transcript text or voice
/// prints, only ids, counts and timings.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (Data) -> Void

    /// - Parameter write: receives each line, newline included; standard error by default.
    public init(
        label: String,
        level: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil,
        write: @escaping @Sendable (Data) -> Void = JSONLogHandler.standardError
    ) {
        self.label = label
        self.logLevel = level
        self.metadataProvider = metadataProvider
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        merged.merge(metadataProvider?.get() ?? [:]) { _, provided in provided }
        merged.merge(event.metadata ?? [:]) { _, explicit in explicit }
        if let error = event.error { merged["error"] = .string("\(error)") }
        let line: [String: Any] = [
            "timestamp": Date().formatted(Self.timestampStyle),
            "level": event.level.rawValue,
            "label": label,
            "message": event.message.description,
            "metadata": merged.mapValues(Self.json),
        ]
        guard
            var data = try? JSONSerialization.data(
                withJSONObject: line,
                options: [.sortedKeys, .withoutEscapingSlashes]
            )
        else { return }
        data.append(UInt8(ascii: "\n"))
        write(data)
    }

    private static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let value): value.description
        case .array(let values): values.map(json)
        case .dictionary(let values): values.mapValues(json)
        }
    }

    /// Writes whole lines to standard error, one writer at a time, so lines from concurrent
    /// requests never interleave.
    public static let standardError: @Sendable (Data) -> Void = { data in
        standardErrorLock.withLock { _ in FileHandle.standardError.write(data) }
    }

    private static let standardErrorLock = Mutex(())
}
