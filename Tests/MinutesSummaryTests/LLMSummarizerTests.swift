import Foundation
import Logging
import MinutesCore
import MinutesSummary
import MinutesTestSupport
import Testing

/// The LLM summarizer against a real HTTP server on 127.0.0.1 that plays an OpenAI-compatible endpoint.
@Suite(.hangGuard)
struct LLMSummarizerTests {
    private let session = SessionID(rawValue: "ses_0123456789ab")

    private struct Harness {
        let summarizer: LLMSummarizer
        let logs: LLMLogCapture
        let clock: LLMInstantClock
        let cache: LLMInMemorySummaryCache
    }

    private func harness(_ configuration: LLMConfiguration) throws -> Harness {
        let logs = LLMLogCapture()
        let clock = LLMInstantClock()
        let cache = LLMInMemorySummaryCache()
        let summarizer = LLMSummarizer(
            configuration: configuration,
            personas: try LLMFixtures.personas(),
            cache: cache,
            logger: logs.logger,
            clock: clock
        )
        return Harness(summarizer: summarizer, logs: logs, clock: clock, cache: cache)
    }

    @Test func aSummaryComesFromTheModelWithThePersonaPromptAndTheKey() async throws {
        // Given an endpoint that answers with a valid summary
        let server = try LLMFakeServer(replies: [
            .completion(LLMFixtures.answer, promptTokens: 812, completionTokens: 95)
        ])
        defer { server.stop() }
        let setup = try harness(LLMFixtures.configuration(server.baseURL))

        // When a stand-up is summarized with the standup persona
        let result = try await setup.summarizer.summarize(
            try LLMFixtures.standup(),
            persona: "Stand-up",
            session: session,
            maxPoints: 5
        )

        // Then one request carried the model, the persona's prompt, the transcript and the key
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/chat/completions")
        #expect(request.headers["authorization"] == "Bearer \(LLMFixtures.apiKey)")
        let body = try #require(request.json)
        #expect(body["model"] as? String == "test-model")
        #expect((body["temperature"] as? NSNumber)?.doubleValue == 0)
        #expect((body["response_format"] as? [String: Any])?["type"] as? String == "json_object")
        #expect(request.messageRoles == ["system", "user"])
        let persona = try LLMFixtures.personas().persona(named: "standup")
        #expect(request.messageContents[0].hasPrefix(persona.prompt))
        #expect(request.messageContents[0].contains("\"action_items\""))
        #expect(request.messageContents[1].contains("Meeting date: 2026-03-05 (Thursday)"))
        #expect(request.messageContents[1].contains("[00:02:16] Ben: I'll pair with Aisha on the refund test"))

        // and the answer became the summary, validated
        #expect(result.isFromLLM)
        #expect(!result.cacheHit)
        #expect(result.chunks == 1)
        let summary = result.summary
        #expect(summary.source == "llm:test-model")
        #expect(summary.bullets.count == 2)
        #expect(summary.highlight == "The refund test flakiness is the team's main blocker.")
        #expect(
            summary.actionItems == [
                ActionItem(text: "Pair on the refund test", owner: "Ben", due: "2026-03-06", at: 136),
                ActionItem(text: "Review the rounding fix"),
            ]
        )
        #expect(summary.decisions == ["Kenji reviews receipt changes."])
        #expect(summary.topics == ["refund test", "currency rounding"])
        #expect(summary.openQuestions == ["Who owns the webhook handler?"])

