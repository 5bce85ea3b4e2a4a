import Foundation

/// The dates a search is bounded by, as people type them.
public enum SearchDateBound {
    /// Reads `2026-12-01` (that day in `timeZone`) or an ISO 8601 moment
    /// (`2026-12-01T09:30:00Z`).
    ///
    /// - Parameter endOfDay: a bare day as an upper bound means up to the end of that day, so
    ///   `--until 2026-12-01` includes meetings of the first.
    /// - Throws: `.invalidInput` naming the text and the forms accepted.
    public static func parse(_ text: String, endOfDay: Bool, timeZone: TimeZone = .current) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let moment = try? Date(trimmed, strategy: .iso8601) {
            return moment
        }
        let day = Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day()
        guard let start = try? Date(trimmed, strategy: day) else {
            throw MinutesError(
                .invalidInput,
                "'\(trimmed.prefix(40))' is not a date: write 2026-12-01 or 2026-12-01T09:30:00Z"
            )
        }
        guard endOfDay else { return start }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(byAdding: .day, value: 1, to: start) ?? start
    }
}
