import Foundation
import MinutesCore
import MinutesSummary
import Testing

struct TranscriptParserTests {
    @Test func readsMinutesOwnTextExport() throws {
        let transcript = try TranscriptParser().parse(
            """
            [00:00:03] Alice: Morning, everyone.
            [00:01:02] Speaker 2: Hi.
            [01:02:03.500] Bob: Late, sorry.
            """
        )
        #expect(transcript.turns.map(\.speaker) == ["Alice", "Speaker 2", "Bob"])
        #expect(transcript.turns.map(\.start) == [3, 62, 3723.5])
        #expect(transcript.turns[0].text == "Morning, everyone.")
    }

    @Test func readsPlainSpeakerLinesAndContinuations() throws {
        let transcript = try TranscriptParser().parse(
            """
            Alice: I'll send the deck
            by Friday, promise.

            Bob (guest): Thanks.
            """
        )
        #expect(transcript.turns.count == 2)
        #expect(transcript.turns[0].text == "I'll send the deck by Friday, promise.")
        #expect(transcript.turns[0].start == nil)
        #expect(transcript.turns[1].speaker == "Bob (guest)")
    }

    @Test func readsHeaders() throws {
        let transcript = try TranscriptParser().parse(
            """
            # title: Weekly sync
            # date: 2026-03-04
            # participants: Alice, Bob, Wei
            # anything else is a comment
            Alice: Hello.
            """
        )
        #expect(transcript.title == "Weekly sync")
        #expect(transcript.date == Date(timeIntervalSince1970: 1_772_582_400))
        #expect(transcript.participants == ["Alice", "Bob", "Wei"])
        let input = transcript.summaryInput(fallbackDate: Date(timeIntervalSince1970: 0))
        #expect(input.meetingDate == Date(timeIntervalSince1970: 1_772_582_400))
    }

    @Test func aTimeInTheTextIsNotASpeaker() throws {
        let transcript = try TranscriptParser().parse("Alice: Let's meet at\n10:30 works for me.")
        #expect(transcript.turns.count == 1)
        #expect(transcript.turns[0].text == "Let's meet at 10:30 works for me.")
    }

    @Test func rejectsTextWithNoSpeakerLinesListingTheAcceptedShapes() throws {
        let error = try #require(throws: MinutesError.self) {
            try TranscriptParser().parse("just some notes\nwithout any speakers")
        }
        #expect(error.code == .invalidInput)
        #expect(error.message.contains("[hh:mm:ss] Speaker: text"))
        #expect(error.message.contains("Speaker: text"))
        #expect(!error.message.contains("notes"), "errors never echo transcript text")
    }

    @Test func rejectsTextBeforeTheFirstSpeaker() throws {
        let error = try #require(throws: MinutesError.self) {
            try TranscriptParser().parse("# title: x\nstray words\nAlice: hi")
        }
        #expect(error.code == .invalidInput)
        #expect(error.message.contains("line 2"))
    }

    @Test func rejectsABadDateHeader() throws {
        let error = try #require(throws: MinutesError.self) {
            try TranscriptParser().parse("# date: last Tuesday\nAlice: hi")
        }
        #expect(error.code == .invalidInput)
        #expect(error.message.contains("line 1"))
    }

    @Test func anEmptyFileIsEmpty() throws {
        let error = try #require(throws: MinutesError.self) { try TranscriptParser().parse("\n  \n") }
        #expect(error.code == .empty)
        #expect(error.message.hasPrefix("nothing to summarize:"))
    }

    @Test func readsAJSONManifestToo() throws {
        let session = Session(id: SessionID(rawValue: "ses_0123456789ab"), title: "Sync", startedAt: Fixtures.wednesday)
        let alice = SpeakerID(rawValue: "spk_aaaaaaaaaaaa")
        let speakers = [Speaker(id: alice, session: session.id, cluster: "c0", ordinal: 1, name: "Alice")]
        let segments = [
            Segment(index: 0, start: 1, end: 3, speaker: alice, text: "I'll send the deck by Friday."),
            Segment(index: 1, start: 4, end: 5, speaker: nil, text: "Thanks."),
        ]
        let manifest = ExportManifest(session: session, speakers: speakers, segments: segments, summary: nil)
        let input = try TranscriptParser().summaryInput(
            from: Data(manifest.jsonText().utf8),
            fallbackDate: .distantPast
        )
        #expect(input.meetingDate == Fixtures.wednesday)
        #expect(input.turns.map(\.speaker) == ["Alice", "Unknown"])
        #expect(input.turns.map(\.start) == [1, 4])
    }

    @Test func rejectsBinaryData() throws {
        let error = try #require(throws: MinutesError.self) {
            try TranscriptParser().summaryInput(from: Data([0xff, 0xfe, 0x00, 0x41]), fallbackDate: .distantPast)
        }
        #expect(error.code == .invalidInput)
    }
}
