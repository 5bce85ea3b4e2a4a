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

    @Test func unsupportedSchemesAndBadRetentionAreClearErrors() {
        #expect(throws: MinutesError(.invalidInput, "")) {
            _ = try StorageConfiguration(environment: ["MINUTES_DATABASE_URL": "mysql://db/minutes"])
        }
        #expect(throws: MinutesError(.invalidInput, "")) {
            _ = try StorageConfiguration(environment: ["MINUTES_EXPORT_RETENTION_DAYS": "a month"])
        }
    }
}
