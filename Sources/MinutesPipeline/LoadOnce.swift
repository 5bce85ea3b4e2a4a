import MinutesCore
import Synchronization

/// A value that is expensive to make (a Whisper model, an ONNX session), made on first use and
/// shared by every caller afterwards.
///
/// Loading runs through ``BlockingWork`` while holding the lock, so callers that arrive during
/// the first load wait for it instead of loading a second copy, and no Swift concurrency thread
/// is blocked by the native load. A failed load is not remembered: the next caller tries again,
/// so installing a missing model fixes a running service.
public final class LoadOnce<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)
    private let load: @Sendable () throws -> Value

    public init(_ load: @escaping @Sendable () throws -> Value) {
        self.load = load
    }

    /// The value, loading it first if no caller has yet.
    public func value() async throws -> Value {
        if let loaded = state.withLock({ $0 }) { return loaded }
        return try await BlockingWork.run {
            try self.state.withLock { state in
                if let loaded = state { return loaded }
                let loaded = try self.load()
                state = loaded
                return loaded
            }
        }
    }

    /// Whether a caller has loaded the value, for health reports.
    public var isLoaded: Bool { state.withLock { $0 != nil } }
}
