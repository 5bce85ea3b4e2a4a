import Foundation

extension SearchQuery {
    /// A query from what a person typed on a command line or in a request, every part checked.
    ///
    /// - Parameters:
    ///   - kinds: `said`, `decision`, `action`; none means all.
    ///   - raw: `text` is the backend's own syntax (``raw``), not Minutes' query syntax.
    /// - Throws: `.invalidInput` naming what is wrong: no word to find, a date that does not
    ///   parse or a range that runs backwards, an unknown kind or session id, a limit out of range.
    public init(
        text: String,
        speaker: String? = nil,
        since: String? = nil,
        until: String? = nil,
        session: String? = nil,
        kinds: [String] = [],
        limit: Int? = nil,
        raw: Bool = false,
        timeZone: TimeZone = .current
    ) throws {
        let parsedKinds = try kinds.map { name in
            guard let kind = SearchHit.Kind(rawValue: name.lowercased()) else {
                let known = SearchHit.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw MinutesError(.invalidInput, "unknown kind '\(name.prefix(40))'; use one of \(known)")
            }
            return kind
        }
        var sessionID: SessionID?
        if let session {
            guard let id = SessionID(parsing: session) else {
                throw MinutesError(.invalidInput, "'\(session.prefix(40))' is not a session id (ses_…)")
            }
            sessionID = id
        }
        let trimmedSpeaker = speaker?.trimmingCharacters(in: .whitespaces)
        try self.init(
            expression: try SearchExpression(parsing: text),
            speaker: trimmedSpeaker?.isEmpty == true ? nil : trimmedSpeaker,
            since: try since.map { try SearchDateBound.parse($0, endOfDay: false, timeZone: timeZone) },
            until: try until.map { try SearchDateBound.parse($0, endOfDay: true, timeZone: timeZone) },
            session: sessionID,
            kinds: Set(parsedKinds),
            limit: limit ?? 20,
            raw: raw ? text : nil
        )
    }
}
