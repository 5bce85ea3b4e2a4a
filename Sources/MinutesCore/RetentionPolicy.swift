import Foundation

/// How long stored exports are kept: `MINUTES_EXPORT_RETENTION_DAYS`, default 30 days,
/// `none` to keep them forever.
public struct RetentionPolicy: Hashable, Sendable {
    /// Days to keep; `nil` keeps everything.
    public var days: Int?

    public static let defaultDays = 30

    public init(days: Int?) {
        self.days = days
    }

    /// Parses a setting: a whole number of days (0 or more), or `none`.
    public init(parsing text: String?) throws {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            self.days = Self.defaultDays
            return
        }
        if text.lowercased() == "none" {
            self.days = nil
            return
        }
        guard let days = Int(text), days >= 0 else {
            throw MinutesError(
                .invalidInput,
                "invalid export retention '\(text)': give a whole number of days (0 or more) or 'none'"
            )
        }
        self.days = days
    }

    /// The instant before which exports are expired, or `nil` when nothing expires.
    public func cutoff(now: Date) -> Date? {
        days.map { now.addingTimeInterval(-Double($0) * 86_400) }
    }
}
