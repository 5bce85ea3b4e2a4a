import Foundation
import MinutesCore
import Synchronization

/// A ``WallClock`` that stands still until a test moves it.
public final class FixedWallClock: WallClock {
    private let current: Mutex<Date>

    public init(_ date: Date = Date(timeIntervalSince1970: 1_764_000_000)) {
        current = Mutex(date)
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward by `days` days.
    public func advance(days: Double) {
        current.withLock { $0 = $0.addingTimeInterval(days * 86_400) }
    }
}
