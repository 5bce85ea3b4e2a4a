import MinutesAudio
import MinutesConsole
import MinutesCore
import MinutesTestSupport
import Synchronization
import Testing

/// When speakers are labelled while the worker has a backlog.
///
/// Labels normally wait until nothing is queued, so that they never hold up a caption; but a
/// label that has waited ``LiveMeetingConfiguration/longestLabelWait`` is given before the
/// backlog, or a machine that never catches up would never say who is speaking.
@Suite(.hangGuard)
struct LiveLabelWaitTests {
    @Test(arguments: [(wait: 0.0, labelFirst: true), (wait: 3_600.0, labelFirst: false)])
    func aLabelThatWaitedTooLongGoesBeforeTheBacklog(wait: Double, labelFirst: Bool) async throws {
        // Given three voices, two heard whole and the third begun, all captured while the
        // worker is held in the first utterance's decoding
        let directory = try LiveTemporaryDirectory()
        let tones = LiveMeetingScriptedTests.tones([0.5, 0.5, 0.5])
        let heard = 8_000 + 2 * 48_000 + 12_000
        let source = LiveScriptedSource(parts: [Array(tones[..<heard]), Array(tones[heard...])], ending: .endOfInput)
        let transcriber = LiveHeldTranscriber()
        let harness = try await LiveScriptedHarness(
            directory: directory,
            source: source,
            transcriber: transcriber,
            configuration: LiveMeetingConfiguration(longestLabelWait: wait)
        )
        let live = harness.meeting

        let events = try await harness.run { reader in
            var holds = transcriber.holds.makeAsyncIterator()
            _ = await holds.next()
            while await live.statistics.capturedSeconds < Double(heard) / 16_000 {
                try await Task.sleep(for: .milliseconds(10))
            }

            // When the worker goes on through the backlog
            transcriber.release()
            let secondFinal = await reader.next { event in
                guard case .caption(let caption) = event else { return false }
                return caption.isFinal && caption.utterance == 1 && !caption.text.isEmpty
            }
            #expect(secondFinal != nil)

            // Then the first voice was labelled before the second caption only if its label
            // had waited too long
            #expect(reader.seen.contains { $0.segment != nil } == labelFirst)
        }
        #expect(events.compactMap(\.segment).count == 3, "every voice is labelled in the end")
    }
}

/// Holds its first decode until ``release()``, whether or not its task is cancelled; every
/// decode hears "hello there".
final class LiveHeldTranscriber: Transcriber {
    /// Yields when the first decode is being held.
    let holds: AsyncStream<Void>
    private let holdSink: AsyncStream<Void>.Continuation
    private let state = Mutex((calls: 0, isReleased: false, waiter: CheckedContinuation<Void, Never>?.none))

    init() {
        (holds, holdSink) = AsyncStream.makeStream(of: Void.self)
    }

    func transcribe(_ samples: [Float], options: TranscriptionOptions) async throws -> [SegmentDraft] {
        let isFirst = state.withLock { state in
            state.calls += 1
            return state.calls == 1
        }
        if isFirst {
            await withCheckedContinuation { continuation in
                let isReleased = state.withLock { state in
                    if !state.isReleased { state.waiter = continuation }
                    return state.isReleased
                }
                if isReleased { continuation.resume() }
                holdSink.yield()
            }
        }
        return try await LiveHelloTranscriber().transcribe(samples, options: options)
    }

    func release() {
        let waiter = state.withLock { state in
            state.isReleased = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
