import Foundation
import Logging
import MinutesServer
import Synchronization

/// Where logs go: standard error for commands (standard output stays clean for pipes), a file for the console (the
/// screen belongs to it).
///
/// Set once per process, by whoever comes first.
enum LogSetup {
    private static let done = Mutex(false)

    /// `MINUTES_LOG_LEVEL`, default `warning` for commands.
    private static func level(default fallback: Logger.Level) -> Logger.Level {
        ProcessInfo.processInfo.environment["MINUTES_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? fallback
    }

    static func toStandardError() {
        bootstrapOnce {
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level(default: .warning)
                return handler
            }
        }
    }

    /// JSON lines on standard error for the service, each carrying the request id of the
    /// request it was written for; `MINUTES_LOG_LEVEL` defaults to `info` there.
    static func toJSONStandardError() {
        bootstrapOnce {
            let level = level(default: .info)
            LoggingSystem.bootstrap(
                { label, provider in JSONLogHandler(label: label, level: level, metadataProvider: provider) },
                metadataProvider: RequestScope.metadataProvider
            )
        }
    }

    /// Logs into `path` (created with its directory), or nowhere when it cannot be opened.
    static func toFile(_ path: String) {
        bootstrapOnce {
            let sink = FileLogHandler.Sink(path: path)
            let level = level(default: .info)
            LoggingSystem.bootstrap { label in
                guard let sink else { return SwiftLogNoOpLogHandler() }
                return FileLogHandler(label: label, sink: sink, level: level)
            }
        }
    }

    private static func bootstrapOnce(_ body: () -> Void) {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        if first { body() }
    }
}
