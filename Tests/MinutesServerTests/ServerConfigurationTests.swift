import MinutesCore
import MinutesServer
import Testing

struct ServerConfigurationTests {
    @Test func defaultsListenOnLoopbackWithoutAKeyOrALimit() throws {
        let configuration = try ServerConfiguration(environment: [:])
        #expect(configuration == ServerConfiguration())
        #expect(configuration.host == "127.0.0.1" && configuration.port == 8000)
        #expect(configuration.apiKey == nil && configuration.maxRequestsPerMinute == nil)
    }

    @Test func environmentOverridesEverySetting() throws {
        let configuration = try ServerConfiguration(environment: [
            "MINUTES_HOST": "0.0.0.0", "MINUTES_PORT": "9000", "MINUTES_API_KEY": "secret",
            "MINUTES_REQUEST_ID_HEADER": "X-Trace-Id",
            "MINUTES_ALLOWED_ORIGINS": "https://a.example, https://b.example",
            "MINUTES_MAX_REQUESTS_PER_MINUTE": "120", "MINUTES_WORKERS": "0", "MINUTES_MAX_BODY_BYTES": "1024",
            "MINUTES_JOB_LEASE_SECONDS": "6",
        ])
        #expect(configuration.host == "0.0.0.0" && configuration.port == 9000)
        #expect(configuration.apiKey == "secret" && configuration.requestIDHeader == "x-trace-id")
        #expect(configuration.allowedOrigins == ["https://a.example", "https://b.example"])
        #expect(configuration.maxRequestsPerMinute == 120 && configuration.workers == 0)
        #expect(configuration.maxBodyBytes == 1_024 && configuration.jobLeaseSeconds == 6)
    }

    @Test func aNetworkAddressWithoutAKeyIsRefusedUnlessAllowedExplicitly() throws {
        for host in ["127.0.0.1", "127.8.9.10", "localhost", "::1", "[::1]"] {
            #expect(try NetworkExposure.check(ServerConfiguration(host: host)) == .guarded, "\(host)")
        }
        for host in ["0.0.0.0", "192.0.2.7", "::", "example.org", "127.0.0"] {
            #expect(throws: MinutesError.self, "\(host)") { try NetworkExposure.check(ServerConfiguration(host: host)) }
            #expect(try NetworkExposure.check(ServerConfiguration(host: host, apiKey: "k")) == .guarded)
            #expect(
                try NetworkExposure.check(ServerConfiguration(host: host, allowsUnauthenticated: true))
                    == .unauthenticated
            )
        }
        let allowed = try ServerConfiguration(environment: [
            "MINUTES_HOST": "0.0.0.0", "MINUTES_ALLOW_UNAUTHENTICATED": "1",
        ])
        #expect(try NetworkExposure.check(allowed) == .unauthenticated)
    }

    @Test func workersRenewTheirLeaseAtLeastThreeTimesPerLease() throws {
        let short = try ServerConfiguration(environment: ["MINUTES_JOB_LEASE_SECONDS": "6"]).workerConfiguration
        #expect(short.leaseSeconds == 6 && short.heartbeatInterval == .seconds(2))
        let standard = ServerConfiguration().workerConfiguration
        #expect(standard.workers == 1 && standard.leaseSeconds == 60 && standard.heartbeatInterval == .seconds(10))
    }

    @Test(
        arguments: [
            "MINUTES_PORT", "MINUTES_MAX_REQUESTS_PER_MINUTE", "MINUTES_WORKERS", "MINUTES_MAX_BODY_BYTES",
            "MINUTES_JOB_LEASE_SECONDS",
        ]
    )
    func badNumbersNameTheVariable(name: String) {
        let error = #expect(throws: MinutesError.self) {
            _ = try ServerConfiguration(environment: [name: "-3"])
        }
        #expect(error?.message.contains(name) == true)
    }
}
