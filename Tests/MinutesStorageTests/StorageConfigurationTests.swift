import MinutesCore
import MinutesStorage
import Testing

struct StorageConfigurationTests {
    @Test func defaultsFollowTheXDGDataDirectory() throws {
        let configuration = try StorageConfiguration(environment: ["HOME": "/home/ada"])

        #expect(configuration.database == .sqliteFile("/home/ada/.local/share/minutes/minutes.sqlite"))
        #expect(configuration.exportDirectory == "./data/exports")
        #expect(configuration.retention.days == 30)
        let xdg = try StorageConfiguration(environment: ["HOME": "/home/ada", "XDG_DATA_HOME": "/data"])
        #expect(xdg.database == .sqliteFile("/data/minutes/minutes.sqlite"))
    }

    @Test(arguments: [
        ("sqlite:///var/lib/minutes.db", StorageConfiguration.DatabaseLocation.sqliteFile("/var/lib/minutes.db")),
        ("sqlite:relative.db", .sqliteFile("relative.db")),
        ("file:///tmp/m.sqlite", .sqliteFile("/tmp/m.sqlite")),
        ("/plain/path.sqlite", .sqliteFile("/plain/path.sqlite")),
        (":memory:", .inMemory),
    ])
    func databaseURLsParse(url: String, location: StorageConfiguration.DatabaseLocation) throws {
        #expect(try StorageConfiguration(environment: ["MINUTES_DATABASE_URL": url]).database == location)
    }

    @Test(arguments: [
        (
            "postgres://ada:p%40ss@db.example:6543/minutes?sslmode=disable&schema=tenant_1",
            PostgresLocation(
                host: "db.example",
                port: 6543,
                username: "ada",
                password: "p@ss",
                database: "minutes",
                tls: .disable,
                schema: "tenant_1"
            )
        ),
        ("postgresql://ada@localhost", PostgresLocation(username: "ada")),
        (
            "postgres://ada@%2Fvar%2Frun%2Fpostgresql/minutes?sslmode=require",
            PostgresLocation(host: "/var/run/postgresql", username: "ada", database: "minutes", tls: .require)
        ),
    ])
    func postgresURLsParse(url: String, location: PostgresLocation) throws {
        #expect(try StorageConfiguration(environment: ["MINUTES_DATABASE_URL": url]).database == .postgres(location))
    }

    @Test func aPostgresLocationNeverShowsItsPassword() throws {
        let location = try PostgresLocation(url: "postgres://ada:zebra-umbrella@db:5432/minutes?schema=s1")

        #expect(location.description == "postgres://ada@db:5432/minutes?schema=s1")
        #expect(!"\(StorageConfiguration.DatabaseLocation.postgres(location))".contains("zebra-umbrella"))
    }

    @Test(arguments: [
        "postgres://db.example/minutes",
        "postgres://ada@db/minutes?sslmode=sometimes",
        "postgres://ada@db/minutes?schema=Robert%27;DROP",
        "postgres://ada@db/minutes?application_name=x",
    ])
    func badPostgresURLsAreClearErrors(url: String) {
        #expect(throws: MinutesError(.invalidInput, "")) {
            _ = try StorageConfiguration(environment: ["MINUTES_DATABASE_URL": url])
        }
    }

    @Test func unsupportedSchemesAndBadRetentionAreClearErrors() {
        #expect(throws: MinutesError(.invalidInput, "")) {
            _ = try StorageConfiguration(environment: ["MINUTES_DATABASE_URL": "mysql://db/minutes"])
        }
        #expect(throws: MinutesError(.invalidInput, "")) {
            _ = try StorageConfiguration(environment: ["MINUTES_EXPORT_RETENTION_DAYS": "a month"])
        }
    }
}
