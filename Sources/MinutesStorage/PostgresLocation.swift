import Foundation
import MinutesCore
import PostgresNIO

/// A PostgreSQL database named by `MINUTES_DATABASE_URL`:
/// `postgres://user:password@host:port/database?sslmode=…&schema=…` (or `postgresql://`).
///
/// | part | default |
/// |---|---|
/// | `host` | `localhost`; a percent-encoded absolute path (`%2Fvar%2Frun%2Fpostgresql`) is a socket directory |
/// | `port` | `5432` |
/// | `database` | the user name, as `psql` does |
/// | `sslmode` | `prefer`; also `disable` and `require` (certificates are verified) |
/// | `schema` | none: the server's `search_path`; otherwise created if missing and used for every table |
///
/// The password never appears in ``description``, errors or logs.
public struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    /// Whether the connection is encrypted.
    public enum TLSMode: String, Hashable, Sendable {
        case disable
        case prefer
        case require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// The schema holding Minutes' tables, so several deployments (or tests) can share a database.
    public var schema: String?

    public init(
        host: String = "localhost",
        port: Int = 5432,
        username: String,
        password: String? = nil,
        database: String? = nil,
        tls: TLSMode = .prefer,
        schema: String? = nil
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database ?? username
        self.tls = tls
        self.schema = schema
    }

    /// Reads a `postgres://` or `postgresql://` URL.
    ///
    /// - Throws: `.invalidInput` naming what is wrong, never quoting the password.
    public init(url: String) throws {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme)
        else {
            throw MinutesError(.invalidInput, "MINUTES_DATABASE_URL is not a postgres://user:password@host/db URL")
        }
        guard let username = components.user, !username.isEmpty else {
            throw MinutesError(
                .invalidInput,
                "MINUTES_DATABASE_URL needs a user name: postgres://user:password@host:port/database"
            )
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        let options = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") },
            uniquingKeysWith: { _, last in last }
        )
        if let unknown = options.keys.sorted().first(where: { !["sslmode", "schema"].contains($0) }) {
            throw MinutesError(.invalidInput, "MINUTES_DATABASE_URL has the unknown option '\(unknown)'")
        }
        self.init(
            host: components.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding } ?? "localhost",
            port: components.port ?? 5432,
            username: username,
            password: components.password,
            database: database.isEmpty ? nil : database,
            tls: try Self.tlsMode(options["sslmode"]),
            schema: try options["schema"].map(Self.validSchema)
        )
    }

    /// The URL without its password.
    public var description: String {
        var text = "postgres://\(username)@\(host):\(port)/\(database)"
        if let schema { text += "?schema=\(schema)" }
        return text
    }

    /// How `PostgresClient` reaches this database, with every connection's `search_path` set to
    /// ``schema`` when there is one.
    var clientConfiguration: PostgresClient.Configuration {
        var configuration =
            if host.hasPrefix("/") {
                PostgresClient.Configuration(
                    unixSocketPath: "\(host)/.s.PGSQL.\(port)",
                    username: username,
                    password: password,
                    database: database
                )
            } else {
                PostgresClient.Configuration(
                    host: host,
                    port: port,
                    username: username,
                    password: password,
                    database: database,
                    tls: clientTLS
                )
            }
        if let schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        return configuration
    }

    private var clientTLS: PostgresClient.Configuration.TLS {
        switch tls {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    private static func tlsMode(_ value: String?) throws -> TLSMode {
        guard let value else { return .prefer }
        switch value {
        case "disable": return .disable
        case "prefer", "allow": return .prefer
        case "require", "verify-ca", "verify-full": return .require
        default:
            throw MinutesError(
                .invalidInput,
                "MINUTES_DATABASE_URL sslmode must be disable, prefer or require, not '\(value)'"
            )
        }
    }

    /// Schema names go into `CREATE SCHEMA` and `search_path` unquoted, so only plain
    /// lower-case identifiers are accepted.
    private static func validSchema(_ name: String) throws -> String {
        let allowed = name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) }
        guard allowed, let first = name.first, !first.isNumber, name.count <= 63 else {
            throw MinutesError(
                .invalidInput,
                "MINUTES_DATABASE_URL schema must be a lower-case identifier (letters, digits, _), not '\(name)'"
            )
        }
        return name
    }
}
