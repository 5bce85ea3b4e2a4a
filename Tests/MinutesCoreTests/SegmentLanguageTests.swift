import Foundation
import MinutesCore
import Testing

/// Each segment keeps the language it was heard in, through attribution, the manifest and the
/// minutes, so a meeting that switches language reads as it was spoken.
struct SegmentLanguageTests {
    private func draft(_ text: String, at start: Double, language: String?) -> SegmentDraft {
        let words = text.split(separator: " ").enumerated().map { offset, word in
            Word(
                text: String(word),
                start: start + Double(offset) * 0.4,
                end: start + Double(offset) * 0.4 + 0.3,
                confidence: 0.9
            )
        }
        return SegmentDraft(
            start: start,
            end: words.last?.end ?? start,
            cluster: nil,
            text: text,
            words: words,
            language: language
        )
    }

    @Test func attributionKeepsEachSegmentsLanguageAndDoesNotJoinAcrossLanguages() {
        // Given one speaker who says a sentence in English, then, straight after, one in German
        let english = draft("we look at the budget", at: 0, language: "en")
        let german = draft("und die neuen Kunden", at: 2.1, language: "de")
        let turns = [SpeakerTurn(speaker: "0", start: 0, end: 4)]

        // When words are given to the speaker's turn
        let attributed = WordAttribution.attribute([english, german], to: turns)

        // Then the two stay two segments, each in its own language
        #expect(attributed.map(\.language) == ["en", "de"])
        #expect(attributed.map(\.text) == ["we look at the budget", "und die neuen Kunden"])
        // and a turn change inside one segment keeps its language on both pieces
        let long = draft("und die neuen Kunden kommen morgen früh zu uns ins Büro", at: 2.1, language: "de")
        let split = WordAttribution.attribute(
            [long],
            to: [SpeakerTurn(speaker: "0", start: 2, end: 4.0), SpeakerTurn(speaker: "1", start: 4.0, end: 7)]
        )
        #expect(split.count == 2)
        #expect(split.allSatisfy { $0.language == "de" })
    }

    @Test func theManifestCarriesALanguageOnlyWhereOneIsKnown() throws {
        // Given a transcript with one segment in German and one of unknown language
        let manifest = ExportManifest.transcript(
            [draft("Guten Morgen", at: 0, language: "de"), draft("hello", at: 3, language: nil)],
            title: "t"
        )

        // When it is written and read back
        let data = Data(manifest.jsonText().utf8)
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let segments = try #require(json["segments"] as? [[String: Any]])

        // Then the German segment says so, the other has no language key at all
        #expect(segments[0]["language"] as? String == "de")
        #expect(segments[1]["language"] == nil)
        let decoded = try ExportManifest.decode(data)
        #expect(decoded.segments.map(\.language) == ["de", nil])
    }

    @Test func detectedMinutesListTheLanguagesHeardInOrder() {
        // Given a session whose language was detected, in English, German, then English again
        let drafts = [
            draft("good morning", at: 0, language: "en"),
            draft("Guten Morgen", at: 3, language: "de"),
            draft("thank you", at: 6, language: "en"),
        ]
        var manifest = ExportManifest.transcript(drafts, title: "t")
        manifest.session.language = "auto"

        // Then the minutes name both, in the order first spoken
        #expect(MarkdownMinutes.render(manifest).contains("- **Language:** auto (heard: en, de)"))
        // and a session in one set language says just that
        manifest.session.language = "de"
        #expect(MarkdownMinutes.render(manifest).contains("- **Language:** de\n"))
    }
}
