import Foundation
import MinutesCore
import MinutesSummary
import MinutesTestSupport
import Testing

/// The API key and the transcript never reach an error, a summary's source or a log line, whatever fails.
@Suite(.hangGuard)
struct LLMSecrecyTests {
    /// Every way the endpoint can fail, several of them echoing the key back as real endpoints do.
    static let failures: [(name: String, reply: LLMFakeServer.Reply)] = [
        ("500 echoing the key", .error(500, message: "internal error for key \(LLMFixtures.apiKey)")),
        ("503", .error(503)),
        ("400 echoing the key", .error(400, message: "model not allowed for \(LLMFixtures.apiKey)")),
        ("401 echoing the key", .error(401, message: "Incorrect API key provided: \(LLMFixtures.apiKey)")),
        ("403", .error(403)),
        ("429 beyond the cap", .error(429, headers: ["Retry-After": "86400"])),
        ("429 then nothing", .error(429, headers: ["Retry-After": "1"])),
        ("invalid JSON", .completion("not json, but here is your key: \(LLMFixtures.apiKey)")),
        ("garbage body", .http(status: 200, headers: [:], body: "key=\(LLMFixtures.apiKey)")),
        ("slow", .delayed(2, then: .completion(LLMFixtures.answer))),
    ]

    @Test func noFailureRevealsTheKeyOrTheTranscript() async throws {
        var texts: [String] = []
        let logs = LLMLogCapture()
        let cache = LLMInMemorySummaryCache()
        let personas = try LLMFixtures.personas()
        let session = SessionID(rawValue: "ses_00000000000a")

        for failure in Self.failures {
            // Given an endpoint that fails this way
            let server = try LLMFakeServer(replies: [failure.reply])
            defer { server.stop() }
            let configuration = LLMFixtures.configuration(server.baseURL, attempts: 2, timeout: .milliseconds(300))
            let summarizer = LLMSummarizer(
                configuration: configuration,
                personas: personas,
                cache: cache,
                logger: logs.logger,
                clock: LLMInstantClock()
            )

            // When a meeting is summarized, and the client is called directly
            let result = try await summarizer.summarize(try LLMFixtures.standup(), persona: "standup", session: session)
            #expect(result.fallbackReason != nil, "\(failure.name) should fall back")
            texts += [result.fallbackReason ?? "", result.summary.source]
            let client = LLMClient(configuration: configuration, logger: logs.logger, clock: LLMInstantClock())
            do {
                let completion = try await client.complete([.user("hello")])
                texts.append(completion.content.isEmpty ? "" : "completion")
            } catch {
                texts += ["\(error)", String(reflecting: error), error.localizedDescription]
            }
        }

        // And when the endpoint is down
        let closed = try LLMFakeServer.closedPort()
        defer { closed.release() }
        let port = closed.port
        let down = LLMFixtures.configuration(try #require(URL(string: "http://127.0.0.1:\(port)/v1")), attempts: 1)
        let summarizer = LLMSummarizer(configuration: down, personas: personas, logger: logs.logger)
        texts.append(try await summarizer.summarize(try LLMFixtures.standup()).fallbackReason ?? "")

        // Then no reason, source, error or log line holds the key, and no log line the transcript
        texts += logs.all
        #expect(texts.count > 30)
        for text in texts {
            #expect(!text.contains(LLMFixtures.apiKey), "leaked in: \(text.prefix(200))")
            #expect(!text.contains("SECRET-9f8e7d6c5b4a"), "partly leaked in: \(text.prefix(200))")
        }
        for line in logs.all {
            #expect(!line.contains("zanzibarite"), "transcript in a log line: \(line.prefix(200))")
            #expect(!line.contains("refund test"), "transcript in a log line: \(line.prefix(200))")
        }
        // and the echoed server message was kept where useful, with the key redacted
        #expect(texts.contains { $0.contains("model not allowed for <redacted>") })
    }

    @Test func theConfigurationNeverPrintsTheKey() throws {
        let configuration = try LLMConfiguration(environment: ["MINUTES_LLM_API_KEY": LLMFixtures.apiKey])
        let key = try #require(configuration.apiKey)

        var dumped = ""
        dump(configuration, to: &dumped)
        let renderings = [
            "\(configuration)", String(reflecting: configuration), dumped, "\(key)", String(reflecting: key),
            "\(Mirror(reflecting: key).children.map { "\($0.value)" })",
        ]

        for rendering in renderings {
            #expect(!rendering.contains(LLMFixtures.apiKey), "leaked in: \(rendering)")
        }
        #expect("\(configuration)".contains("apiKey: <redacted>"))
        #expect(key.redact("x \(LLMFixtures.apiKey) y") == "x <redacted> y")
    }
}
