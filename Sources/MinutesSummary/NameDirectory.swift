import Foundation

/// The people a sentence can name as an owner: the speakers and the participants given.
///
/// People address each other by first name ("Marcus, can you…"), transcribers drop accents
/// ("Tomas"), and speech-to-text may lowercase everything, so names are matched on their first
/// word, case- and accent-insensitively, and always reported as the display name.
struct NameDirectory: Sendable {
    /// The display name for each folded name or first name.
    private var names: [String: String] = [:]

    init(people: [String]) {
        for person in people {
            let words = person.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let first = words.first else { continue }
            let full = Self.fold(person)
            if names[full] == nil { names[full] = person }
            // "Speaker 2" is addressed by neither word, so generic labels register their full form only.
            let firstKey = Self.fold(first)
            if words.count > 1, !Self.generic.contains(firstKey), names[firstKey] == nil {
                names[firstKey] = person
            }
        }
    }

    /// The display name of the person `token` names, if it names one.
    func person(named token: Token) -> String? {
        var key = Self.fold(token.norm)
        if key.hasSuffix("'s") { key.removeLast(2) }
        guard key.count > 1, key != "i" else { return nil }
        return names[key]
    }

    /// Folds case and accents: "Tomás" and "tomas" are the same name.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private static let generic: Set<String> = ["speaker", "unknown", "guest", "participant", "user"]
}
