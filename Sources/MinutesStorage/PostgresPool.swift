import Logging
import MinutesCore
import PostgresNIO

/// A `PostgresClient` together with the task that runs it, so the stores need no service
/// group of their own.
///
/// `PostgresClient` only hands out connections while its `run()` is executing. The CLI opens a
/// database per command and the server per process, with no `ServiceGroup` in common, so the pool
/// owns that task: it starts with the pool and ends with ``close()``. Every statement's failure
/// becomes a ``MinutesError`` that quotes the server's message but never the statement's values.
final class PostgresPool: Sendable {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    /// What postgres-nio may log: it prints whole result rows at trace level, and rows hold
    /// transcript text, so it never gets a level below debug.
    private let logger: Logger
    let location: PostgresLocation

    init(location: PostgresLocation, logger: Logger) {
        var driverLogger = logger
        driverLogger.logLevel = max(logger.logLevel, .debug)
        let client = PostgresClient(configuration: location.clientConfiguration, backgroundLogger: driverLogger)
        self.client = client
        self.logger = driverLogger
        self.location = location
        runner = Task { await client.run() }
    }

    deinit {
        runner.cancel()
    }

    /// Shuts the connections down and waits until they are closed.
    func close() async {
        runner.cancel()
        await runner.value
    }

    /// Runs `body`, giving up with a ``MinutesError`` when it takes longer than `deadline`.
    func withinDeadline(_ deadline: Duration, _ body: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask(operation: body)
            group.addTask { [location] in
                try await Task.sleep(for: deadline)
                throw MinutesError(
                    .storage,
                    "PostgreSQL at \(location) did not answer within \(deadline.components.seconds) seconds: "
                        + "check that the server runs and accepts the user, password, database and sslmode of MINUTES_DATABASE_URL"
                )
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Runs one statement in its own transaction and returns its rows.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await mappingErrors {
            try await client.query(query, logger: logger).collect()
        }
    }

    /// Runs `body` in one transaction, committed when it returns and rolled back when it throws.
    func transaction<Result: Sendable>(
        _ body: (PostgresStatements) async throws -> Result
    ) async throws -> Result {
        try await mappingErrors {
            try await client.withTransaction(logger: logger) { connection in
                try await body(PostgresStatements(connection: connection, logger: logger))
            }
        }
    }

    private func mappingErrors<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as PostgresTransactionError {
            throw storageError(error.closureError ?? error.commitError ?? error.beginError ?? error)
        } catch {
            throw storageError(error)
        }
    }

    /// A ``MinutesError`` naming the database (without its password) for a driver failure, or
    /// the error itself when it already is one.
    private func storageError(_ error: any Error) -> any Error {
        guard !(error is MinutesError) else { return error }
        return MinutesError(.storage, "PostgreSQL at \(location): \(Self.summary(of: error))", cause: error)
    }

    /// The SQLSTATE of a server error, such as `23503` for a foreign-key violation.
    static func sqlState(of error: any Error) -> String? {
        ((error as? MinutesError)?.cause as? PSQLError ?? error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// The server's own message, or what failed on the way to the server.
    ///
    /// Server messages name constraints, never values. A `PSQLError` otherwise describes itself
    /// only vaguely, on purpose, because its query may hold private values.
    private static func summary(of error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] {
            return "\(message) (SQLSTATE \(error.serverInfo?[.sqlState] ?? "?"))"
        }
        if let underlying = error.underlying {
            return "\(error.code): \(underlying)"
        }
        return "\(error.code)"
    }
}
