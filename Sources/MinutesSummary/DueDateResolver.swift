import Foundation

/// Turns the ways people say a deadline ("by Friday", "tomorrow", "next week", "end of the month",
/// "by the 3rd") into an ISO day, counted from the meeting's date in UTC.
///
/// The conventions, chosen to match what a careful reader would write down:
/// - a bare weekday is its next occurrence after the meeting ("Friday" said on a Friday is a week on);
/// - "next Monday" is the Monday of the following week, "this Friday" the one of the meeting's week;
/// - "next week" is the Friday of next week, but "by next week" and "early next week" its Monday;
/// - "this week" and "end of the week" are this week's Friday;
/// - "end of the month" is its last day, "next month" the last day of the next one;
/// - "by the 3rd" is the next 3rd on or after the meeting, "March 18" the next such day;
/// - "after this call", "after this", "this afternoon", "end of day" are the meeting's day.
///
/// A date introduced by "for" or "of" ("an invite for next Tuesday") names an event rather than a
/// deadline, so another date in the same phrase is preferred to it.
public struct DueDateResolver: Sendable {
    let today: CalendarDay

    /// - Parameter meetingDate: when the meeting took place; only its UTC day matters.
    public init(meetingDate: Date) {
        today = CalendarDay(meetingDate)
    }

    /// The ISO day (`2026-03-06`) that `phrase` names as a deadline, or `nil` when it names none.
    public func resolve(_ phrase: String) -> String? {
        let words = SentenceSplitter.split(phrase).flatMap { Tokenizer.tokens(of: $0) }.map(\.norm)
        return bestMatch(in: words, within: 0..<words.count)?.day.iso
    }

    /// A resolved deadline and the tokens that said it.
    struct Match: Hashable, Sendable {
        let day: CalendarDay
        let range: Range<Int>
    }

    /// The deadline said within `range` of `words` (normalized tokens), preferring one that is not
    /// the date of an event.
    func bestMatch(in words: [String], within range: Range<Int>) -> Match? {
        let found = matches(in: words, within: range)
        let deadline = found.first { match in
            let before = match.range.lowerBound - 1
            return before < 0 || !["for", "of"].contains(words[before])
        }
        return deadline ?? found.first
    }

