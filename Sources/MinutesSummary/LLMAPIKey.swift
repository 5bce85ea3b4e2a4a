import Foundation

/// The API key of an LLM endpoint, kept out of every log line, error and dump.
///
/// Printing, interpolating, `dump`ing or mirroring it shows `<redacted>`; the only way to the
/// characters is the module-internal ``value``, which ``LLMClient`` reads to write the
/// `Authorization` header. ``redact(_:)`` is the last line of defence for text that came from
/// elsewhere (an endpoint's error message may echo the key back).
public struct LLMAPIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// What is shown instead of the key.
    public static let placeholder = "<redacted>"

    /// The key itself; internal so that nothing outside this module can print it by accident.
    let value: String

    /// - Parameter value: the key as issued, surrounding white space removed.
    public init(_ value: String) {
        self.value = value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var description: String { Self.placeholder }
    public var debugDescription: String { "LLMAPIKey(\(Self.placeholder))" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// `text` with every occurrence of the key replaced by ``placeholder``.
    ///
    /// Keys shorter than four characters are not searched for, since they would match ordinary words.
    public func redact(_ text: String) -> String {
        guard value.count >= 4 else { return text }
        return text.replacingOccurrences(of: value, with: Self.placeholder)
    }
}
