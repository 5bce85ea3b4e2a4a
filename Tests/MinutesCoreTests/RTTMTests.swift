import MinutesCore
import Testing

struct RTTMTests {
    @Test func parsesSpeakerLinesByFileAndSkipsEverythingElse() throws {
        let text = """
            ;; reference for two meetings
            SPKR-INFO EN2002a 1 <NA> <NA> <NA> unknown MÉO069 <NA> <NA>

            SPEAKER EN2002a 1 0.500 2.250 <NA> <NA> MÉO069 <NA> <NA>
            SPEAKER\tEN2002a  1   3.000\t1.000 <NA> <NA> FEO070 <NA> <NA>\r
            SPEAKER ES2004b 1 10 0.5 <NA> <NA> A <NA> <NA>
            LEXEME EN2002a 1 0.5 0.3 hello lex MÉO069 <NA> <NA>
            """
        let files = try RTTM.parse(text)
        #expect(
            files["EN2002a"] == [
                RTTM.Turn(speaker: "MÉO069", start: 0.5, end: 2.75),
                RTTM.Turn(speaker: "FEO070", start: 3, end: 4),
            ]
        )
        #expect(files["ES2004b"] == [RTTM.Turn(speaker: "A", start: 10, end: 10.5)])
        #expect(files.count == 2)
    }

    @Test func roundTripsThroughRender() throws {
        let files = [
            "b": [
                RTTM.Turn(speaker: "spk_1", start: 1.1, end: 3.3), RTTM.Turn(speaker: "MÉO069", start: 0, end: 0.25),
            ],
            "a": [RTTM.Turn(speaker: "x", start: 3723.5, end: 3724.125)],
        ]
        let text = RTTM.render(files)
        #expect(
            text == """
                SPEAKER a 1 3723.500 0.625 <NA> <NA> x <NA> <NA>
                SPEAKER b 1 1.100 2.200 <NA> <NA> spk_1 <NA> <NA>
                SPEAKER b 1 0.000 0.250 <NA> <NA> MÉO069 <NA> <NA>

                """
        )
        let parsed = try RTTM.parse(text)
        #expect(parsed.keys.sorted() == ["a", "b"])
        for (fileID, turns) in files {
            let back = try #require(parsed[fileID])
            #expect(back.map(\.speaker) == turns.map(\.speaker))
            for (read, written) in zip(back, turns) {
                #expect(abs(read.start - written.start) < 1e-9 && abs(read.end - written.end) < 1e-9)
            }
        }
        #expect(RTTM.render(parsed) == text)
    }

    @Test(arguments: [
        ("SPEAKER f 1 0 -1.5 <NA> <NA> A <NA> <NA>", "duration '-1.5' is negative"),
        ("SPEAKER f 1 abc 1.0 <NA> <NA> A <NA> <NA>", "start 'abc' is not a number"),
        ("SPEAKER f 1 nan 1.0 <NA> <NA> A <NA> <NA>", "start 'nan' is not a number"),
        ("SPEAKER f 1 -2 1.0 <NA> <NA> A <NA> <NA>", "start '-2' is negative"),
        ("SPEAKER f 1 0 1x <NA> <NA> A <NA> <NA>", "duration '1x' is not a number"),
        ("SPEAKER f 1 0 1", "at least 8 fields"),
    ])
    func malformedLinesNameTheirLineNumber(line: String, problem: String) {
        let text =
            ";; header\nSPEAKER f 1 0 1 <NA> <NA> A <NA> <NA>\n\n\(line)\nSPEAKER f 1 0 1 <NA> <NA> A <NA> <NA>\n"
        let error = #expect(throws: MinutesError.self) { try RTTM.parse(text) }
        #expect(error?.code == .invalidInput)
        #expect(error?.message.hasPrefix("RTTM line 4:") == true)
        #expect(error?.message.contains(problem) == true)
    }

    @Test func emptyTextHasNoFiles() throws {
        #expect(try RTTM.parse("").isEmpty)
        #expect(try RTTM.parse(";; nothing\n\n").isEmpty)
    }
}
