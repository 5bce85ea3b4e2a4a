import Foundation
import MinutesAudio
import MinutesConsole
import MinutesCore
import MinutesPipeline
import MinutesSpeech
import MinutesTestSupport
import Synchronization
import Testing

/// Refine on real engines after a live meeting: the demo replayed live, two voices named and
/// one forgotten, then refined from its own recording.
///
/// One of the real-time suites `make test` runs on its own (see the Makefile).
@Suite(.hangGuard)
struct RefineReplayedMeetingTests {
    /// Words only Dan says in the demo.
    static let dansOwnWords = ["notes", "friday", "whole", "team", "tell"]

    @Test func aRefinedMeetingKeepsTheLiveNamesAndTheForgottenSpeakersRedaction() async throws {
        // Given the demo replayed live, Alice and Bob named, Dan forgotten
        let replayed = try await ReplayedMeeting.make(
            SyntheticMeeting.demoScript,
            synthesizer: LocalSynthesizer(),
            title: "Release planning",
            name: "demo",
            speed: 1
        )
        let (meeting, orchestrator, session, live) = (
            replayed.meeting, replayed.orchestrator, replayed.session, replayed.live
        )
        var voices: [SpeakerID: String] = [:]
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await live.run() }
            var reader = LiveEventReader(live.events)
            #expect(await live.waitForInputEnd() == .endOfInput)
            _ = await reader.next { $0.isNotice(containing: "input has ended") }
            voices = LiveDemoMeetingTests.voiceOfEachSpeaker(
                segments: reader.seen.compactMap(\.segment),
                meeting: meeting
            )
            for (speaker, voice) in voices {
                if voice == "dan" {
                    await live.perform(.forgetSpeaker(speaker))
                    _ = await reader.next { $0 == .speakerForgotten(speaker) }
                } else {
                    await live.perform(.labelSpeaker(speaker, name: voice.capitalized, enroll: false))
                    _ = await reader.next { $0 == .speakerRenamed(speaker, name: voice.capitalized) }
                }
            }
            await live.perform(.quit)
            await reader.drain()
            try await group.waitForAll()
        }
        try #require(Set(voices.values) == ["alice", "bob", "dan"], "the live pass heard \(voices)")
        // and another session whose names must not reach this one's prompt, and an enrolled voice
        let other = try await orchestrator.createSession(title: "Elsewhere")
        let elsewhere = try await orchestrator.append(
            [SegmentDraft(start: 0, end: 1, cluster: "0", text: "Hello.")],
            to: other.id
        )
        try await orchestrator.labelSpeaker(elsewhere.newSpeakers[0].id, in: other.id, name: "Zelda")
        _ = try await orchestrator.enroll(name: "Erin", voicePrints: [[Float](repeating: 0.1, count: 192)])
        let liveText = try await orchestrator.export(session.id, format: .txt)

        // When it is refined from its recording
        let engines = SpeechEngines(environment: ["MINUTES_MODELS_DIR": TestData.modelsDirectory])
        var pipeline = try engines.recordedMeetingPipeline(summarizer: nil, logger: .quiet)
        let prompts = PromptRecorder(base: pipeline.transcriber)
        pipeline.transcriber = prompts
        let recording = try SessionRecording.audioPath(of: session.id, in: replayed.recordings)
        let refinement = try await pipeline.refine(
            session.id,
            samples: try AudioFile.load16kMono(recording),
            orchestrator: orchestrator
        )

        // Then Whisper was told this meeting's people, not another session's
        let prompt = try #require(prompts.seen.first ?? nil)
        for expected in ["Alice", "Bob", "Erin"] {
            #expect(prompt.contains(expected), "prompt: \(prompt)")
        }
        #expect(!prompt.contains("Zelda"), "prompt: \(prompt)")

        // and Alice and Bob own the refined lines they speak
        let speakers = try await orchestrator.speakers(session.id)
        let timeline = try await orchestrator.timeline(session.id)
        for name in ["Alice", "Bob"] {
            let person = try #require(speakers.first { $0.name == name })
            let own = timeline.filter { $0.speaker == person.id }
            #expect(!own.isEmpty, "\(name) has no refined line")
            for segment in own {
                #expect(
                    meeting.speaker(talkingMostIn: [(segment.start, segment.end)]) == name.lowercased(),
                    "\(name) was given '\(segment.text)'"
                )
            }
        }
        // and Dan's words are nowhere in the clear: not in the refined text, not in the live
        // version, which reads as it did
        let refinedWords = Set(TranscriptNormalizer.words(timeline.map(\.text).joined(separator: " ")))
        #expect(refinedWords.isDisjoint(with: Self.dansOwnWords), "\(timeline.map(\.text))")
        #expect(Set(TranscriptNormalizer.words(liveText)).isDisjoint(with: Self.dansOwnWords), "\(liveText)")
        #expect(ExportFormat.txt.render(try await orchestrator.liveVersion(session.id)) == liveText)
        // and the words of the others are right
        let spokenByOthers = SyntheticMeeting.demoScript.filter { $0.speaker != "dan" }.map(\.text)
        let heard = timeline.filter { $0.text != Segment.redactedText }.map(\.text)
        let error = WordErrorRate.measure(
            reference: spokenByOthers.joined(separator: " "),
            hypothesis: heard.joined(separator: " ")
        )
        #expect(error.rate <= 0.1, "WER \(error.rate): \(heard)")
        #expect(refinement.segments == timeline)
        withExtendedLifetime(replayed.directory) {}
    }
}

/// A transcriber that keeps the prompt of every call and hands the work to `base`.
final class PromptRecorder: Transcriber {
    private let base: any Transcriber
    private let prompts = Mutex<[String?]>([])

    init(base: any Transcriber) {
        self.base = base
    }

    var seen: [String?] { prompts.withLock { $0 } }

    func transcribe(_ samples: [Float], options: TranscriptionOptions) async throws -> [SegmentDraft] {
        prompts.withLock { $0.append(options.initialPrompt) }
        return try await base.transcribe(samples, options: options)
    }
}
