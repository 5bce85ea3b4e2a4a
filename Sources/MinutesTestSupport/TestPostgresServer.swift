import Foundation
import MinutesCore

/// The PostgreSQL server `make test` starts around the tests (`scripts/with-postgres`), named
/// by `MINUTES_TEST_DATABASE_URL`.
public enum TestPostgresServer {
    /// The server's URL with a fresh schema of its own (`?schema=test_…`), so a test sees only
    /// its own tables while others run in parallel; Minutes creates the schema when it opens it.
    ///
    /// - Throws: when `MINUTES_TEST_DATABASE_URL` is missing, a failure saying to run
    ///   `make test`: a PostgreSQL case must fail, never pass by skipping.
    public static func freshDatabaseURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["MINUTES_TEST_DATABASE_URL"], !url.isEmpty else {
            throw MinutesError(
                .storage,
                "MINUTES_TEST_DATABASE_URL is not set, so the PostgreSQL cases cannot run: run the tests with "
                    + "`make test` (it starts a throwaway server through scripts/with-postgres), or "
                    + "`scripts/with-postgres swift test`"
            )
        }
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return url + (url.contains("?") ? "&" : "?") + "schema=" + schema
    }
}
