import Foundation
import Logging
import MinutesCore

/// Where Minutes keeps its data, read from the environment.
///
/// | variable | default |
/// |---|---|
/// | `MINUTES_DATABASE_URL` | `sqlite://$XDG_DATA_HOME/minutes/minutes.sqlite` (`~/.local/share/…`); `postgres://…` (``PostgresLocation``) for a shared server |
/// | `MINUTES_STORAGE_DIR` | `./data/exports` |
/// | `MINUTES_EXPORT_RETENTION_DAYS` | `30` (`none` keeps exports forever) |
public struct StorageConfiguration: Sendable {
    /// Where the database lives.
    public enum DatabaseLocation: Equatable, Sendable {
        case sqliteFile(String)
        case inMemory
        case postgres(PostgresLocation)
    }

    public var database: DatabaseLocation
    public var exportDirectory: String
    public var retention: RetentionPolicy

    public init(database: DatabaseLocation, exportDirectory: String, retention: RetentionPolicy) {
        self.database = database
        self.exportDirectory = exportDirectory
        self.retention = retention
    }

    /// - Throws: `.invalidInput` for an unsupported database URL or a bad retention value.
    public init(environment: [String: String]) throws {
        self.database = try Self.parseDatabase(environment["MINUTES_DATABASE_URL"], environment: environment)
        self.exportDirectory = environment["MINUTES_STORAGE_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data/exports"
        self.retention = try RetentionPolicy(parsing: environment["MINUTES_EXPORT_RETENTION_DAYS"])
    }

    static func parseDatabase(_ value: String?, environment: [String: String]) throws -> DatabaseLocation {
        guard let value, !value.isEmpty else {
            return .sqliteFile(MinutesPaths.dataDirectory(environment: environment) + "/minutes.sqlite")
        }
        if value == ":memory:" || value == "sqlite::memory:" { return .inMemory }
        for prefix in ["sqlite://", "sqlite:", "file://", "file:"] where value.hasPrefix(prefix) {
            let path = String(value.dropFirst(prefix.count))
            guard !path.isEmpty else { break }
            return .sqliteFile(path)
        }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            return .postgres(try PostgresLocation(url: value))
        }
        if value.contains("://") {
            throw MinutesError(
                .invalidInput,
                "unsupported MINUTES_DATABASE_URL scheme in '\(value.prefix(while: { $0 != ":" }))://…': "
                    + "use sqlite:///path/to/file.sqlite, a plain file path or postgres://user:password@host/db"
            )
        }
        return .sqliteFile(value)
    }

    /// Opens the configured database, migrated to the latest schema, with all its ports.
    ///
    /// - Parameters:
    ///   - clock: when job leases run out and retries become due.
    ///   - logger: for the PostgreSQL driver's connection events; SQLite logs nothing.
    /// - Throws: `.storage` when the database cannot be opened or was written by a newer Minutes.
    public func open(
        clock: any WallClock = SystemWallClock(),
        logger: Logger = Logger(label: "minutes.storage", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> StorageBackend {
        switch database {
        case .sqliteFile(let path):
            return StorageBackend(sqlite: try GRDBSessionStore(path: path), clock: clock)
        case .inMemory:
            return try StorageBackend.inMemory(clock: clock)
        case .postgres(let location):
            return StorageBackend(
                postgres: try await PostgresSessionStore(location: location, logger: logger),
                clock: clock
            )
        }
    }
}
