import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MinutesCore
import MinutesTestSupport
import Testing

@testable import MinutesServer

/// The edge every request passes: API key, rate limit, CORS, request ids, body limits and the
/// JSON error for every kind of bad input, with nothing stored.
@Suite(.hangGuard)
struct EdgeTests {
    @Test func aKeyedRouteNeedsTheKeyButHealthAndTheDescriptionDoNot() async throws {
        let harness = try ServerHarness(configuration: ServerConfiguration(apiKey: "s3cret"))
        try await harness.test { client in
            let missing = try await client.send(.post, "/sessions")
            #expect(missing.status == .unauthorized && missing.errorCode == "unauthorized")
            let wrong = try await client.send(.post, "/sessions", headers: [HTTPField.Name("x-api-key")!: "s3creT"])
            #expect(wrong.status == .unauthorized)
            let right = try await client.send(.post, "/sessions", headers: [HTTPField.Name("x-api-key")!: "s3cret"])
            #expect(right.status == .created)
            #expect(try await client.send(.get, "/health").status == .ok)
            #expect(try await client.send(.get, "/openapi.json").status == .ok)
        }
    }

    @Test func theKeyComparisonLooksAtEveryByte() {
        #expect(APIKeyMiddleware.constantTimeEquals("abc", "abc"))
        #expect(!APIKeyMiddleware.constantTimeEquals("abc", "abd"))
        #expect(!APIKeyMiddleware.constantTimeEquals("abc", "abcd"))
        #expect(!APIKeyMiddleware.constantTimeEquals("", "a"))
    }

    @Test func requestsBeyondTheLimitGet429WithRetryAfter() async throws {
        let harness = try ServerHarness(configuration: ServerConfiguration(maxRequestsPerMinute: 2))
        try await harness.test { client in
            #expect(try await client.send(.get, "/exports").status == .ok)
            #expect(try await client.send(.get, "/exports").status == .ok)
            // The bucket refills one request every 30 s: on a machine loaded enough that the
            // requests are that far apart, a later one is limited instead (the exact refill is
            // the limiter's own test, on a driven clock).
            var limited = try await client.send(.get, "/exports")
            for _ in 0..<20 where limited.status == .ok {
                limited = try await client.send(.get, "/exports")
            }
            #expect(limited.status == .tooManyRequests && limited.errorCode == "rate_limited")
            // 30 s at once; less when the requests took seconds on a loaded machine.
            let retryAfter = try #require(limited.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...30).contains(retryAfter))
            #expect(try await client.send(.get, "/health").status == .ok)
        }
    }

    @Test func tokensComeBackEvenlyOverTheMinute() {
        var limiter = TokenBucketLimiter<ContinuousClock.Instant>(perMinute: 2, pruneThreshold: 1)
        let start = ContinuousClock.now
        #expect(limiter.decide(for: "a", at: start) == .admit)
        #expect(limiter.decide(for: "a", at: start) == .admit)
        #expect(limiter.decide(for: "a", at: start) == .refuse(retryAfter: 30))
        #expect(limiter.decide(for: "b", at: start) == .admit)
        guard case .refuse(let seconds) = limiter.decide(for: "a", at: start + .seconds(20)) else {
            Issue.record("a client with a third of a token left was admitted")
            return
        }
        #expect((10...11).contains(seconds))
        #expect(limiter.decide(for: "a", at: start + .seconds(31)) == .admit)
    }

    @Test func corsAnswersPreflightsForAllowedOriginsOnly() async throws {
        let harness = try ServerHarness(
            configuration: ServerConfiguration(apiKey: "k", allowedOrigins: ["https://app.example"])
        )
        try await harness.test { client in
            let preflight = try await client.send(
                .options,
                "/sessions",
                headers: [.origin: "https://app.example", .accessControlRequestMethod: "POST"]
            )
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == "https://app.example")
            #expect(preflight.headers[.accessControlAllowHeaders]?.contains("x-api-key") == true)
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)

            let stranger = try await client.send(
                .options,
                "/sessions",
                headers: [.origin: "https://evil.example", .accessControlRequestMethod: "POST"]
            )
            #expect(stranger.headers[.accessControlAllowOrigin] == nil)

