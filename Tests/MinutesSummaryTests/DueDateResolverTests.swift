import Foundation
import MinutesSummary
import Testing

/// Relative deadlines resolved against fixed meeting dates, in UTC.
struct DueDateResolverTests {
    /// Said on Wednesday 2026-03-04.
    static let wednesdayCases: [(String, String?)] = [
        ("today", "2026-03-04"),
        ("tonight", "2026-03-04"),
        ("by end of day", "2026-03-04"),
        ("by EOD", "2026-03-04"),
        ("this afternoon", "2026-03-04"),
        ("after the meeting", "2026-03-04"),
        ("right after this call", "2026-03-04"),
        ("tomorrow", "2026-03-05"),
        ("tomorrow morning", "2026-03-05"),
        ("the day after tomorrow", "2026-03-06"),
        ("by Friday", "2026-03-06"),
        ("on Monday", "2026-03-09"),
        ("Wednesday", "2026-03-11"),
        ("this Friday", "2026-03-06"),
        ("next Monday", "2026-03-09"),
        ("next Wednesday", "2026-03-11"),
        ("next Friday", "2026-03-13"),
        ("Friday afternoon", "2026-03-06"),
        ("this week", "2026-03-06"),
        ("by the end of the week", "2026-03-06"),
        ("next week", "2026-03-13"),
        ("by next week", "2026-03-09"),
        ("early next week", "2026-03-09"),
        ("end of next week", "2026-03-13"),
        ("end of the month", "2026-03-31"),
        ("by the end of this month", "2026-03-31"),
        ("next month", "2026-04-30"),
        ("early next month", "2026-04-01"),
        ("end of the quarter", "2026-03-31"),
        ("end of Q2", "2026-06-30"),
        ("end of the year", "2026-12-31"),
        ("by the 3rd", "2026-04-03"),
        ("by the 4th", "2026-03-04"),
        ("on the 20th", "2026-03-20"),
        ("before the twentieth", "2026-03-20"),
        ("by the twenty-third", "2026-03-23"),
        ("Friday the 13th", "2026-03-13"),
        ("March 18", "2026-03-18"),
        ("March 18th", "2026-03-18"),
        ("18th of March", "2026-03-18"),
        ("the 18th of March", "2026-03-18"),
        ("March 2nd", "2027-03-02"),
        ("by June", "2026-06-01"),
        ("end of June", "2026-06-30"),
        ("in two weeks", "2026-03-18"),
        ("within 3 days", "2026-03-07"),
        ("in a couple of weeks", "2026-03-18"),
        ("two weeks from now", "2026-03-18"),
        ("2026-04-15", "2026-04-15"),
        ("an invite for next Tuesday, sent right after this call", "2026-03-04"),
        ("at the end of the day it's your call", nil),
        ("last Friday", nil),
        ("yesterday", nil),
        ("the second option", nil),
        ("may I ask something", nil),
        ("sometime", nil),
        ("", nil),
    ]

    @Test(arguments: wednesdayCases)
    func resolvesFromAWednesday(_ phrase: String, _ expected: String?) {
        #expect(DueDateResolver(meetingDate: Fixtures.wednesday).resolve(phrase) == expected)
    }

    @Test func usesTheUTCDayOfTheMeeting() {
        // 2026-03-04 23:30 UTC is still Wednesday in UTC whatever the machine's time zone says.
        let lateWednesday = Date(timeIntervalSince1970: 1_772_667_000)
        #expect(DueDateResolver(meetingDate: lateWednesday).resolve("tomorrow") == "2026-03-05")
    }

    @Test func handlesLeapYearsAndYearEnds() {
        let leapFebruary = Date(timeIntervalSince1970: 1_835_308_800)  // 2028-02-28
        #expect(DueDateResolver(meetingDate: leapFebruary).resolve("end of the month") == "2028-02-29")
        let newYearsEve = Date(timeIntervalSince1970: 1_798_588_800)  // 2026-12-30, a Wednesday
        let resolver = DueDateResolver(meetingDate: newYearsEve)
        #expect(resolver.resolve("tomorrow") == "2026-12-31")
        #expect(resolver.resolve("next week") == "2027-01-08")
        #expect(resolver.resolve("end of next month") == "2027-01-31")
        #expect(resolver.resolve("by January 5") == "2027-01-05")
    }

    @Test func aWeekendMeetingLooksAtTheComingWeek() {
        let saturday = Date(timeIntervalSince1970: 1_772_841_600)  // 2026-03-07
        let resolver = DueDateResolver(meetingDate: saturday)
        #expect(resolver.resolve("this week") == "2026-03-13")
        #expect(resolver.resolve("Monday") == "2026-03-09")
        #expect(resolver.resolve("next Monday") == "2026-03-09")
    }
}
