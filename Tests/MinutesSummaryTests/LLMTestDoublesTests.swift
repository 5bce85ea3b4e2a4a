import Foundation
import Logging
import MinutesCore
import MinutesSummary
import MinutesTestSupport
import Synchronization
import Testing

/// Log lines captured for one test, rendered with their metadata so a test can search them.
final class LLMLogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    /// A logger at trace level whose lines land here.
    var logger: Logger {
        Logger(label: "minutes.summary.llm.tests") { _ in Handler(capture: self) }
    }

    /// Every line so far: level, message and metadata.
    var all: [String] { lines.withLock { $0 } }

    fileprivate func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    private struct Handler: LogHandler {
        let capture: LLMLogCapture
        var metadata: Logger.Metadata = [:]
        var metadataProvider: Logger.MetadataProvider?
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let rendered = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            capture.append("\(event.level) \(event.message) \(rendered)")
        }
    }
}

/// A clock whose sleeps return at once and are recorded, so back-off and `Retry-After` can be checked
/// without waiting for them.
final class LLMInstantClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let state = Mutex<(now: Duration, sleeps: [Duration])>((.zero, []))

    var now: Instant { Instant(offset: state.withLock { $0.now }) }
    var minimumResolution: Duration { .nanoseconds(1) }

    /// Every pause asked for, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.sleeps.append(deadline.offset - state.now)
            state.now = max(state.now, deadline.offset)
        }
    }
}

/// A ``SummaryCache`` in a dictionary, counting lookups.
actor LLMInMemorySummaryCache: SummaryCache {
    private(set) var entries: [String: (summary: Summary, label: SummaryCacheLabel, session: SessionID?)] = [:]
    private(set) var usage: [SessionID: [String: TokenUsage]] = [:]
    private(set) var lookups = 0

    func cachedSummary(forKey key: String) async throws -> Summary? {
        lookups += 1
        return entries[key]?.summary
    }

    func storeSummary(
        _ summary: Summary,
        forKey key: String,
        label: SummaryCacheLabel,
        session: SessionID?
    )
        async throws
    {
        entries[key] = (summary, label, session)
    }

    func removeCachedSummaries(of session: SessionID) async throws -> Int {
        let keys = entries.filter { $0.value.session == session }.map(\.key)
        for key in keys { entries[key] = nil }
        return keys.count
    }

    func removeAllCachedSummaries() async throws -> Int {
        defer { entries = [:] }
        return entries.count
    }

    func recordTokenUsage(_ usage: TokenUsage, model: String, for session: SessionID) async throws {
        self.usage[session, default: [:]][model, default: .zero] += usage
    }

    func tokenUsage(of session: SessionID) async throws -> [String: TokenUsage] {
        usage[session] ?? [:]
    }
}

/// Shared inputs of the LLM tests.
enum LLMFixtures {
    /// The repository's `Personas/` folder.
    static let personasDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Personas").path

    static func personas() throws -> PersonaLibrary {
        try PersonaLibrary(directories: [personasDirectory])
    }

    /// A recognisable key, to search for in every message and log line.
    static let apiKey = "sk-test-SECRET-9f8e7d6c5b4a-never-print-me"

    /// A configuration for `server` that never waits long.
    static func configuration(
        _ baseURL: URL,
        model: String = "test-model",
        attempts: Int = 3,
        timeout: Duration = .seconds(10),
        contextTokens: Int = 16_000,
        replyTokens: Int = 2_000
    ) -> LLMConfiguration {
        LLMConfiguration(
            baseURL: baseURL,
            apiKey: LLMAPIKey(apiKey),
            model: model,
            timeout: timeout,
            retry: LLMRetryPolicy(maxAttempts: attempts, initialBackoff: .milliseconds(200), maxBackoff: .seconds(2)),
            contextTokens: contextTokens,
            replyTokens: replyTokens
        )
    }

    /// A valid answer in the output contract's shape.
    static let answer = """
        {"bullets": ["Aisha will finish the currency rounding fix today.", "The refund test is flaky because of a race."],
         "highlight": "The refund test flakiness is the team's main blocker.",
         "action_items": [{"text": "Pair on the refund test", "owner": "Ben", "due": "2026-03-06", "at": "00:02:16"},
                          {"text": "Review the rounding fix", "owner": null, "due": "next week", "at": null}],
         "decisions": ["Kenji reviews receipt changes."],
         "topics": ["refund test", "currency rounding"],
         "open_questions": ["Who owns the webhook handler?"]}
        """

    /// A short stand-up, with a word that must never reach a log line.
    static func standup() throws -> SummaryInput {
        try TranscriptParser().parse(
            """
            # date: 2026-03-05
            [00:00:57] Aisha: Yesterday I worked on the currency rounding bug. Today I finish the fix, zanzibarite.
            [00:01:40] Ben: The refund test flaked four times in a row; I think it is a race with the webhook handler.
            [00:02:16] Ben: I'll pair with Aisha on the refund test after stand-up.
            [00:02:30] Aisha: Yes, that works, I'm free until eleven.
            """
        ).summaryInput(fallbackDate: Date(timeIntervalSince1970: 0))
    }

    /// A meeting of `turns` long turns, too long for a small context window.
    static func longMeeting(turns: Int) -> SummaryInput {
        let speakers = ["Ana", "Bo", "Chen"]
        return SummaryInput(
            turns: (0..<turns).map { index in
                SummaryInput.Turn(
                    speaker: speakers[index % speakers.count],
                    text: "Item \(index): we reviewed the migration plan for service \(index) and agreed the rollout "
                        + "order, the dashboards to watch, and who is on call during the change window.",
                    start: Double(index * 20)
                )
            },
            meetingDate: Date(timeIntervalSince1970: 1_772_618_400)
        )
    }
}

/// The doubles themselves.
@Suite(.hangGuard)
struct LLMTestDoublesTests {
    @Test func theInstantClockRecordsSleepsWithoutWaiting() async throws {
        let clock = LLMInstantClock()
        try await clock.sleep(for: .seconds(30))
        try await clock.sleep(for: .milliseconds(5))
        #expect(clock.sleeps == [.seconds(30), .milliseconds(5)])
    }

    @Test func theLogCaptureRendersMetadata() {
        let capture = LLMLogCapture()
        capture.logger.debug("hello", metadata: ["a.b": "1"])
        #expect(capture.all == ["debug hello a.b=1"])
    }
}