            let refused = try await client.send(.get, "/exports", headers: [.origin: "https://app.example"])
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.accessControlAllowOrigin] == "https://app.example")
        }
    }

    @Test func requestIDsAreEchoedOrGeneratedAndOnEveryLogLine() async throws {
        let harness = try ServerHarness(configuration: ServerConfiguration(requestIDHeader: "x-trace-id"))
        let trace = HTTPField.Name("x-trace-id")!
        try await harness.test { client in
            let echoed = try await client.send(.post, "/sessions", headers: [trace: "trace-123"])
            #expect(echoed.headers[trace] == "trace-123")
            let generated = try await client.send(.get, "/sessions/ses_000000000000")
            let id = try #require(generated.headers[trace])
            #expect(id.count == 36)
            #expect((generated.json["error"] as? [String: Any])?["request_id"] as? String == id)
            let forged = try await client.send(.get, "/health", headers: [trace: "a b\u{1}"])
            #expect(forged.headers[trace] != "a b\u{1}")
        }
        let created = harness.logs.objects.filter {
            ($0["metadata"] as? [String: Any])?["request.id"] as? String == "trace-123"
        }
        // The access log and the orchestrator's own "session created" line both carry it.
        #expect(created.contains { $0["message"] as? String == "session created" })
        #expect(created.contains { $0["message"] as? String == "request handled" })
    }

    @Test func bodiesOverTheLimitAre413AndNothingIsStored() async throws {
        let harness = try ServerHarness(configuration: ServerConfiguration(maxBodyBytes: 1_000))
        try await harness.test { client in
            let big = try await client.send(
                .post,
                "/sessions",
                json: ["title": String(repeating: "x", count: 2_000)]
            )
            #expect(big.status == .contentTooLarge && big.errorCode == "body_too_large")
        }
        #expect(try await harness.dependencies.orchestrator.sessions().isEmpty)
    }

    @Test func badBodiesAreClear400sNamingTheField() async throws {
        let harness = try ServerHarness()
        let session = try await harness.dependencies.orchestrator.createSession(title: "t")
        try await harness.test { client in
            let json: HTTPFields = [.contentType: "application/json"]
            let malformed = try await client.send(
                .post,
                "/summarize",
                headers: json,
                body: Data("{\"transcript\":".utf8)
            )
            #expect(malformed.status == .badRequest && malformed.errorCode == "malformed_json")

            let wrongType = try await client.send(.post, "/summarize", json: ["transcript": 3])
            #expect(wrongType.errorCode == "wrong_type")
            #expect(wrongType.text.contains("'transcript'"))

            let missing = try await client.send(.post, "/sessions/append", json: ["content": "AAAA"])
            #expect(missing.errorCode == "missing_field" && missing.text.contains("'session_id'"))

            let notBase64 = try await client.send(
                .post,
                "/sessions/append",
                json: ["session_id": session.id.rawValue, "content": "not base64!"]
            )
            #expect(notBase64.errorCode == "invalid_base64")

            let notAudio = try await client.send(
                .post,
                "/sessions/append",
                json: [
                    "session_id": session.id.rawValue, "content": Data("ID3 this is an mp3".utf8).base64EncodedString(),
                ]
            )
            #expect(notAudio.status == .badRequest && notAudio.errorCode == "not_audio")
            #expect(notAudio.text.contains("MP3"))

            let notJSON = try await client.send(
                .post,
                "/summarize",
                headers: [.contentType: "text/plain"],
                body: Data("Alice: hi".utf8)
            )
            #expect(notJSON.status == .unsupportedMediaType)

            let array = try await client.send(.post, "/summarize", json: [1, 2])
            #expect(array.status == .badRequest)
        }
        #expect(try await harness.dependencies.orchestrator.timeline(session.id).isEmpty)
        #expect(try await harness.dependencies.orchestrator.sessions().count == 1)
    }

    @Test(arguments: [
        "/sessions/ses_0000000000aa", "/sessions/nonsense", "/exports/exp_0000000000aa",
        "/exports/..%2F..%2Fetc%2Fpasswd",
        "/exports/..", "/api/meetings/job_0000000000aa/status", "/api/meetings/../results", "/nowhere",
    ])
    func unknownAndMalformedIDsAre404(path: String) async throws {
        let harness = try ServerHarness()
        try await harness.test { client in
            let response = try await client.send(.get, path)
            #expect(response.status == .notFound, "\(path)")
            #expect(response.errorCode == "not_found")
        }
    }

    /// JSON Schema's `maxLength` counts code points; Swift's `count` counts what a reader sees
    /// as one character, so a flag emoji (two code points) would slip past a limit.
    @Test func lengthLimitsCountCodePointsAsTheSchemaDoes() async throws {
        let harness = try ServerHarness()
        try await harness.test { client in
            let flag = try await client.send(.post, "/sessions", json: ["language": "\u{1F1FA}\u{1F1F8}*******"])
            #expect(flag.status == .badRequest && flag.errorCode == "invalid_value")
            let fits = try await client.send(.post, "/sessions", json: ["language": "\u{1F1FA}\u{1F1F8}******"])
            #expect(fits.status == .created)
            let blank = try await client.send(.post, "/api/speakers/enroll", json: ["name": "\n", "content": "AAAA"])
            #expect(blank.status == .badRequest && blank.errorCode == "invalid_value")
        }
    }

    @Test func aKnownPathWithTheWrongMethodIs405WithAllow() async throws {
        let harness = try ServerHarness()
        try await harness.test { client in
            let response = try await client.send(.put, "/sessions/ses_0000000000aa")
            #expect(response.status == .methodNotAllowed && response.errorCode == "method_not_allowed")
            #expect(response.headers[.allow] == "DELETE, GET")
            #expect(try await client.send(.get, "/sessions/append").status == .methodNotAllowed)
            for method in [HTTPRequest.Method.trace, .options, HTTPRequest.Method("QUERY")!] {
                let other = try await client.send(method, "/health")
                #expect(other.status == .methodNotAllowed && other.headers[.allow] == "GET", "\(method)")
            }
        }
    }
}
