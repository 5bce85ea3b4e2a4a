import MinutesAudio
import MinutesConsole
import MinutesCore
import MinutesTestSupport
import Synchronization
import Testing

/// Partial captions on scripted engines.
///
/// They are shown while an utterance is spoken, and abandoned when it ends, so the final
/// caption does not wait for a partial it would replace at once.
@Suite(.hangGuard)
struct LivePartialCaptionTests {
    @Test func aPartialCaptionIsShownWhileSpeechGoesOnThenTheLabelledLine() async throws {
        // Given a voice whose speech has been heard, but not the pause after it
        let directory = try LiveTemporaryDirectory()
        let (speech, pause) = Self.speechThenPause()
        let source = LiveScriptedSource(parts: [speech, pause], ending: .endOfInput)
        let harness = try await LiveScriptedHarness(directory: directory, source: source)
        let live = harness.meeting

        try await harness.run { reader in
            // Then a partial caption shows what is being said
            guard case .caption(let partial) = await reader.next(where: { $0.isPartialCaption }) else {
                Issue.record("no partial caption")
                return
            }
            #expect(partial.text == "hello there" && partial.utterance == 0)
            #expect(await live.statistics.utterances == 0, "shown before the utterance ended")

            // When the pause comes, the line is stored with its speaker, after the partial
            source.deliverNextPart()
            #expect(await reader.next { $0.segment != nil }?.segment?.text == "hello there")
            #expect(await live.statistics.abandonedPartials == 0)
        }
    }

    /// One loud tone (0.5 s of silence, then 1.5 s of tone), and the 1.5 s pause after it.
    static func speechThenPause() -> (speech: [Float], pause: [Float]) {
        let tones = LiveMeetingScriptedTests.tones([0.5])
        let speech = 8_000 + 24_000
        return (Array(tones[..<speech]), Array(tones[speech...]))
    }

    @Test func theFinalCaptionDoesNotWaitForAPartialDecode() async throws {
        // Given a transcriber whose first decode (a partial one) would never finish by itself
        let directory = try LiveTemporaryDirectory()
        let (speech, pause) = Self.speechThenPause()
        let source = LiveScriptedSource(parts: [speech, pause], ending: .endOfInput)
        let transcriber = LiveStallingTranscriber()
        let harness = try await LiveScriptedHarness(directory: directory, source: source, transcriber: transcriber)
        let live = harness.meeting

        try await harness.run { reader in
            // When the tone has been heard and its partial decode is running, the pause comes
            var stalls = transcriber.stalls.makeAsyncIterator()
            _ = await stalls.next()
            source.deliverNextPart()

            // Then the utterance is stored with its final caption, and the partial was abandoned
            let segment = await reader.next { $0.segment != nil }?.segment
            #expect(segment?.text == "hello there")
            #expect(await live.statistics.abandonedPartials == 1)
            #expect(transcriber.calls == 2, "one abandoned partial decode, one final decode")
        }
    }
}

/// Its first decode waits until its task is cancelled; the others hear "hello there".
final class LiveStallingTranscriber: Transcriber {
    /// Yields when the first decode has started waiting.
    let stalls: AsyncStream<Void>
    private let stallSink: AsyncStream<Void>.Continuation
    private let count = Mutex(0)

    init() {
        (stalls, stallSink) = AsyncStream.makeStream(of: Void.self)
    }

    var calls: Int { count.withLock { $0 } }

    func transcribe(_ samples: [Float], options: TranscriptionOptions) async throws -> [SegmentDraft] {
        let call = count.withLock { count in
            count += 1
            return count
        }
        guard call == 1 else {
            return try await LiveHelloTranscriber().transcribe(samples, options: options)
        }
        stallSink.yield()
        try await Task.sleep(for: .seconds(3_600))
        return []
    }
}
