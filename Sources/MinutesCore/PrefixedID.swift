/// What distinguishes one kind of identifier from another: its prefix.
public protocol IdentifierKind: Sendable {
    /// The prefix every id of this kind starts with, such as `ses_`.
    static var prefix: String { get }
}

/// A prefixed, lowercase hex identifier such as `ses_5d41402abc4b` or `spk_3f2a9c`.
///
/// Ids appear in paths, URLs and file names, so they are restricted to a shape that needs
/// no escaping; and a pasted id says what kind of thing it names. The phantom `Kind` keeps
/// a session id from being passed where a speaker id is expected.
public struct PrefixedID<Kind: IdentifierKind>: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Wraps a string that is already known to be an id of this kind (read back from storage).
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Parses user input, accepting only the prefix followed by 6 to 32 lowercase hex digits.
    public init?(parsing text: String) {
        guard Identifier.isWellFormed(text, prefix: Kind.prefix) else { return nil }
        self.rawValue = text
    }

    /// A fresh random id of this kind.
    public static func random() -> Self {
        Self(rawValue: Identifier.random(prefix: Kind.prefix))
    }

    /// A random id drawn from `generator`, so tests and demos can make ids reproducible.
    public static func random(using generator: inout some RandomNumberGenerator) -> Self {
        Self(rawValue: Identifier.random(prefix: Kind.prefix, using: &generator))
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum SessionKind: IdentifierKind { public static let prefix = "ses_" }
public enum SpeakerKind: IdentifierKind { public static let prefix = "spk_" }
public enum ProfileKind: IdentifierKind { public static let prefix = "prf_" }
public enum ExportKind: IdentifierKind { public static let prefix = "exp_" }
public enum JobKind: IdentifierKind { public static let prefix = "job_" }

public typealias SessionID = PrefixedID<SessionKind>
public typealias SpeakerID = PrefixedID<SpeakerKind>
public typealias ProfileID = PrefixedID<ProfileKind>
public typealias ExportID = PrefixedID<ExportKind>
/// A background job; a processed meeting's id in the service API is its job's id.
public typealias JobID = PrefixedID<JobKind>

extension PrefixedID where Kind == SpeakerKind {
    /// The stable id of `cluster` in `session`.
    ///
    /// Hashing the session id with the diarizer's cluster label means the same cluster in the
    /// same session always gets the same id, while ids of different sessions do not reveal
    /// that two voices are the same person.
    /// - Parameters:
    ///   - session: the session the speaker belongs to.
    ///   - cluster: the diarizer's label for the voice (for example `"0"` or `"SPEAKER_01"`).
    ///   - salt: bumped only when two clusters of one session collide on the short hash.
    public static func derived(session: SessionID, cluster: String, salt: Int = 0) -> SpeakerID {
        let key = "\(session.rawValue)/\(cluster)" + (salt == 0 ? "" : "#\(salt)")
        return SpeakerID(rawValue: Kind.prefix + Identifier.shortHash(key, hexDigits: 6))
    }
}