        // and the tokens were charged to the session
        let expected = TokenUsage(requests: 1, promptTokens: 812, completionTokens: 95)
        #expect(result.usage == expected)
        #expect(try await setup.cache.tokenUsage(of: session) == ["test-model": expected])
    }

    @Test func theSameRequestTwiceIsAnsweredFromTheCache() async throws {
        // Given an endpoint that answers every request
        let server = try LLMFakeServer(replies: [.completion(LLMFixtures.answer)])
        defer { server.stop() }
        let setup = try harness(LLMFixtures.configuration(server.baseURL))
        let input = try LLMFixtures.standup()

        // When the same meeting is summarized twice with the same persona
        let first = try await setup.summarizer.summarize(input, persona: "standup", session: session)
        let second = try await setup.summarizer.summarize(input, persona: "standup", session: session)

        // Then the second made no request and returned the same summary
        #expect(server.requests.count == 1)
        #expect(!first.cacheHit)
        #expect(second.cacheHit)
        #expect(second.summary == first.summary)
        #expect(second.usage == .zero)
        #expect(try await setup.cache.tokenUsage(of: session)["test-model"]?.requests == 1)

        // and another persona is another request
        let planning = try await setup.summarizer.summarize(input, persona: "planning", session: session)
        #expect(!planning.cacheHit)
        #expect(server.requests.count == 2)
    }

    @Test func aRateLimitIsWaitedOutAsRetryAfterSays() async throws {
        // Given an endpoint that answers 429 with Retry-After: 7, then a summary
        let server = try LLMFakeServer(replies: [
            .error(429, message: "slow down", headers: ["Retry-After": "7"]),
            .completion(LLMFixtures.answer),
        ])
        defer { server.stop() }
        let setup = try harness(LLMFixtures.configuration(server.baseURL))

        // When a meeting is summarized
        let result = try await setup.summarizer.summarize(try LLMFixtures.standup(), persona: "standup")

        // Then the client waited exactly as asked, asked again, and got the summary
        #expect(setup.clock.sleeps == [.seconds(7)])
        #expect(server.requests.count == 2)
        #expect(result.isFromLLM)
        #expect(result.summary.source == "llm:test-model")
    }

    @Test func aRetryAfterBeyondTheCapGivesUpAtOnce() async throws {
        let server = try LLMFakeServer(replies: [.error(429, headers: ["Retry-After": "3600"])])
        defer { server.stop() }
        let setup = try harness(LLMFixtures.configuration(server.baseURL))

        let result = try await setup.summarizer.summarize(try LLMFixtures.standup(), persona: "standup")

        #expect(server.requests.count == 1)
        #expect(setup.clock.sleeps.isEmpty)
        let reason = try #require(result.fallbackReason)
        #expect(reason.contains("asked to wait 3600 s"))
    }

    @Test func serverErrorsEveryTimeFallBackToOfflineAndSaySo() async throws {
        // Given an endpoint that always answers 500
        let server = try LLMFakeServer(replies: [.error(500, message: "upstream exploded")])
        defer { server.stop() }
        let setup = try harness(LLMFixtures.configuration(server.baseURL, attempts: 3))
        let input = try LLMFixtures.standup()

        // When a meeting is summarized
        let result = try await setup.summarizer.summarize(input, persona: "standup", session: session)

        // Then it tried three times with growing, jittered back-off
        #expect(server.requests.count == 3)
        let sleeps = setup.clock.sleeps
        #expect(sleeps.count == 2)
        #expect(sleeps.count == 2 && (.milliseconds(100)...(.milliseconds(200))).contains(sleeps[0]))
        #expect(sleeps.count == 2 && (.milliseconds(200)...(.milliseconds(400))).contains(sleeps[1]))

        // and the offline summarizer answered, saying why
        let reason = try #require(result.fallbackReason)
        #expect(reason.contains("HTTP 500"))
        #expect(reason.contains("3 attempts"))
        #expect(result.summary.source == "offline (LLM unavailable: \(reason))")
        var offline = try OfflineSummarizer(logger: Logger(label: "test")).summarize(input)
        offline.source = result.summary.source
        #expect(result.summary == offline)

        // and nothing was cached or charged, since no answer came
        #expect(await setup.cache.entries.isEmpty)
        #expect(try await setup.cache.tokenUsage(of: session).isEmpty)
    }

    @Test func invalidJSONIsRetriedOnceWithTheProblemThenFallsBack() async throws {
        // Given an endpoint whose model answers prose instead of JSON
        let server = try LLMFakeServer(replies: [
            .completion("Sure! Here is a summary of the meeting.", promptTokens: 50)
        ])
        defer { server.stop() }
        let setup = try harness(LLMFixtures.configuration(server.baseURL))

        // When a meeting is summarized
        let result = try await setup.summarizer.summarize(
            try LLMFixtures.standup(),
            persona: "standup",
            session: session
        )

        // Then it asked twice, the second time saying what was wrong, then fell back
        #expect(server.requests.count == 2)
        let retry = try #require(server.requests.last)
        #expect(retry.messageRoles == ["system", "user", "user"])
        #expect(retry.messageContents.last?.contains("the answer contains no JSON object") == true)
        let reason = try #require(result.fallbackReason)
        #expect(reason.contains("unusable twice"))
        #expect(result.summary.source.hasPrefix("offline (LLM unavailable: "))

        // and the tokens of both rejected answers were still charged
        #expect(try await setup.cache.tokenUsage(of: session)["test-model"]?.requests == 2)
        #expect(try await setup.cache.tokenUsage(of: session)["test-model"]?.promptTokens == 100)
    }

    @Test func anInvalidAnswerThenAValidOneIsUsed() async throws {
        let server = try LLMFakeServer(replies: [
            .completion("{\"bullets\": [\"only bullets\"]}"),
            .completion(LLMFixtures.answer),
        ])
        defer { server.stop() }
        let setup = try harness(LLMFixtures.configuration(server.baseURL))

        let result = try await setup.summarizer.summarize(try LLMFixtures.standup(), persona: "standup")

        #expect(server.requests.count == 2)
        #expect(server.requests.last?.messageContents.last?.contains("'action_items' is missing") == true)
        #expect(result.isFromLLM)
        #expect(result.usage.requests == 2)
    }

    @Test(arguments: [
        LLMFakeServer.Reply.http(status: 200, headers: [:], body: "<html>gateway says hi</html>"),
        LLMFakeServer.Reply.http(status: 200, headers: [:], body: "{\"choices\": []}"),
    ])
    func anAnswerThatIsNotAChatCompletionFallsBack(_ garbage: LLMFakeServer.Reply) async throws {
        let server = try LLMFakeServer(replies: [garbage])
        defer { server.stop() }
        let setup = try harness(LLMFixtures.configuration(server.baseURL))

        let result = try await setup.summarizer.summarize(try LLMFixtures.standup(), persona: "general")

        #expect(server.requests.count == 2)
        let reason = try #require(result.fallbackReason)
        #expect(reason.contains("not a chat completion"))
        #expect(result.summary.source.hasPrefix("offline (LLM unavailable: "))
    }

    @Test func aSlowEndpointTimesOutAndFallsBack() async throws {
        // Given an endpoint that takes 3 s and a client that waits 0.3 s, twice
        let server = try LLMFakeServer(replies: [.delayed(3, then: .completion(LLMFixtures.answer))])
        defer { server.stop() }
        let setup = try harness(LLMFixtures.configuration(server.baseURL, attempts: 2, timeout: .milliseconds(300)))

        // When a meeting is summarized
        let result = try await setup.summarizer.summarize(try LLMFixtures.standup(), persona: "standup")

        // Then both attempts timed out and the offline summarizer answered
        #expect(server.requests.count == 2)
        let reason = try #require(result.fallbackReason)
        #expect(reason.contains("did not answer within 0.3 s"))
        #expect(result.summary.source.hasPrefix("offline (LLM unavailable: "))
    }

    @Test func anEndpointThatIsDownFallsBack() async throws {
        let closed = try LLMFakeServer.closedPort()
        defer { closed.release() }
        let port = closed.port
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/v1"))
        let setup = try harness(LLMFixtures.configuration(url, attempts: 2))

        let result = try await setup.summarizer.summarize(try LLMFixtures.standup(), persona: "standup")

        let reason = try #require(result.fallbackReason)
        #expect(reason.contains("cannot connect to http://127.0.0.1:\(port)"))
        #expect(setup.clock.sleeps.count == 1)
    }

    @Test func aLongTranscriptIsSummarizedInChunksAndMerged() async throws {
        // Given a small context window, and an endpoint that answers parts and the merge differently
        let merged = LLMFixtures.answer.replacingOccurrences(of: "main blocker", with: "merged highlight")
        let server = try LLMFakeServer { request, _ in
            let user = request.messageContents.last ?? ""
            if user.contains("consecutive parts") { return .completion(merged) }
            let part = user.contains("This is part") ? "part" : "whole"
            return .completion(
                """
                {"bullets": ["A \(part) point."], "highlight": null, "action_items": [], "decisions": [],
                 "topics": ["migration"], "open_questions": []}
                """
            )
        }
        defer { server.stop() }
        let setup = try harness(
            LLMFixtures.configuration(server.baseURL, contextTokens: 3_000, replyTokens: 500)
        )
        let input = LLMFixtures.longMeeting(turns: 60)

        // When it is summarized
        let result = try await setup.summarizer.summarize(input, persona: "planning", session: session)

        // Then every chunk was one request, in order and each under the window, then one merge request
        #expect(result.chunks > 1)
        #expect(server.requests.count == result.chunks + 1)
        let parts = server.requests.dropLast()
        for (offset, request) in parts.enumerated() {
            let user = request.messageContents.last ?? ""
            #expect(user.contains("This is part \(offset + 1) of \(result.chunks)"))
            #expect(request.messageContents.joined().utf8.count / 3 < 3_000 - 500)
        }
        // and every turn went to exactly one chunk
        let sent = parts.map { $0.messageContents.last ?? "" }.joined()
        for index in 0..<60 {
            #expect(sent.components(separatedBy: "Item \(index):").count == 2)
        }
        // and the merge request carried the part summaries, and its answer is the result
        let merge = try #require(server.requests.last?.messageContents.last)
        #expect(merge.contains("Part \(result.chunks):"))
        #expect(merge.contains("A part point."))
        #expect(result.summary.highlight == "The refund test flakiness is the team's merged highlight.")
        #expect(result.summary.source == "llm:test-model")
        #expect(result.usage.requests == result.chunks + 1)
    }

    @Test func anUnknownPersonaIsAnErrorListingTheKnownOnes() async throws {
        let server = try LLMFakeServer(replies: [.completion(LLMFixtures.answer)])
        defer { server.stop() }
        let setup = try harness(LLMFixtures.configuration(server.baseURL))

        let error = await #expect(throws: MinutesError.self) {
            try await setup.summarizer.summarize(try LLMFixtures.standup(), persona: "pirate-council")
        }

        #expect(error?.code == .invalidInput)
        #expect(
            error?.message
                == "unknown persona 'pirate-council'; known: board, general, incident-review, interview, one-on-one, "
                + "planning, sales, standup"
        )
        #expect(server.requests.isEmpty)
    }

    @Test func aMeetingWithoutSpeechIsEmptyWithoutARequest() async throws {
        let server = try LLMFakeServer(replies: [.completion(LLMFixtures.answer)])
        defer { server.stop() }
        let setup = try harness(LLMFixtures.configuration(server.baseURL))
        let silent = SummaryInput(turns: [.init(speaker: "Ana", text: "[redacted]")], meetingDate: Date())

        let error = await #expect(throws: MinutesError.self) {
            try await setup.summarizer.summarize(silent)
        }

        #expect(error?.code == .empty)
        #expect(server.requests.isEmpty)
    }
}
