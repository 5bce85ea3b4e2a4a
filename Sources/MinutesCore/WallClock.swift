import Foundation

/// The current date, injected so that retention and timestamps can be tested.
///
/// Swift's `Clock` measures durations; session dates and export ages need calendar time.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The system's clock.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}
