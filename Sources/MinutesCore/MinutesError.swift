/// The one error type of Minutes' core and adapters.
///
/// It carries a ``Code`` that callers branch on (the CLI maps `.notFound` to exit code 2,
/// the server to HTTP 404), a message written for the person at the keyboard, and the
/// underlying cause. Messages never contain transcript text or voice prints.
public struct MinutesError: Error, CustomStringConvertible, Equatable {
    /// What went wrong, coarse enough to map onto exit codes and HTTP statuses.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// A session, speaker, export or profile id that does not exist.
        public static let notFound = Code("not_found")
        /// Input that cannot be used as given (a malformed id, a bad option value).
        public static let invalidInput = Code("invalid_input")
        /// Something that would overwrite or duplicate existing data without being asked to.
        public static let conflict = Code("conflict")
        /// The database or storage directory cannot be used (unwritable, corrupt, too new).
        public static let storage = Code("storage")
        /// There is nothing to work on (an empty session, silence).
        public static let empty = Code("empty")
        /// A model or engine the work needs is missing or cannot load; the data is fine and the
        /// same request can succeed once it is installed (the server answers 503).
        public static let unavailable = Code("unavailable")
        /// The terminal cannot show the full-screen console (an unknown `TERM`, not a
        /// terminal); the console falls back to plain lines.
        public static let terminal = Code("terminal")

        public var description: String { name }
    }

    public let code: Code
    public let message: String
    public let cause: (any Error)?

    public init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        guard let cause else { return message }
        return "\(message) (\(cause))"
    }

    /// Errors compare by code only: the message is for people, not for branching.
    public static func == (lhs: MinutesError, rhs: MinutesError) -> Bool { lhs.code == rhs.code }

    public static func unknownSession(_ id: String) -> MinutesError {
        MinutesError(.notFound, "unknown session id '\(id)' (see `minutes sessions list`)")
    }

    /// Speech for a session whose meeting is over (a refine may be replacing its timeline).
    public static func sessionEnded(_ session: SessionID) -> MinutesError {
        MinutesError(.conflict, "session \(session) has ended; it takes no more speech")
    }

    /// A second refine of a session while one runs (in this process or another).
    public static func refineRunning(_ session: SessionID) -> MinutesError {
        MinutesError(.conflict, "a refine of session \(session) is already running; wait for it to finish")
    }

    public static func unknownSpeaker(_ id: String, in session: SessionID) -> MinutesError {
        MinutesError(.notFound, "unknown speaker id '\(id)' in session \(session)")
    }

    public static func unknownExport(_ id: String) -> MinutesError {
        MinutesError(.notFound, "unknown export id '\(id)' (see `minutes exports list`)")
    }
}
