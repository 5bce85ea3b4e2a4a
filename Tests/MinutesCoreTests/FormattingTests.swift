import Foundation
import Testing

@testable import MinutesCore

struct FormattingTests {
    @Test(arguments: [
        (0.0, "00:00:00,000", "00:00:00", "0.000"),
        (1.0004, "00:00:01,000", "00:00:01", "1.000"),
        (61.2345, "00:01:01,235", "00:01:01", "61.235"),
        (3_723.5, "01:02:03,500", "01:02:03", "3723.500"),
        (-4, "00:00:00,000", "00:00:00", "0.000"),
        (Double.nan, "00:00:00,000", "00:00:00", "0.000"),
    ])
    func timecodesRoundToMilliseconds(seconds: Double, subRip: String, clock: String, decimal: String) {
        #expect(Timecode.subtitle(seconds, fractionSeparator: ",") == subRip)
        #expect(Timecode.clock(seconds: seconds) == clock)
        #expect(Timecode.decimal(seconds) == decimal)
    }

    @Test(arguments: [
        ("ses_0123456789ab", true),
        ("ses_abc", false),
        ("ses_ABCDEF123456", false),
        ("ses_../../etc", false),
        ("spk_0123456789ab", false),
        ("", false),
    ])
    func sessionIdsAcceptOnlyTheirShape(text: String, valid: Bool) {
        #expect((SessionID(parsing: text) != nil) == valid)
    }

    @Test(
        arguments: [
            (nil, Optional(30)),
            ("", Optional(30)),
            ("7", Optional(7)),
            (" 0 ", Optional(0)),
            ("none", nil),
            ("NONE", nil),
        ] as [(String?, Int?)]
    )
    func retentionParsesDaysAndNone(text: String?, days: Int?) throws {
        #expect(try RetentionPolicy(parsing: text).days == days)
    }

    @Test(arguments: ["-1", "thirty", "1.5", "7d"])
    func retentionRejectsOtherValuesNamingThem(text: String) {
        let error = #expect(throws: MinutesError.self) { try RetentionPolicy(parsing: text) }
        #expect(error?.message.contains("'\(text)'") == true)
    }

    @Test func subtitleLinesWrapAtWordsAndVTTTextIsEscaped() {
        let wrapped = SubtitleCues.wrap("one two three four five six seven eight nine ten eleven twelve")
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 42 })
        #expect(
            wrapped.replacingOccurrences(of: "\n", with: " ")
                == "one two three four five six seven eight nine ten eleven twelve"
        )
        #expect(SubtitleCues.escape("a < b & c > d") == "a &lt; b &amp; c &gt; d")
    }
}
