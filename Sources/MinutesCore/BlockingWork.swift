import Dispatch

/// Runs long, blocking native calls (a Whisper decode, a diarization pass) on a Dispatch
/// worker thread instead of the Swift concurrency pool.
///
/// The pool has one thread per core; on a 2-core machine a second-long C call there would
/// stall every other task (captions, key handling) until it returns.
public enum BlockingWork {
    public static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
