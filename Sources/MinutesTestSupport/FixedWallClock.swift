import Foundation
import MinutesCore
import Synchronization

/// A ``WallClock`` that stands still until a test moves it.
public final class FixedWallClock: WallClock {
    private let current: Mutex<Date>

    public init(_ date: Date = MeetingFixture.startedAt) {
        current = Mutex(date)
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds`.
    public func advance(seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Moves the clock forward by `days` days.
    public func advance(days: Double) {
        advance(seconds: days * 86_400)
    }
}
