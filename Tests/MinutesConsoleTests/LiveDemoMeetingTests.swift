import Foundation
import MinutesAudio
import MinutesConsole
import MinutesCore
import MinutesSpeech
import MinutesTestSupport
import Testing

/// The demo meeting that `make run` replays when the machine has no capture device, through
/// the live engines: a newcomer's first minute must show Minutes at its best.
///
/// One of the real-time suites `make test` runs on its own (see the Makefile).
@Suite(.hangGuard)
struct LiveDemoMeetingTests {
    @Test func theDemoIsCaptionedNearlyWordForWordEachVoiceItsOwnSpeakerWithOwnedActionItems() async throws {
        // Given the demo meeting replayed through the real engines
        let replayed = try await ReplayedMeeting.make(
            SyntheticMeeting.demoScript,
            synthesizer: LocalSynthesizer(),
            title: "Release planning (demo)",
            name: "demo",
            // At real time, as `make run` replays it. `make test` runs this suite after the
            // others, on a quiet machine: beside them the live engine falls behind and drops
            // audio or labels late, which measures the load, not the demo.
            speed: 1
        )
        let (meeting, live) = (replayed.meeting, replayed.live)

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await live.run() }
            var reader = LiveEventReader(live.events)
            #expect(await live.waitForInputEnd() == .endOfInput)
            _ = await reader.next { $0.isNotice(containing: "input has ended") }

            // Then the captions say what the script says, within 5 % of its words
            let segments = reader.seen.compactMap(\.segment)
            let error = WordErrorRate.measure(
                reference: SyntheticMeeting.demoScript.map(\.text).joined(separator: " "),
                hypothesis: segments.map(\.text).joined(separator: " ")
            )
            #expect(error.rate <= 0.05, "WER \(error.rate): \(segments.map(\.text))")

            // and each of the three voices is its own speaker, the only one heard in its turns
            let appeared = reader.seen.compactMap(\.appearedSpeaker)
            #expect(appeared.count == 3, "\(appeared.map(\.displayName))")
            let voices = Self.voiceOfEachSpeaker(segments: segments, meeting: meeting)
            #expect(Set(voices.values).count == 3, "\(voices)")

            // and once they are named, the summary lists owned action items
            for (speaker, voice) in voices {
                await live.perform(.labelSpeaker(speaker, name: voice.capitalized, enroll: false))
                _ = await reader.next { $0 == .speakerRenamed(speaker, name: voice.capitalized) }
            }
            await live.perform(.buildSummary)
            let built = await reader.next {
                if case .summaryReady = $0 { return true }
                if case .summaryFailed = $0 { return true }
                return false
            }
            guard case .summaryReady(let summary) = built else {
                Issue.record("no summary: \(String(describing: built))")
                return
            }
            // (a misheard name can add an item, as "Dog, could you…" did once beside the other
            // tests: the WER bound above is what measures the words)
            let owners = Set(summary.actionItems.compactMap(\.owner))
            #expect(owners.isSuperset(of: ["Alice", "Bob", "Dan"]), "\(summary.actionItems)")

            await live.perform(.quit)
            await reader.drain()
            try await group.waitForAll()
        }
        withExtendedLifetime(replayed.directory) {}
    }

    /// The scripted voice each session speaker really is.
    static func voiceOfEachSpeaker(segments: [Segment], meeting: SyntheticMeeting) -> [SpeakerID: String] {
        let bySpeaker = Dictionary(grouping: segments.filter { $0.speaker != nil }) { $0.speaker! }
        return bySpeaker.compactMapValues { own in meeting.speaker(talkingMostIn: own.map { ($0.start, $0.end) }) }
    }
}
