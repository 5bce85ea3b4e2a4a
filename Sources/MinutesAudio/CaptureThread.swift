import CALSA
import MinutesCore

#if canImport(Glibc)
import Glibc
#endif

/// A dedicated POSIX thread for blocking capture loops, with the join that Foundation's `Thread`
/// lacks.
///
/// Capture blocks in `snd_pcm_wait` between periods. On the Swift concurrency pool (one thread
/// per core, two on the target machine) that would stall every other task, and a late read means
/// an overrun, so capture gets a thread of its own that only reads, converts and yields.
enum CaptureThread {
    /// Starts `body` on a new thread named `name` (at most 15 bytes are kept).
    ///
    /// - Returns: The thread, to be passed to ``join(_:)`` exactly once.
    /// - Throws: `MinutesError(.invalidInput)` when the system refuses to create a thread.
    static func start(name: String, _ body: @escaping @Sendable () -> Void) throws -> pthread_t {
        let context = Unmanaged.passRetained(Body(name: name, run: body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread,
            nil,
            { raw in
                guard let raw else { return nil }
                let body = Unmanaged<Body>.fromOpaque(raw).takeRetainedValue()
                _ = minutes_alsa_name_current_thread(body.name)
                body.run()
                return nil
            },
            context
        )
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw MinutesError(
                .invalidInput,
                "cannot start the capture thread: \(String(cString: strerror(result)))"
            )
        }
        return thread
    }

    /// Waits for `thread` to end and releases it.
    static func join(_ thread: pthread_t) {
        _ = pthread_join(thread, nil)
    }

    /// Whether the caller runs on `thread` (a thread must never join itself).
    static func isCurrent(_ thread: pthread_t) -> Bool {
        pthread_equal(thread, pthread_self()) != 0
    }

    /// The closure and name handed to the new thread through `pthread_create`'s context pointer.
    private final class Body: Sendable {
        let name: String
        let run: @Sendable () -> Void

        init(name: String, run: @escaping @Sendable () -> Void) {
            self.name = name
            self.run = run
        }
    }
}
