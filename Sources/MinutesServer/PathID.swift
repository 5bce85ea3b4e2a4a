import Hummingbird
import MinutesCore

/// Reads ids from the path and the body.
///
/// Text that is not a well-formed id cannot name anything that exists (ids are `ses_` plus
/// hex, never `..` or `/`), so it is answered like an unknown id, 404, and never reaches the
/// store or the export directory.
enum PathID {
    static func session(_ context: MinutesRequestContext) throws -> SessionID {
        try session(try context.parameters.require("id"))
    }

    static func session(_ text: String) throws -> SessionID {
        guard let id = SessionID(parsing: text) else { throw MinutesError.unknownSession(text.prefix(64).description) }
        return id
    }

    static func speaker(_ text: String, in session: SessionID) throws -> SpeakerID {
        guard let id = SpeakerID(parsing: text) else {
            throw MinutesError.unknownSpeaker(text.prefix(64).description, in: session)
        }
        return id
    }

    static func export(_ context: MinutesRequestContext) throws -> ExportID {
        let text = try context.parameters.require("id")
        guard let id = ExportID(parsing: text) else { throw MinutesError.unknownExport(text.prefix(64).description) }
        return id
    }

    static func meeting(_ context: MinutesRequestContext) throws -> JobID {
        let text = try context.parameters.require("id")
        guard let id = JobID(parsing: text) else {
            throw MinutesError(.notFound, "unknown meeting id '\(text.prefix(64))'")
        }
        return id
    }
}
