import Foundation
import MinutesCore
import Testing

/// How a careful pass is laid over a live timeline: voices mapped by shared time, the user's
/// names and forgets above the careful pass.
struct TimelineRefinementTests {
    private static let session = Session(
        id: SessionID(rawValue: "ses_00000000000a"),
        title: "Sync",
        startedAt: Date(timeIntervalSince1970: 1_764_000_000),
        endedAt: Date(timeIntervalSince1970: 1_764_000_060)
    )

    private static func speaker(_ ordinal: Int, name: String? = nil, forgotten: Bool = false) -> Speaker {
        Speaker(
            id: SpeakerID(rawValue: "spk_live0\(ordinal)"),
            session: session.id,
            cluster: "live-\(ordinal)",
            ordinal: ordinal,
            name: name,
            isForgotten: forgotten
        )
    }

    private static func live(_ speakers: [Speaker], _ turns: [(Speaker, Double, Double)]) -> ExportManifest {
        let segments = turns.enumerated().map { index, turn in
            let segment = Segment(index: index, start: turn.1, end: turn.2, speaker: turn.0.id, text: "live \(index)")
            return turn.0.isForgotten ? segment.redacted : segment
        }
        return ExportManifest(session: session, speakers: speakers, segments: segments, summary: nil)
    }

    private static func draft(
        _ cluster: String,
        _ start: Double,
        _ end: Double,
        _ text: String = "refined"
    )
        -> SegmentDraft
    {
        let words = text.split(separator: " ").enumerated().map { offset, word in
            let step = (end - start) / Double(text.split(separator: " ").count)
            let wordStart = start + Double(offset) * step
            return Word(text: String(word), start: wordStart, end: wordStart + step, confidence: 1)
        }
        return SegmentDraft(start: start, end: end, cluster: cluster, text: text, words: words)
    }

    @Test func voicesThatAgreeKeepTheirLiveSpeakersAndNames() {
        // Given a live timeline with a named and an unnamed voice
        let ada = Self.speaker(1, name: "Ada")
        let other = Self.speaker(2)
        let live = Self.live([ada, other], [(ada, 0, 4), (other, 4, 8), (ada, 8, 12)])

        // When the careful pass hears the same two voices, labelled its own way
        let refinement = TimelineRefinement(
            live: live,
            refined: [Self.draft("7", 0, 4.2), Self.draft("3", 4.2, 8), Self.draft("7", 8, 12)]
        )

        // Then each keeps its live speaker, nothing is new and nothing changed
        #expect(refinement.segments.map(\.speaker) == [ada.id, other.id, ada.id])
        #expect(refinement.segments.map(\.index) == [0, 1, 2])
        #expect(refinement.speakers == [ada, other])
        #expect(refinement.changes.isEmpty)
        #expect(refinement.voices == ["7": ada.id, "3": other.id])
    }

    @Test func aSecondVoiceInAnUnnamedLiveSpeakerBecomesANewSpeaker() throws {
        // Given one unnamed live voice over a stretch the careful pass hears as two
        let ada = Self.speaker(1, name: "Ada")
        let other = Self.speaker(2)
        let live = Self.live([ada, other], [(ada, 0, 4), (other, 4, 10)])

        let refinement = TimelineRefinement(
            live: live,
            refined: [Self.draft("a", 0, 4), Self.draft("b", 4, 8), Self.draft("c", 8, 10)]
        )

        // Then the longer part keeps the live speaker and the other is Speaker 3, said as a split
        let new = try #require(refinement.speakers.first { $0.id != ada.id && $0.id != other.id })
        #expect(new.ordinal == 3)
        #expect(new.name == nil)
        #expect(refinement.segments.map(\.speaker) == [ada.id, other.id, new.id])
        #expect(refinement.changes == [.split(other.id, into: new.id)])
    }

