import Foundation

/// A day of the proleptic Gregorian calendar, counted in days from 1970-01-01, in UTC.
///
/// Due dates are whole days in UTC, so plain day arithmetic is all the summarizer needs. Doing it
/// by hand (Howard Hinnant's civil-date algorithms) instead of through `Calendar` keeps resolution
/// independent of the machine's time zone and locale, which is what makes the output deterministic.
struct CalendarDay: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01.
    let ordinal: Int

    init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// The UTC day that contains `date`.
    init(_ date: Date) {
        ordinal = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// `nil` when the month or day does not exist (February 30th, month 13).
    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.daysInMonth(year: year, month: month)).contains(day) else {
            return nil
        }
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        ordinal = era * 146_097 + dayOfEra - 719_468
    }

    var year: Int { civil.year }
    var month: Int { civil.month }
    var day: Int { civil.day }

    /// 1 for Monday through 7 for Sunday (ISO 8601); 1970-01-01 was a Thursday.
    var isoWeekday: Int {
        ((ordinal % 7 + 7) % 7 + 3) % 7 + 1
    }

    func adding(days: Int) -> CalendarDay {
        CalendarDay(ordinal: ordinal + days)
    }

    /// The last day of this day's month.
    var endOfMonth: CalendarDay {
        let (year, month, _) = civil
        return CalendarDay(year: year, month: month, day: Self.daysInMonth(year: year, month: month)) ?? self
    }

    /// `2026-03-04`.
    var iso: String {
        let (year, month, day) = civil
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    private var civil: (year: Int, month: Int, day: Int) {
        let shifted = ordinal + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
