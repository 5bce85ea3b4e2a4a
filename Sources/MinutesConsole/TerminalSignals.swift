import Dispatch
import Glibc

/// Catches the signals that should end the console (`SIGINT`, `SIGTERM`, `SIGHUP`) while it
/// owns the terminal, so they stop the meeting in order instead of killing the process.
///
/// Killed by the default action, the process would leave the terminal without echo and in
/// the alternate screen, and the recording without its final header. Caught, a signal reaches
/// ``ConsoleApp`` as a confirmed quit: the engine stores the session, then the terminal is
/// restored. Dispatch signal sources deliver them on a queue (on Linux through a `signalfd`),
/// never inside a signal handler. Since Dispatch then owns the signal's action, ncurses does
/// not install its own handler (which would restore the terminal and `exit` at once).
///
/// A signal the process already ignores (`nohup` ignores `SIGHUP`) stays ignored. ``restore()``
/// puts the previous actions back.
@MainActor
public final class TerminalSignals {
    /// The signals a person or the system uses to end a program: Ctrl-C, `kill`, hang-up.
    public nonisolated static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private nonisolated static let queue = DispatchQueue(label: "minutes.console.signals")
    private var sources: [any DispatchSourceSignal]
    private var previousActions: [(signal: Int32, action: sigaction)]

    /// Starts catching `signals`; returns once each is registered, so none arriving after it
    /// returns is missed.
    ///
    /// - Parameters:
    ///   - signals: The signals to catch.
    ///   - handler: Called on a Dispatch queue for each signal that arrives.
    public init(catching signals: [Int32], handler: @escaping @Sendable (Int32) -> Void) async {
        sources = []
        previousActions = []
        for signal in Set(signals).sorted() {
            var previous = sigaction()
            guard sigaction(signal, nil, &previous) == 0, !TerminalSignals.isIgnored(previous) else { continue }
            previousActions.append((signal, previous))
            let source = await TerminalSignals.register(signal, handler: handler)
            sources.append(source)
        }
    }

    /// Creates and resumes the source for `signal`, returning once Dispatch has registered it.
    ///
    /// Nonisolated, so its handlers are too: Dispatch calls them on ``queue``, and closures
    /// formed on the main actor would assert that they run there.
    private nonisolated static func register(
        _ signal: Int32,
        handler: @escaping @Sendable (Int32) -> Void
    ) async -> any DispatchSourceSignal {
        let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
        source.setEventHandler { handler(signal) }
        await withCheckedContinuation { (registered: CheckedContinuation<Void, Never>) in
            source.setRegistrationHandler { registered.resume() }
            source.resume()
        }
        return source
    }

    /// The signals being caught.
    public var caughtSignals: [Int32] { previousActions.map(\.signal) }

    /// Stops catching and puts back the actions the signals had before.
    public func restore() {
        for source in sources { source.cancel() }
        sources = []
        for (signal, action) in previousActions {
            var action = action
            sigaction(signal, &action, nil)
        }
        previousActions = []
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