    @Test func aStretchTheUserNamedStaysWithThatPersonWhenTheCarefulPassHearsOneVoice() {
        // Given two people the user named apart live
        let ada = Self.speaker(1, name: "Ada")
        let cy = Self.speaker(2, name: "Cy")
        let live = Self.live([ada, cy], [(ada, 0, 5), (cy, 5, 8)])

        // When the careful pass hears them as one voice, in one segment
        let refinement = TimelineRefinement(
            live: live,
            refined: [Self.draft("x", 0, 8, "one two three four five six seven eight")]
        )

        // Then the segment is cut where the named stretches meet, each keeps its person, and
        // nothing is said to have merged
        #expect(refinement.segments.map(\.speaker) == [ada.id, cy.id])
        #expect(refinement.segments.map(\.text) == ["one two three four five", "six seven eight"])
        #expect(refinement.changes.isEmpty)
    }

    @Test func unnamedVoicesHeardAsOneMergeAndSaySo() {
        let first = Self.speaker(1)
        let second = Self.speaker(2)
        let live = Self.live([first, second], [(first, 0, 5), (second, 5, 8)])

        let refinement = TimelineRefinement(live: live, refined: [Self.draft("x", 0, 5), Self.draft("x", 5, 8)])

        #expect(refinement.segments.allSatisfy { $0.speaker == first.id })
        #expect(refinement.changes == [.merged(second.id, into: first.id)])
        // the merged speaker's record (and any enrolled voice) is kept
        #expect(refinement.speakers.contains(second))
    }

    @Test func aForgottenSpeakersWordsStayRedactedWhoeverTheCarefulPassGivesThemTo() {
        // Given a forgotten speaker between two stretches of Ada
        let ada = Self.speaker(1, name: "Ada")
        let gone = Self.speaker(2, forgotten: true)
        let live = Self.live([ada, gone], [(ada, 0, 4), (gone, 4, 8), (ada, 9, 12)])

        // When the careful pass hears them as one voice in one long segment, and also Ada alone
        // a moment after the forgotten speaker stopped
        let refinement = TimelineRefinement(
            live: live,
            refined: [
                Self.draft("x", 0, 8, "ada says this then the secret words"),
                Self.draft("x", 8.2, 8.4, "secret"),
                Self.draft("x", 9, 12, "ada again"),
            ]
        )

        // Then the words spoken while they spoke (or just after) are cut out and redacted, and
        // Ada keeps hers
        #expect(refinement.segments.map(\.text) == ["ada says this", Segment.redactedText, "ada again"])
        #expect(refinement.segments.map(\.speaker) == [ada.id, gone.id, ada.id])
        #expect(refinement.segments[1].words.isEmpty)
        let stored = refinement.segments.map(\.text).joined(separator: " ")
        #expect(!stored.contains("secret"))
        // and the forgotten speaker stays forgotten
        #expect(refinement.speakers.first { $0.id == gone.id }?.isForgotten == true)
    }

    @Test func aVoiceOfItsOwnOverAForgottenSpeakerIsThatSpeakerRedacted() {
        let ada = Self.speaker(1, name: "Ada")
        let gone = Self.speaker(2, forgotten: true)
        let live = Self.live([ada, gone], [(ada, 0, 4), (gone, 4, 8)])

        let refinement = TimelineRefinement(
            live: live,
            refined: [Self.draft("a", 0, 4), Self.draft("b", 4, 8, "hidden")]
        )

        #expect(refinement.segments[1].speaker == gone.id)
        #expect(refinement.segments[1].text == Segment.redactedText)
    }

    @Test func aSessionWithoutLiveSpeechGetsTheCarefulPassesVoices() {
        let live = Self.live([], [])

        let refinement = TimelineRefinement(live: live, refined: [Self.draft("0", 0, 2), Self.draft("1", 2, 4)])

        #expect(refinement.speakers.map(\.ordinal) == [1, 2])
        #expect(Set(refinement.segments.compactMap(\.speaker)).count == 2)
        #expect(refinement.changes.isEmpty)
    }
}