    /// Every date said within `range`, left to right, not overlapping.
    func matches(in words: [String], within range: Range<Int>) -> [Match] {
        var found: [Match] = []
        var index = range.lowerBound
        let view = WordView(words: words, limit: range.upperBound)
        while index < range.upperBound {
            if let (day, length) = match(at: index, view) {
                found.append(Match(day: day, range: index..<(index + length)))
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    /// Bounds-checked access: words past the window read as "".
    struct WordView {
        let words: [String]
        let limit: Int
        subscript(_ index: Int) -> String {
            index >= 0 && index < limit && index < words.count ? words[index] : ""
        }
        /// The word before `index`, even outside the window: "by" in "by next week".
        func before(_ index: Int) -> String {
            index > 0 && index - 1 < words.count ? words[index - 1] : ""
        }
    }

    // MARK: - Matching

    private func match(at index: Int, _ word: WordView) -> (CalendarDay, Int)? {
        let first = word[index]
        if let day = isoDay(first) { return (day, 1) }
        if let matched = relativeDay(at: index, word) { return matched }
        if let matched = weekPhrase(at: index, word) { return matched }
        if let matched = monthPhrase(at: index, word) { return matched }
        if let matched = weekdayPhrase(at: index, word) { return matched }
        if let matched = dayOfMonthPhrase(at: index, word) { return matched }
        if let matched = spanPhrase(at: index, word) { return matched }
        return nil
    }

    /// today, tonight, tomorrow, this afternoon, after this call, end of day.
    private func relativeDay(at index: Int, _ word: WordView) -> (CalendarDay, Int)? {
        let (first, second, third) = (word[index], word[index + 1], word[index + 2])
        switch first {
        case "today", "tonight", "eod", "cob", "asap":
            return (today, 1)
        case "tomorrow":
            return (today.adding(days: 1), 1)
        case "day" where second == "after" && third == "tomorrow":
            return (today.adding(days: 2), 3)
        case "this" where ["morning", "afternoon", "evening"].contains(second):
            return (today, 2)
        case "later" where second == "today":
            return (today, 2)
        case "after" where second == "lunch", "before" where second == "lunch":
            return (today, 2)
        case "after" where ["this", "the"].contains(second) && Self.meetingWords.contains(third):
            return (today, 3)
        case "after" where Self.meetingWords.contains(second):
            return (today, 2)
        case "after" where second == "this" && (third.isEmpty || ["and", "then", "today"].contains(third)):
            // "I'll message her after this": after this meeting.
            return (today, 2)
        case "end" where second == "of" && (third == "day" || third == "business"),
            "close" where second == "of" && third == "business":
            return Self.deadlinePrepositions.contains(word.before(index)) ? (today, 3) : nil
        case "end" where second == "of" && third == "the" && word[index + 3] == "day":
            return Self.deadlinePrepositions.contains(word.before(index)) ? (today, 4) : nil
        default:
            return nil
        }
    }

    /// this week, next week, end of the week, early next week.
    private func weekPhrase(at index: Int, _ word: WordView) -> (CalendarDay, Int)? {
        let weekday = today.isoWeekday
        let thisFriday = today.adding(days: weekday <= 5 ? 5 - weekday : 12 - weekday)
        let nextMonday = today.adding(days: 8 - weekday)
        let nextFriday = today.adding(days: 12 - weekday)
        let (first, second, third) = (word[index], word[index + 1], word[index + 2])
        switch first {
        case "eow":
            return (thisFriday, 1)
        case "this" where second == "week":
            return (thisFriday, 2)
        case "later" where second == "this" && third == "week":
            return (thisFriday, 3)
        case "next" where second == "week":
            return (["by", "before", "until", "till"].contains(word.before(index)) ? nextMonday : nextFriday, 2)
        case "early", "beginning", "start":
            let offset = second == "of" ? 1 : 0
            if word[index + 1 + offset] == "next", word[index + 2 + offset] == "week" {
                return (nextMonday, 3 + offset)
            }
            return nil
        case "end" where second == "of":
            let skip = third == "the" || third == "this" ? 1 : 0
            let unit = word[index + 2 + skip]
            if unit == "week" { return (thisFriday, 3 + skip) }
            if unit == "next", word[index + 3 + skip] == "week" { return (nextFriday, 4 + skip) }
            return nil
        default:
            return nil
        }
    }

    /// this month, next month, end of the month, end of the quarter, end of June, by June.
    private func monthPhrase(at index: Int, _ word: WordView) -> (CalendarDay, Int)? {
        let (first, second, third) = (word[index], word[index + 1], word[index + 2])
        let nextMonthStart = today.endOfMonth.adding(days: 1)
        switch first {
        case "eom":
            return (today.endOfMonth, 1)
        case "this" where second == "month":
            return (today.endOfMonth, 2)
        case "next" where second == "month":
            let byStart = ["by", "before", "until", "till"].contains(word.before(index))
            return (byStart ? nextMonthStart : nextMonthStart.endOfMonth, 2)
        case "early", "beginning", "start":
            let offset = second == "of" ? 1 : 0
            if word[index + 1 + offset] == "next", word[index + 2 + offset] == "month" {
                return (nextMonthStart, 3 + offset)
            }
            return nil
        case "end" where second == "of":
            let skip = third == "the" || third == "this" ? 1 : 0
            let unit = word[index + 2 + skip]
            switch unit {
            case "month": return (today.endOfMonth, 3 + skip)
            case "next" where word[index + 3 + skip] == "month": return (nextMonthStart.endOfMonth, 4 + skip)
            case "quarter": return (endOfQuarter(containing: today.month), 3 + skip)
            case "q1", "q2", "q3", "q4":
                let quarter = Int(String(unit.dropFirst())) ?? 1
                return (endOfQuarter(containing: quarter * 3), 3 + skip)
            case "year": return (CalendarDay(year: today.year, month: 12, day: 31) ?? today, 3 + skip)
            default:
                if let month = Self.months[unit] {
                    return (monthStart(month).endOfMonth, 3 + skip)
                }
                return nil
            }
        default:
            guard let month = Self.months[first] else { return nil }
            if let day = Self.dayNumber(second), let date = monthDay(month: month, day: day) {
                return (date, 2)
            }
            if second == "the", let day = Self.dayNumber(third), let date = monthDay(month: month, day: day) {
                return (date, 3)
            }
            // "may" alone is a verb far more often than a month.
            guard first != "may" else { return nil }
            switch word.before(index) {
            case "by", "before", "until", "till": return (monthStart(month), 1)
            case "in", "during": return (monthStart(month).endOfMonth, 1)
            default: return nil
            }
        }
    }

    /// Friday, this Friday, next Monday, Friday the 13th, Monday morning.
    private func weekdayPhrase(at index: Int, _ word: WordView) -> (CalendarDay, Int)? {
        var position = index
        var qualifier = ""
        if word[index] == "next" || word[index] == "this" || word[index] == "coming" {
            qualifier = word[index]
            position += 1
        }
        guard let target = Self.weekdayIndex(word[position]) else { return nil }
        // "last Friday", "since Monday": the past is no deadline.
        if qualifier.isEmpty, ["last", "since", "past", "previous"].contains(word.before(index)) { return nil }
        var length = position - index + 1
        // "Friday the thirteenth" is most precisely the 13th.
        if let (day, extra) = dayOfMonth(at: position + 1, word, requirePreposition: false) {
            return (day, length + extra)
        }
        if Self.dayParts.contains(word[position + 1]) { length += 1 }
        let weekday = today.isoWeekday
        let day: CalendarDay
        switch qualifier {
        case "next":
            day = today.adding(days: 8 - weekday + target - 1)
        case "this":
            let delta = target - weekday
            day = today.adding(days: delta >= 0 ? delta : delta + 7)
        default:
            let delta = (target - weekday + 7) % 7
            day = today.adding(days: delta == 0 ? 7 : delta)
        }
        return (day, length)
    }

    /// by the 3rd, on the twentieth, before the 15th of April, 3rd of April.
    private func dayOfMonthPhrase(at index: Int, _ word: WordView) -> (CalendarDay, Int)? {
        if let number = Self.dayNumber(word[index]), word[index + 1] == "of", let month = Self.months[word[index + 2]],
            let date = monthDay(month: month, day: number)
        {
            return (date, 3)
        }
        if let number = Self.dayNumber(word[index]), let month = Self.months[word[index + 1]],
            let date = monthDay(month: month, day: number), Self.isOrdinalOrSmall(word[index])
        {
            return (date, 2)
        }
        return dayOfMonth(at: index, word, requirePreposition: true)
    }

    private func dayOfMonth(at index: Int, _ word: WordView, requirePreposition: Bool) -> (CalendarDay, Int)? {
        guard word[index] == "the", let number = Self.dayNumber(word[index + 1]), Self.isOrdinal(word[index + 1]) else {
            return nil
        }
        if requirePreposition, !["by", "on", "before", "until", "till"].contains(word.before(index)) {
            return nil
        }
        if word[index + 2] == "of", let month = Self.months[word[index + 3]] {
            return monthDay(month: month, day: number).map { ($0, 4) }
        }
        if number >= today.day, let date = CalendarDay(year: today.year, month: today.month, day: number) {
            return (date, 2)
        }
        let next = today.endOfMonth.adding(days: 1)
        return CalendarDay(year: next.year, month: next.month, day: number).map { ($0, 2) }
    }

    /// in two weeks, within 3 days, two weeks from now, in a couple of weeks.
    private func spanPhrase(at index: Int, _ word: WordView) -> (CalendarDay, Int)? {
        var position = index
        let opener = word[index]
        if opener == "in" || opener == "within" { position += 1 }
        var count: Int?
        var consumed = 1
        if word[position] == "a", word[position + 1] == "couple", word[position + 2] == "of" {
            count = 2
            consumed = 3
        } else {
            count = Self.countWords[word[position]] ?? Int(word[position])
        }
        guard let count, count > 0, count <= 60 else { return nil }
        let unit = word[position + consumed]
        let days: Int
        switch unit {
        case "day", "days": days = count
        case "week", "weeks": days = count * 7
        case "month", "months": days = count * 30
        default: return nil
        }
        let length = position - index + consumed + 1
        if opener == "in" || opener == "within" {
            return (today.adding(days: days), length)
        }
        if word[index + length] == "from", ["now", "today"].contains(word[index + length + 1]) {
            return (today.adding(days: days), length + 2)
        }
        return nil
    }

    // MARK: - Days

    private func monthStart(_ month: Int) -> CalendarDay {
        let year = month < today.month ? today.year + 1 : today.year
        return CalendarDay(year: year, month: month, day: 1) ?? today
    }

    /// The next `month`/`day` on or after the meeting.
    private func monthDay(month: Int, day: Int) -> CalendarDay? {
        guard let date = CalendarDay(year: today.year, month: month, day: day) else { return nil }
        return date >= today ? date : CalendarDay(year: today.year + 1, month: month, day: day)
    }

    private func endOfQuarter(containing month: Int) -> CalendarDay {
        let lastMonth = ((month - 1) / 3) * 3 + 3
        let year = lastMonth < today.month ? today.year + 1 : today.year
        return CalendarDay(year: year, month: lastMonth, day: CalendarDay.daysInMonth(year: year, month: lastMonth))
            ?? today
    }

    private func isoDay(_ word: String) -> CalendarDay? {
        let parts = word.split(separator: "-")
        guard word.count == 10, parts.count == 3, parts[0].count == 4, let year = Int(parts[0]),
            let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    // MARK: - Words

    private static func weekdayIndex(_ word: String) -> Int? {
        if let index = Lexicon.weekdays.firstIndex(of: word) { return index + 1 }
        if let index = Lexicon.weekdays.firstIndex(of: word.hasSuffix("s") ? String(word.dropLast()) : "") {
            return index + 1
        }
        return nil
    }

    /// 3, 3rd, third, twenty-first: a day of the month.
    static func dayNumber(_ word: String) -> Int? {
        if let value = ordinalWords[word] { return value }
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(2)
            break
        }
        guard let value = Int(digits), (1...31).contains(value) else { return nil }
        return value
    }

    private static func isOrdinal(_ word: String) -> Bool {
        ordinalWords[word] != nil
            || ["st", "nd", "rd", "th"].contains { word.hasSuffix($0) && word.first?.isNumber == true }
    }

    private static func isOrdinalOrSmall(_ word: String) -> Bool {
        isOrdinal(word) || word.allSatisfy(\.isNumber)
    }

    private static let meetingWords: Set<String> = ["call", "meeting", "stand-up", "standup", "sync", "session"]
    private static let dayParts: Set<String> = ["morning", "afternoon", "evening", "night", "eod", "noon", "lunchtime"]
    private static let deadlinePrepositions: Set<String> = ["by", "before", "until", "till", "for"]

    private static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    private static let countWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "couple": 2,
    ]

    private static let ordinalWords: [String: Int] = {
        let units = [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth",
        ]
        var table: [String: Int] = [:]
        for (offset, word) in units.enumerated() {
            table[word] = offset + 1
        }
        for (offset, word) in units.prefix(9).enumerated() {
            table["twenty-" + word] = 21 + offset
        }
        table["thirtieth"] = 30
        table["thirty-first"] = 31
        return table
    }()
}
